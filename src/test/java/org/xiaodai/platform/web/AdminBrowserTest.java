package org.xiaodai.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The admin pages in a real browser: Debian's Chromium and chromedriver, headless, given by path so
 * Selenium Manager never downloads anything. Skipped where they are not installed. Screenshots go
 * to {@code target/screenshots}.
 */
@IntegrationTest
@Tag("browser")
class AdminBrowserTest {

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
    void institutionAdminCreatesAUserSwitchesLanguageAndUsesThePhoneLayout() throws IOException {
        open("/login?lang=zh_CN");
        screenshot("01-login-zh");
        signIn("a-admin", "Demo@2026xd");
        assertThat(navText()).contains("用户管理", "角色权限", "复核审批", "审计日志");
        screenshot("02-home-zh");

        String username = "web-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(username);
        open("/users");
        assertThat(driver.findElement(By.id("users")).getText()).contains(username, "浏览器测试");
        screenshot("03-users-zh");

        driver.findElement(By.linkText("English")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Users"));
        assertThat(navText()).contains("Home", "Users", "Roles", "Approvals", "Audit trail").doesNotContain("用户管理");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Users");
        screenshot("04-users-en");

        phoneLayout();
        open("/users/" + UUID.randomUUID());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        screenshot("07-not-found-en");
    }

    private void createUser(String username) {
        open("/users/new");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("displayName")).sendKeys("浏览器测试");
        new Select(driver.findElement(By.id("branchId"))).selectByIndex(2);
        new Select(driver.findElement(By.id("dataScope"))).selectByValue("BRANCH");
        driver.findElement(By.id("initialPassword")).sendKeys("Brows#2026er");
        driver.findElement(By.cssSelector("#user-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("用户已创建。");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(username);
    }

    /** At 390 px the navigation hides behind the menu button, which opens it. */
    private void phoneLayout() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/users");
        Number width = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(400);
        WebElement menu = driver.findElement(By.cssSelector(".menu-button"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        screenshot("05-users-phone");
        menu.click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("06-menu-open-phone");
    }

    private void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
    }

    private String navText() {
        List<WebElement> links = driver.findElements(By.cssSelector("#nav a"));
        return String.join(" ", links.stream().map(e -> e.getAttribute("textContent").strip()).toList());
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
}
