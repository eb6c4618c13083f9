package org.xiaodai.portal.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.portal.PortalFixtures;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A borrower at phone width (390 × 844) in a real browser: registers with the code the simulated SMS
 * gateway sent, gives the credit-bureau consent, prices and applies for a loan (rate and schedule
 * first), signs the contract, sees the loan paid out with its schedule, and repays; the page never
 * scrolls sideways and the browser refuses nothing.
 */
@IntegrationTest
@Tag("browser")
class PortalBrowserTest {

    private static final Map<String, String> ANSWERS = Map.of("employmentLength", "A75", "housing", "A152",
            "savings", "A65", "property", "A121", "job", "A173", "currentAccount", "A14", "otherInstallments", "A143",
            "telephone", "A192", "guarantor", "A103");

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
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aBorrowerRegistersAppliesSignsSeesTheLoanAndRepaysOnAPhone() {
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        Api api = new Api(port);
        PortalFixtures portal = new PortalFixtures(api);
        PortalFixtures.Person person = PortalFixtures.Person.fresh();
        portal.customer(api.token("a-officer", Api.DEMO_PASSWORD), person);
        String product = new OriginationFixtures(api).product(api.token("a-admin", Api.DEMO_PASSWORD));

        driver.get(base() + "/portal");
        assertThat(driver.getCurrentUrl()).as("signed out: to the sign-in page").endsWith("/portal/login");
        driver.findElement(By.id("to-register")).click();
        type("mobile", person.mobile());
        driver.findElement(By.id("send-code")).click();
        type("code", portal.codeSentTo(person.mobile()));
        type("name", person.name());
        type("idNumber", person.idNumber());
        type("password", PortalFixtures.PASSWORD);
        driver.findElement(By.id("register")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/portal/consents");
        noSidewaysScroll("consents");

        driver.findElement(By.cssSelector("input[id^='agree-CREDIT_BUREAU_QUERY-']")).click();
        driver.findElement(By.cssSelector("button[id^='consent-CREDIT_BUREAU_QUERY-']")).click();
        assertThat(driver.findElements(By.cssSelector("button[id^='consent-CREDIT_BUREAU_QUERY-']"))).isEmpty();

        driver.get(base() + "/portal/apply?productId=" + product);
        type("q-amount", "30000");
        type("q-n", "12");
        driver.findElement(By.id("price")).click();
        assertThat(driver.findElement(By.id("apr")).getText()).as("the annualised rate first").matches("\\d+\\.\\d{2}%");
        assertThat(driver.findElements(By.cssSelector("#quote-schedule tbody tr"))).hasSize(12);
        noSidewaysScroll("apply");
        new Select(driver.findElement(By.id("purpose"))).selectByValue("CONSUMPTION");
        ANSWERS.forEach((question, answer) -> new Select(driver.findElement(By.id(question))).selectByValue(answer));
        driver.findElement(By.id("idCard")).sendKeys(Path.of("src/main/resources/static/portal/icons/icon-192.png")
                .toAbsolutePath().toString());
        driver.findElement(By.id("apply")).click();
        String applicationId = driver.getCurrentUrl().replaceAll(".*/portal/applications/", "");
        if (driver.findElements(By.id("to-contract")).isEmpty()) {
            // a busy test run can flag the application for a person: the lender approves it
            String token = api.post("/api/v1/portal/auth/token", null, Map.of("mobile", person.mobile(),
                    "password", PortalFixtures.PASSWORD)).json().get("token").asString();
            portal.approved("a", applicationId, token);
            driver.navigate().refresh();
        }
        driver.findElement(By.id("to-contract")).click();
        assertThat(driver.findElement(By.id("contract-text")).getText()).contains("年化利率");
        driver.findElement(By.id("accept")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage("must tick agreement first")
                .until(d -> !d.findElements(By.cssSelector("p.errors")).isEmpty());
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("accept")).click();
        // the form re-submits from the page that showed the error: wait for the new page, not the old URL
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("accepted: on to the loan")
                .until(d -> d.getCurrentUrl().contains("/portal/loans/"));
        String loanId = driver.getCurrentUrl().replaceAll(".*/portal/loans/", "").replaceAll("\\?.*", "");
        assertThat(driver.findElement(By.id("loan-status")).getAttribute("data-status")).isEqualTo("PENDING_DISBURSEMENT");

        portal.disburse("a", loanId);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            d.navigate().refresh();
            return "ACTIVE".equals(d.findElement(By.id("loan-status")).getAttribute("data-status"));
        });
        assertThat(driver.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(12);
        noSidewaysScroll("loan");
        type("repay-amount", "800.00");
        driver.findElement(By.id("repay")).click();
        assertThat(driver.findElement(By.id("paid")).getText()).contains("800");
        assertThat(driver.findElements(By.cssSelector("#statement tr[data-kind='REPAYMENT']"))).hasSize(1);

        driver.get(base() + "/portal");
        assertThat(driver.findElements(By.cssSelector("a.loan[data-status='ACTIVE']"))).hasSize(1);
        noSidewaysScroll("home");
        assertThat(driver.findElement(By.cssSelector("link[rel='manifest']")).getAttribute("href"))
                .endsWith("/portal/manifest.webmanifest");
        assertThat(browser.consoleMessages()).as("nothing refused by the browser")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    }

    private void noSidewaysScroll(String page) {
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertThat(width).as("%s fits the phone's width", page).isLessThanOrEqualTo(viewport);
    }

    private void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
