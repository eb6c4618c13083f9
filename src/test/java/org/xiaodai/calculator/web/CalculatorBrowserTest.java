package org.xiaodai.calculator.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calculator page in a real browser, as an anonymous visitor: Debian's Chromium and
 * chromedriver, headless, skipped where they are not installed. Screenshots go to
 * {@code target/screenshots}.
 */
@IntegrationTest
@Tag("browser")
class CalculatorBrowserTest {

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
    void visitorOnAPhoneCalculatesAndSeesTheAprFirstAndLargest() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/calculator?lang=zh_CN");
        assertThat(innerWidth()).isLessThanOrEqualTo(400);

        recalculateWith24Months();
        assertThat(driver.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(24);
        assertThat(driver.findElement(By.id("apr")).getText()).isEqualTo("12.00%");
        assertThat(driver.findElements(By.cssSelector("#schedule-chart canvas"))).isNotEmpty();
        assertThat(fontSize("apr")).isGreaterThan(fontSize("periodic-rate")).isGreaterThan(fontSize("installment-amount"));
        assertThat(fontSize("apr")).isGreaterThan(fontSize("total-interest"));
        assertThat(scrollWidth("document.documentElement")).as("the page itself never scrolls sideways")
                .isLessThanOrEqualTo(innerWidth());
        assertThat(scrollWidth("document.querySelector('#calc-results .table-wrap')")).as("the table scrolls inside its box")
                .isGreaterThan(clientWidth("#calc-results .table-wrap"));
        assertThat(clientWidth("#schedule-chart")).isLessThanOrEqualTo(innerWidth());
        fullPageScreenshot("calculator-phone");
    }

    @Test
    void visitorOnADesktopSwitchesToEnglishAndSeesFieldErrorsWithoutAReload() throws IOException {
        open("/calculator?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Loan calculator");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#schedule-chart canvas")));
        fullPageScreenshot("calculator-desktop");

        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true");
        WebElement repayments = driver.findElement(By.id("numberOfRepayments"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].removeAttribute('min')", repayments);
        repayments.clear();
        repayments.sendKeys("0");
        driver.findElement(By.id("calculate")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("numberOfRepayments-error")));
        assertThat(driver.findElement(By.id("numberOfRepayments-error")).getText()).isEqualTo("There must be at least one repayment.");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded")).isEqualTo(true);
        screenshot("calculator-desktop-error");
    }

    @Test
    void visitorAsksWhatIfTheyPayNothingAndSeesTheLoanOverdueWithoutAReload() throws IOException {
        open("/calculator?lang=en");
        assertThat(driver.findElement(By.id("servicing-dpd")).getText()).isEqualTo("10");
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true");
        driver.findElement(By.id("repayments")).clear();
        WebElement oldResults = driver.findElement(By.id("servicing-results"));
        driver.findElement(By.id("simulate")).click();
        waitFor().until(Browser.replaced(oldResults));
        assertThat(Integer.parseInt(driver.findElement(By.id("servicing-dpd")).getText())).isGreaterThan(30);
        assertThat(driver.findElement(By.id("servicing-status")).getText()).isEqualTo("Overdue");
        assertThat(driver.findElements(By.cssSelector("#servicing-installments tr.late"))).hasSize(2);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded")).isEqualTo(true);
        fullPageScreenshot("calculator-servicing");
    }

    private void recalculateWith24Months() {
        WebElement repayments = driver.findElement(By.id("numberOfRepayments"));
        repayments.clear();
        repayments.sendKeys("24");
        new Select(driver.findElement(By.id("amortization"))).selectByValue("EQUAL_INSTALLMENTS");
        WebElement oldResults = driver.findElement(By.id("calc-results"));
        driver.findElement(By.id("calculate")).click();
        waitFor().until(Browser.replaced(oldResults));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#schedule-chart canvas")));
    }

    private double fontSize(String id) {
        String size = (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.getElementById(arguments[0])).fontSize", id);
        return Double.parseDouble(size.replace("px", ""));
    }

    private long innerWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
    }

    private long scrollWidth(String element) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return " + element + ".scrollWidth")).longValue();
    }

    private long clientWidth(String selector) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector(arguments[0]).clientWidth", selector)).longValue();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }

    /** Grows the window to the page's height so one picture shows the whole page, then restores it. */
    private void fullPageScreenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
        screenshot(name);
        driver.manage().window().setSize(before);
    }
}
