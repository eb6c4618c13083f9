package org.xiaodai.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both given by path so Selenium
 * Manager never downloads a driver or browser. Where they are missing the calling test is
 * skipped, unless {@code XIAODAI_REQUIRE_BROWSER=1} (set by {@code .ci/run}), where it fails.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** A fresh browser with an empty profile whose preferred language is Simplified Chinese. */
    public static Browser start() {
        boolean installed = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
        if (!installed && "1".equals(System.getenv("XIAODAI_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("XIAODAI_REQUIRE_BROWSER=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("xiaodai-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            // the console, so tests can see what the browser refused (Content-Security-Policy violations)
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            Files.createDirectories(SCREENSHOTS);
            return new Browser(new ChromeDriver(service, options), service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Until an element has left the page: swapped out by htmx, or its whole page replaced by the next one. While the next
     * page loads, Chromium may answer a question about the old page's node with "node does not belong to the document"
     * (an unknown error, not a stale-element one): that, too, means the element is gone. Use this rather than
     * {@code ExpectedConditions.stalenessOf}, which lets that error through and fails the test.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        return new ExpectedCondition<>() {
            @Override
            public Boolean apply(WebDriver driver) {
                try {
                    element.isEnabled();
                    return false;
                } catch (StaleElementReferenceException stale) {
                    return true;
                } catch (WebDriverException e) {
                    if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                        return true;
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return "the element to leave the page: " + element;
            }
        };
    }

    public WebDriver driver() {
        return driver;
    }

    /** The console messages logged since the last call (errors, warnings and CSP violations included). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Saves the current page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
