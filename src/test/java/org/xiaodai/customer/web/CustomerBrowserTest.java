package org.xiaodai.customer.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan officer enters a customer in a real browser: a wrong ID number is flagged as soon as the
 * field changes (live validation), the corrected customer is saved, and the 360 view shows the
 * identifiers masked, with no button to unmask them for an officer. Screenshots in target/screenshots.
 */
@IntegrationTest
@Tag("browser")
class CustomerBrowserTest {

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
    void officerEntersACustomerWithLiveValidationAndSeesTheMaskedView() {
        open("/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys("a-officer");
        driver.findElement(By.id("password")).sendKeys("Demo@2026xd");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
        assertThat(driver.findElement(By.id("nav")).getText()).contains("客户管理", "黑名单");

        open("/customers");
        assertThat(driver.findElement(By.id("customers")).getText()).contains("示例").contains("**********");
        browser.screenshot("customer-01-list");

        String idNumber = CustomerTestUtils.residentId();
        String mobile = CustomerTestUtils.mobile();
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        open("/customers/new");
        driver.findElement(By.id("name")).sendKeys("浏览器示例客户");
        driver.findElement(By.id("idNumber")).sendKeys(wrong, Keys.TAB);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("idNumber-check"), "校验"));
        browser.screenshot("customer-02-live-validation");
        driver.findElement(By.id("idNumber")).clear();
        driver.findElement(By.id("idNumber")).sendKeys(idNumber, Keys.TAB);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("idNumber-check"), "通过"));
        driver.findElement(By.id("mobile")).sendKeys(mobile, Keys.TAB);
        driver.findElement(By.id("monthlyIncome")).sendKeys("9000.00");
        driver.findElement(By.id("save-customer")).click();

        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("客户已保存。");
        assertThat(driver.findElement(By.id("customer-name")).getText()).isEqualTo("浏览器示例客户");
        String shownId = driver.findElement(By.id("id-number")).getText();
        assertThat(shownId).isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(driver.findElement(By.id("mobile")).getText())
                .isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(driver.getPageSource()).doesNotContain(idNumber, mobile);
        assertThat(driver.findElements(By.id("show-full"))).as("an officer cannot unmask").isEmpty();
        browser.screenshot("customer-03-masked-view");
        List<String> refused = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(refused).isEmpty();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
