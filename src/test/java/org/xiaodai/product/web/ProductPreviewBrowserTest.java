package org.xiaodai.product.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product form in a real browser: as the administrator types, htmx shows the annualised rate
 * range and flags a rate above the benchmark before anything is saved; saving shows the product
 * with the range first.
 */
@IntegrationTest
@Tag("browser")
class ProductPreviewBrowserTest {

    @LocalServerPort
    int port;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdministratorSeesTheAnnualisedRateRangeWhileTyping() {
        driver.get("http://localhost:" + port + "/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys("a-admin");
        driver.findElement(By.id("password")).sendKeys("Demo@2026xd");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.className("who-name")));
        driver.get("http://localhost:" + port + "/products/new");
        String code = ProductFixtures.code();
        type("code", code);
        type("name", "浏览器测试贷");
        type("minPrincipal", "5000");
        type("maxPrincipal", "200000");
        type("minAnnualInterestRatePercent", "7.2");
        type("maxAnnualInterestRatePercent", "15");
        driver.findElement(By.id("code")).click();
        WebElement apr = wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-apr")));
        assertThat(apr.getText()).contains("7.20", "15.00");
        assertThat(driver.findElement(By.id("preview-cap-exceeded")).getText()).contains("12.00");
        browser.screenshot("product-preview-above-benchmark");

        WebElement max = driver.findElement(By.id("maxAnnualInterestRatePercent"));
        max.clear();
        max.sendKeys("10.8");
        driver.findElement(By.id("code")).click();
        wait(Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-cap-exceeded")));
        assertThat(driver.findElement(By.id("preview-apr")).getText()).contains("10.80");
        driver.findElement(By.id("save-product")).click();
        WebElement range = wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("apr-range")));
        assertThat(range.getText()).contains("7.20", "10.80");
        assertThat(driver.getPageSource()).contains(code);
        browser.screenshot("product-saved");
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
