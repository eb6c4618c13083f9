package org.xiaodai.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: the confirmation step of a destructive action, the signed-in
 * user's menu at phone width, the audit filters, and screenshots of the audit, users and home
 * pages at desktop and phone width in both languages ({@code target/screenshots/console-*}).
 */
@IntegrationTest
@Tag("browser")
class ConsoleBrowserTest {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    void superuserJdbc(@org.springframework.beans.factory.annotation.Qualifier("operationsDataSource")
                       javax.sql.DataSource superuser) {
        this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(superuser);
    }

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
    void disablingAUserGoesThroughAConfirmationPage() {
        String username = "br-off-" + UUID.randomUUID().toString().substring(0, 6);
        UUID hz = organisationOf("a-admin");
        TenantWall.regionWide(() -> users.createUnchecked(new Users.CreateUser(hz, null, username, "确认测试",
                ScopeLevel.OWN, "Browse#2026pw"), false));
        signIn("a-admin");
        open("/users?q=" + username);
        driver.findElement(By.cssSelector("#user-" + username + " .status-cell button")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-yes")));
        assertThat(driver.findElement(By.id("confirm-title")).getText()).isEqualTo("停用该用户？");
        assertThat(driver.findElement(By.id("confirm-question")).getText()).contains(username);
        browser.screenshot("console-confirm-disable-zh");
        driver.findElement(By.id("confirm-cancel")).click();
        open("/users?q=" + username);
        assertThat(driver.findElement(By.id("user-" + username)).getText()).contains("已启用");

        driver.findElement(By.cssSelector("#user-" + username + " .status-cell button")).click();
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id("confirm-yes"))).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("用户已停用。");
    }

    @Test
    void atPhoneWidthTheUsersMenuOffersChangePasswordAndSignOut() {
        signIn("a-admin");
        driver.manage().window().setSize(PHONE);
        open("/users");
        assertThat(driver.findElement(By.cssSelector(".who")).isDisplayed()).as("no room in the header").isFalse();
        driver.findElement(By.cssSelector(".menu-button")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-user")));
        assertThat(driver.findElement(By.id("nav-change-password")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("nav-logout")).isDisplayed()).isTrue();
        browser.screenshot("console-phone-menu-zh");
        driver.findElement(By.id("nav-change-password")).click();
        waitFor().until(ExpectedConditions.urlContains("/account/password"));
        driver.findElement(By.cssSelector(".menu-button")).click();
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id("nav-logout"))).click();
        waitFor().until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void theAuditFiltersNarrowTheTrailAndStayInTheUrl() {
        signIn("a-admin");
        open("/audit");
        new Select(driver.findElement(By.id("action"))).selectByValue("iam.login.succeeded");
        driver.findElement(By.id("actor")).sendKeys("a-admin");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlContains("action=iam.login.succeeded"));
        assertThat(driver.getCurrentUrl()).contains("actor=a-admin");
        List<WebElement> actions = driver.findElements(By.cssSelector("#audit td.action"));
        assertThat(actions).isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("登录成功"));
        assertThat(driver.findElements(By.cssSelector("#audit td.actor"))).allSatisfy(cell ->
                assertThat(cell.getText()).isEqualTo("a-admin (HZXD)"));
        assertThat(driver.findElement(By.id("export")).getAttribute("href")).contains("/audit/export.csv?", "actor=a-admin");
    }

    @Test
    void screenshotsOfTheAuditUsersAndHomePagesAtDesktopAndPhoneWidthInBothLanguages() {
        signIn("a-admin");
        for (String language : List.of("zh_CN", "en")) {
            open("/?lang=" + language);
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                driver.manage().window().setSize(size);
                String width = size == DESKTOP ? "desktop" : "phone";
                String lang = language.startsWith("zh") ? "zh" : "en";
                for (String page : List.of("/", "/users", "/audit")) {
                    open(page);
                    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                    String name = page.equals("/") ? "home" : page.substring(1);
                    browser.screenshot("console-" + name + "-" + width + "-" + lang);
                    Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - window.innerWidth");
                    assertThat(overflow.intValue()).as("%s at %s does not scroll the whole page sideways", page, width)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
        driver.manage().window().setSize(PHONE);
        open("/audit");
        WebElement hint = driver.findElement(By.cssSelector(".scroll-hint"));
        assertThat(hint.isDisplayed()).as("a wide table says it scrolls").isTrue();
    }

    private UUID organisationOf(String username) {
        return jdbc.sql("select institution_id from iam_user where username = ?").param(username)
                .query(UUID.class).single();
    }

    private void signIn(String username) {
        open("/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Demo@2026xd");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }
}
