package org.xiaodai.analytics.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator in a real browser: the home page, the table of institutions with their indicators,
 * one institution's page, its dashboard with charts drawn by ECharts (canvas, no CSP refusal) and the
 * loans behind a figure. Screenshots in target/screenshots.
 */
@IntegrationTest
@Tag("browser")
class RegulatorDashboardBrowserTest {

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
    void theRegulatorGoesFromHomeToAnInstitutionToItsDashboard() {
        open("/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys("regulator");
        driver.findElement(By.id("password")).sendKeys("Demo@2026xd");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
        assertThat(driver.findElement(By.id("nav")).getText()).contains("统计分析", "实时数据");
        browser.screenshot("regulator-01-home");

        open("/supervision");
        assertThat(driver.findElement(By.id("institutions")).getText()).contains("HZXD", "不良贷款率");
        driver.findElement(By.partialLinkText("HZXD")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("registry-history")));
        browser.screenshot("regulator-02-institution");
        String institution = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);

        open("/analytics/institutions/" + institution);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-analytics-chart='distribution-grade'] canvas")));
        assertThat(driver.findElements(By.cssSelector("[data-analytics-chart] canvas"))).hasSizeGreaterThanOrEqualTo(4);
        browser.screenshot("regulator-03-dashboard");
        driver.findElement(By.id("all-loans")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("loans")));
        browser.screenshot("regulator-04-loans");
        List<String> refused = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(refused).isEmpty();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }
}
