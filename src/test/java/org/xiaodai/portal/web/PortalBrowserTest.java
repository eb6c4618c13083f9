package org.xiaodai.portal.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.portal.PortalFixtures;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A borrower at phone width (390 × 844) in a real browser: registers with the code the simulated SMS
 * gateway sent, gives the credit-bureau consent, prices and applies for a loan (rate and schedule
 * first), signs the contract, sees the loan paid out with its schedule, repays, and pays it off with
 * the payoff quote; the page never scrolls sideways and the browser refuses nothing. Every click that
 * submits waits for the next page explicitly (no state is read while a form is still submitting).
 */
@IntegrationTest
@Tag("browser")
class PortalBrowserTest {

    private static final Map<String, String> ANSWERS = Map.of("employmentLength", "A75", "housing", "A152",
            "savings", "A65", "property", "A121", "job", "A173", "currentAccount", "A14", "otherInstallments", "A143",
            "telephone", "A192", "guarantor", "A103");

    /** Generous: a loaded 2-core machine runs this next to other suites. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
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
    void aBorrowerGoesFromRegistrationToPayoffOnAPhone() {
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        Api api = new Api(port);
        PortalFixtures portal = new PortalFixtures(api);
        PortalFixtures.Person person = PortalFixtures.Person.fresh();
        portal.customer(api.token("a-officer", Api.DEMO_PASSWORD), person);
        String product = new OriginationFixtures(api).product(api.token("a-admin", Api.DEMO_PASSWORD));

        driver.get(base() + "/portal");
        until("signed out: to the sign-in page", d -> d.getCurrentUrl().endsWith("/portal/login"));
        click(By.id("to-register"));
        type("mobile", person.mobile());
        submit(By.id("send-code"));
        type("code", portal.codeSentTo(person.mobile()));
        type("name", person.name());
        type("idNumber", person.idNumber());
        type("password", PortalFixtures.PASSWORD);
        submit(By.id("register"));
        until("registered: on to the consents", d -> d.getCurrentUrl().endsWith("/portal/consents"));
        noSidewaysScroll("consents");

        driver.findElement(By.cssSelector("input[id^='agree-CREDIT_BUREAU_QUERY-']")).click();
        submit(By.cssSelector("button[id^='consent-CREDIT_BUREAU_QUERY-']"));
        assertThat(driver.findElements(By.cssSelector("button[id^='consent-CREDIT_BUREAU_QUERY-']"))).isEmpty();

        driver.get(base() + "/portal/apply?productId=" + product);
        type("q-amount", "30000");
        type("q-n", "12");
        submit(By.id("price"));
        assertThat(driver.findElement(By.id("apr")).getText()).as("the annualised rate first").matches("\\d+\\.\\d{2}%");
        assertThat(driver.findElements(By.cssSelector("#quote-schedule tbody tr"))).hasSize(12);
        noSidewaysScroll("apply");
        new Select(driver.findElement(By.id("purpose"))).selectByValue("CONSUMPTION");
        ANSWERS.forEach((question, answer) -> new Select(driver.findElement(By.id(question))).selectByValue(answer));
        driver.findElement(By.id("idCard")).sendKeys(Path.of("src/main/resources/static/portal/icons/icon-192.png")
                .toAbsolutePath().toString());
        submit(By.id("apply"));
        until("applied: the application's progress", d -> d.getCurrentUrl().contains("/portal/applications/"));
        String applicationId = driver.getCurrentUrl().replaceAll(".*/portal/applications/", "").replaceAll("[?#].*", "");
        if (driver.findElements(By.id("to-contract")).isEmpty()) {
            // a busy test run can flag the application for a person: the lender approves it
            String token = api.post("/api/v1/portal/auth/token", null, Map.of("mobile", person.mobile(),
                    "password", PortalFixtures.PASSWORD)).json().get("token").asString();
            portal.approved("a", applicationId, token);
            driver.navigate().refresh();
            until("approved: the contract is ready", d -> !d.findElements(By.id("to-contract")).isEmpty());
        }
        submit(By.id("to-contract"));
        assertThat(driver.findElement(By.id("contract-text")).getText()).contains("年化利率");
        submit(By.id("accept"));
        until("must tick agreement first", d -> !d.findElements(By.cssSelector("p.errors")).isEmpty());
        driver.findElement(By.id("agree")).click();
        submit(By.id("accept"));
        until("accepted: on to the loan", d -> d.getCurrentUrl().contains("/portal/loans/"));
        String loanId = driver.getCurrentUrl().replaceAll(".*/portal/loans/", "").replaceAll("[?#].*", "");
        assertThat(driver.findElement(By.id("loan-status")).getAttribute("data-status")).isEqualTo("PENDING_DISBURSEMENT");

        // the lender pays the loan out; as if the bank had done so yesterday, since servicing refuses a payoff
        // on the disbursement date (the real disbursement through the simulated bank: PortalApiIntegrationTest)
        UUID hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        LocalDate today = jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(hzxd)
                .query(LocalDate.class).single();
        new ServicingTestUtils(context).activate(hzxd, UUID.fromString(loanId), today.minusDays(1));
        driver.navigate().refresh();
        until("paid out", d -> "ACTIVE".equals(d.findElement(By.id("loan-status")).getAttribute("data-status")));
        assertThat(driver.findElements(By.cssSelector("#schedule tbody tr"))).hasSize(12);
        noSidewaysScroll("loan");
        type("repay-amount", "800.00");
        submit(By.id("repay"));
        until("repaid", d -> !d.findElements(By.id("paid")).isEmpty());
        assertThat(driver.findElement(By.id("paid")).getText()).contains("800");
        assertThat(driver.findElements(By.cssSelector("#statement tr[data-kind='REPAYMENT']"))).hasSize(1);

        // the payoff quote, then paying the loan off
        assertThat(driver.findElement(By.id("payoff-quote")).getText()).as("the payoff quote is shown").isNotBlank();
        String total = driver.findElement(By.id("payoff")).getText();
        submit(By.id("payoff"));
        until("paid off", d -> "PAID_OFF".equals(d.findElement(By.id("loan-status")).getAttribute("data-status")));
        assertThat(driver.findElement(By.id("paid")).getText()).as("the payoff amount confirmed (%s)", total).isNotBlank();
        assertThat(driver.findElements(By.id("payoff"))).as("nothing left to pay").isEmpty();
        noSidewaysScroll("paid off");

        driver.get(base() + "/portal");
        until("home", d -> !d.findElements(By.cssSelector("a.loan")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("a.loan[data-status='PAID_OFF']"))).hasSize(1);
        noSidewaysScroll("home");
        assertThat(driver.findElement(By.cssSelector("link[rel='manifest']")).getAttribute("href"))
                .endsWith("/portal/manifest.webmanifest");
        assertThat(browser.consoleMessages()).as("nothing refused by the browser")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    }

    /** Clicks a form's submit button (or a link) and waits until the next page has replaced this one and loaded. */
    private void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, WAIT).withMessage("the page after " + button).until(Browser.replaced(page));
        until("the page after " + button + " loaded",
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void click(By link) {
        submit(link);
    }

    private void until(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
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
