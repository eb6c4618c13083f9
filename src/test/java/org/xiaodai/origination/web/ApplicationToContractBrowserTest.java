package org.xiaodai.origination.web;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the officer enters an application with the live preview of the annualised rate,
 * submits it; 初审 (a-reviewer) approves it from the queue, 终审 (a-approver) approves it, and the
 * officer records the borrower's acceptance of the contract.
 */
@IntegrationTest
@Tag("browser")
class ApplicationToContractBrowserTest {

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
    void anOfficersApplicationGoesThroughFirstAndFinalReviewToAnAcceptedContract() {
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        Api api = new Api(port);
        OriginationFixtures fixtures = new OriginationFixtures(api);
        String product = fixtures.product(api.token("a-admin", Api.DEMO_PASSWORD));
        String customer = fixtures.borrower(api.token("a-officer", Api.DEMO_PASSWORD));

        signIn("a-officer");
        driver.get(base() + "/applications/new?customerId=" + customer);
        new Select(driver.findElement(By.id("productId"))).selectByValue(product);
        type("amount", "120000");
        type("numberOfRepayments", "12");
        type("annualInterestRatePercent", "9.6");
        OriginationFixtures.goodAnswers().forEach((key, value) -> {
            if (!driver.findElements(By.id("answer." + key)).isEmpty()) {
                type("answer." + key, String.valueOf(value));
            }
        });
        driver.findElement(By.id("amount")).click();
        WebElement apr = wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-apr")));
        assertThat(apr.getText()).contains("%");
        assertThat(driver.findElement(By.id("preview-installment")).getText()).isNotBlank();
        browser.screenshot("application-entry-preview");
        driver.findElement(By.id("save-submit")).click();
        WebElement openLevel = wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("open-level")));
        assertThat(driver.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("UNDER_REVIEW");
        assertThat(openLevel.getText()).contains("初审");
        String applicationUrl = driver.getCurrentUrl();
        String applicationId = applicationUrl.substring(applicationUrl.lastIndexOf('/') + 1);

        signIn("a-reviewer");
        driver.get(base() + "/approval/queue");
        driver.findElement(By.cssSelector("tr[data-application='" + applicationId + "'] a.open-application")).click();
        decide("初审通过：收入与流水相符");
        assertThat(wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("open-level")))
                .getText()).contains("终审");
        browser.screenshot("application-after-first-review");

        signIn("a-approver");
        driver.get(base() + "/applications/" + applicationId);
        decide("终审同意");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "APPROVED"));
        assertThat(driver.findElement(By.id("decisions")).getText()).contains("初审通过", "终审同意");

        signIn("a-officer");
        driver.get(base() + "/applications/" + applicationId);
        driver.findElement(By.id("contract-link")).click();
        WebElement contractApr = wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("contract-apr")));
        assertThat(contractApr.getText()).endsWith("%");
        assertThat(driver.findElement(By.id("contract-text")).getText()).contains("借款合同", "年化利率", "还款计划");
        browser.screenshot("contract-before-acceptance");
        driver.findElement(By.id("accept")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("contract-status"), "data-status", "ACCEPTED"));
        driver.get(base() + "/applications/" + applicationId);
        assertThat(driver.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("CONTRACTED");
        assertThat(driver.findElement(By.id("loan-id")).getText()).isNotBlank();
    }

    private void decide(String comment) {
        WebElement box = wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("comment")));
        box.sendKeys(comment);
        driver.findElement(By.id("decide-submit")).click();
    }

    private void signIn(String username) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login?lang=zh_CN");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.className("who-name")));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * The waits span a form's post and the page that answers it: an element found on the old page can go stale
     * before its attribute is read, which is a reason to look again, not a failure.
     */
    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
