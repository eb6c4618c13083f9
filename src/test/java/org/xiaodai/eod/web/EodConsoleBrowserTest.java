package org.xiaodai.eod.web;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.eod.EodFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An institution administrator closes two business dates on the console in a real browser: the
 * close asks for confirmation, the running run's progress moves on the page by itself (htmx
 * polling) and, once the run is over, the page reloads itself with the new business date. Screenshots in target/screenshots.
 */
@IntegrationTest
@Tag("browser")
class EodConsoleBrowserTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Browser browser;
    WebDriver driver;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

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
    void anAdministratorClosesDatesAndWatchesTheProgressLive() {
        EodFixtures fixtures = new EodFixtures(new Api(port), jdbc, Api.ADMIN_PASSWORD);
        EodFixtures.Institution bank = fixtures.institution();
        fixtures.enrol(bank.id(), 6, 3, 600);
        String username = jdbc.sql("select username from iam_user where institution_id = ?").param(bank.id())
                .query(String.class).single();

        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(EodFixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
        open("/eod");
        assertThat(driver.findElement(By.id("business-date")).getText()).isEqualTo(bank.openedOn().toString());
        browser.screenshot("eod-01-console");

        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.id("through")), bank.openedOn().plusDays(1).toString());
        driver.findElement(By.id("close-submit")).click();
        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-yes")));
        assertThat(driver.findElement(By.id("confirm-question")).getText())
                .contains(bank.openedOn().toString(), bank.openedOn().plusDays(1).toString());
        driver.findElement(By.id("confirm-yes")).click();

        waitFor(10).until(ExpectedConditions.presenceOfElementLocated(By.id("eod-progress")));
        browser.screenshot("eod-02-running");
        Set<String> seen = new HashSet<>();
        String closed = bank.openedOn().plusDays(2).toString();
        waitFor(90).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var progress = d.findElements(By.id("eod-processed"));
            if (!progress.isEmpty()) {
                seen.add(progress.getFirst().getText());
            }
            return d.findElement(By.id("business-date")).getText().equals(closed);
        });
        browser.screenshot("eod-03-completed");
        assertThat(seen).as("the progress line changed on the page by itself").hasSizeGreaterThan(1);
        assertThat(driver.findElements(By.id("eod-progress"))).as("the page reloaded once the run was over").isEmpty();
        assertThat(driver.findElement(By.id("runs")).getText()).contains("Completed");
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private WebDriverWait waitFor(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }
}
