package org.xiaodai.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages work under the strict Content-Security-Policy (no inline scripts, styles or eval):
 * the charts draw and show their tooltips, htmx swaps the calculator results, the language
 * switch and the phone menu work — and the browser console reports no refused resource.
 */
@IntegrationTest
@Tag("browser")
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;
    WebDriver driver;
    final List<String> console = new ArrayList<>();

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
    void calculatorDrawsAndRecalculatesWithoutAnythingRefused() {
        open("/calculator?lang=en");
        WebElement chart = waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#schedule-chart canvas")));
        hover(chart);
        WebElement oldResults = driver.findElement(By.id("calc-results"));
        WebElement repayments = driver.findElement(By.id("numberOfRepayments"));
        repayments.clear();
        repayments.sendKeys("6");
        driver.findElement(By.id("calculate")).click();
        waitFor().until(Browser.replaced(oldResults));
        hover(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#schedule-chart canvas"))));
        assertThat(driver.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(6);
        assertThat(injectedStyleElements()).as("htmx injects no <style>").isZero();
        assertNothingRefused();
    }

    @Test
    void signedInPagesSwitchLanguageAndOpenThePhoneMenuWithoutAnythingRefused() {
        open("/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys("a-admin");
        driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
        driver.findElements(By.cssSelector(".chart canvas")).forEach(this::hover);
        driver.findElement(By.linkText("English")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Users"));
        for (String path : List.of("/users", "/roles", "/audit", "/institutions", "/branches")) {
            open(path);
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
        }
        assertThat(((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll('.tree-indent')]"
                + ".every(e => e.getBoundingClientRect().width > 20)")).as("sub-branches are indented by CSS").isEqualTo(true);
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/users");
        driver.findElement(By.cssSelector(".menu-button")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        assertThat(injectedStyleElements()).isZero();
        assertNothingRefused();
    }

    /**
     * Swagger UI works too. It injects one {@code <style>} (the colours of its small logo), which
     * the policy refuses: the logo turns black, nothing else changes. That one refusal is expected
     * and recognised by the hash of its text; anything else refused fails the test.
     */
    @Test
    void swaggerUiShowsTheApiWithOnlyItsLogoColoursRefused() throws Exception {
        open("/swagger-ui/index.html");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        assertThat(driver.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("Xiaodai");
        String logoHash = "sha256-" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(SWAGGER_LOGO_STYLE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(logoHash).isEqualTo("sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=");
        console.addAll(browser.consoleMessages());
        console.removeIf(m -> m.contains("swagger-ui-bundle.js") && m.contains(logoHash));
        assertNothingRefused();
    }

    static final String SWAGGER_LOGO_STYLE = ".logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}";

    private void assertNothingRefused() {
        console.addAll(browser.consoleMessages());
        // the one expected error: there is no favicon
        assertThat(console).as("browser console").filteredOn(m -> !m.contains("/favicon.ico"))
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.startsWith("SEVERE"));
    }

    private long injectedStyleElements() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('style').length")).longValue();
    }

    private void hover(WebElement element) {
        new Actions(driver).moveToElement(element).pause(Duration.ofMillis(300))
                .moveByOffset(10, 5).pause(Duration.ofMillis(300)).perform();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
        console.addAll(browser.consoleMessages());
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
