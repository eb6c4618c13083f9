package org.xiaodai.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.Browser;
import org.xiaodai.support.IntegrationTest;

/** The model page draws every chart in a real browser under the Content-Security-Policy. */
@IntegrationTest
class ScoringBrowserTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Browser browser;
    WebDriver driver;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource superuser) {
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
    void theModelPageDrawsRocKsDistributionPsiAndOneChartPerVariableWithNothingRefused() {
        UUID bCard = ScoringFixtures.activeModel(jdbc, "NBXD", "BEHAVIOUR");
        ScoringFixtures.await(() -> jdbc.sql("select count(*) from scoring_stability where model_id = ?").param(bCard)
                .query(Long.class).single() > 20 ? true : null, Duration.ofSeconds(60));
        driver.get("http://localhost:" + port + "/login?lang=en");
        driver.findElement(By.id("username")).sendKeys("b-risk");
        driver.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("nav")));
        driver.get("http://localhost:" + port + "/scoring/models/" + bCard);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        for (String chart : List.of("roc", "ks", "bands", "psi")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-scoring-chart=" + chart + "] canvas")));
        }
        int variables = driver.findElements(By.cssSelector("[data-scoring-variable]")).size();
        assertThat(variables).isPositive();
        assertThat(driver.findElements(By.cssSelector("[data-scoring-variable] canvas"))).hasSize(variables);
        browser.screenshot("scoring-model");
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("document.querySelector('[data-scoring-chart=roc]').scrollIntoView()");
        browser.screenshot("scoring-model-curves");
        js.executeScript("document.querySelector('[data-scoring-chart=psi]').scrollIntoView()");
        browser.screenshot("scoring-model-stability");
        List<String> console = new ArrayList<>(browser.consoleMessages());
        assertThat(console).filteredOn(m -> !m.contains("/favicon.ico"))
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.startsWith("SEVERE"));
    }
}
