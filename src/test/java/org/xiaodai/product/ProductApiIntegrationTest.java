package org.xiaodai.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.Fee;
import org.xiaodai.calc.LoanCalculator;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiaodai.support.ProductFixtures.body;
import static org.xiaodai.support.ProductFixtures.fee;
import static org.xiaodai.support.ProductFixtures.with;

/**
 * Products through the real API and database: the conformance field names, the 4 × LPR benchmark
 * with the computed rate, fees counted in it, and input errors naming the field.
 */
@IntegrationTest
class ProductApiIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    ProductFixtures products;
    String admin;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        products = new ProductFixtures(api);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
    }

    @Test
    void aCreatedProductAnswersWithItsIdVersionAndTheConformanceFieldNames() {
        Map<String, Object> body = with(with(body(), "fees", List.of(fee("PERCENT", "0.1", "PER_INSTALLMENT"))),
                "maxAnnualInterestRatePercent", "9.6");
        Api.Response created = api.post("/api/v1/products", admin, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.get("id").asString()).isNotBlank();
        assertThat(json.get("version").asInt()).isEqualTo(1);
        JsonNode conventions = json.get("scheduleConventions");
        assertThat(conventions.get("daysInYear").asString()).isEqualTo("360");
        assertThat(conventions.get("daysInMonth").asString()).isEqualTo("30");
        assertThat(conventions.get("amortization").asString()).isEqualTo("EQUAL_INSTALLMENTS");
        assertThat(conventions.get("installmentAmountInMultiplesOf").asString()).isEqualTo("0.01");
        JsonNode policy = json.get("servicingPolicy");
        assertThat(policy.get("penaltyRateMultiplier").asString()).isEqualTo("1.5");
        assertThat(policy.get("penaltyDaysInYear").asInt()).isEqualTo(360);
        assertThat(policy.get("classification").asString()).isEqualTo("CREDIT");
        assertThat(json.get("lprPercent").asString()).isEqualTo("3.00");
        assertThat(json.get("rateCapPercent").asString()).isEqualTo("12.00");
        assertThat(new BigDecimal(json.get("highestAnnualRatePercent").asString()))
                .as("a 0.1 %% monthly fee on the principal lifts the APR above the 9.6 %% contract rate")
                .isGreaterThan(new BigDecimal("11.00"));
        assertThat(json.get("rateCapExceeded").asBoolean()).isFalse();
        Api.Response read = api.get("/api/v1/products/" + json.get("id").asString(), admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("scheduleConventions")).isEqualTo(conventions);
        assertThat(read.json().get("fees").get(0).get("charge").asString()).isEqualTo("PER_INSTALLMENT");
    }

    @Test
    void aProductAboveFourTimesTheLprIsRefusedWithTheComputedRate() {
        Map<String, Object> body = with(with(body(), "maxAnnualInterestRatePercent", "11.5"),
                "fees", List.of(fee("FLAT", "200.00", "AT_DISBURSEMENT")));
        Api.Response refused = api.post("/api/v1/products", admin, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("maxAnnualInterestRatePercent");
        assertThat(error.get("rule").asString()).isEqualTo("rateCap");
        // the worst case: the smallest amount (the flat fee weighs most) over the shortest term
        BigDecimal expected = apr("5000.00", "11.5", 6, List.of(Fee.upfront(new BigDecimal("200.00"))));
        assertThat(expected).isGreaterThan(new BigDecimal("12.00"));
        assertThat(error.get("message").asString()).contains(expected.toPlainString() + "%").contains("12.00%");
        assertThat(superuser.sql("select count(*) from product_version where name = ? and definition ->> 'code' = ?")
                .params("测试消费贷", body.get("code")).query(Long.class).single()).as("nothing written").isZero();
    }

    @Test
    void theRefusalMessageIsInTheCallersLanguage() {
        Map<String, Object> body = with(body(), "maxAnnualInterestRatePercent", "15");
        Api.Response zh = api.send("POST", "/api/v1/products", admin, Api.json(body), "application/json", "zh-CN");
        assertThat(zh.json().get("errors").get(0).get("message").asString()).contains("最高年化利率").contains("12.00%");
        Api.Response en = api.send("POST", "/api/v1/products", admin, Api.json(body), "application/json", "en");
        assertThat(en.json().get("errors").get(0).get("message").asString()).contains("highest annualised rate");
    }

    @Test
    void aProductExactlyAtTheBenchmarkIsAccepted() {
        Api.Response created = api.post("/api/v1/products", admin, with(body(), "maxAnnualInterestRatePercent", "12"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("highestAnnualRatePercent").asString()).isEqualTo("12.00");
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndRule() {
        Map<String, Object> body = with(with(with(with(body(), "scheduleConventions.daysInYear", "361"),
                "servicingPolicy.classification", "MORTGAGE"), "minPrincipal", "1e5"), "allocationOrder", List.of("FEES"));
        Api.Response refused = api.post("/api/v1/products", admin, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        List<String> errors = new ArrayList<>();
        refused.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        assertThat(errors).contains("scheduleConventions.daysInYear:oneOf", "minPrincipal:decimalFormat");
        Api.Response second = api.post("/api/v1/products", admin, with(with(body(), "servicingPolicy.classification",
                "MORTGAGE"), "allocationOrder", List.of("FEES")));
        List<String> more = new ArrayList<>();
        second.json().get("errors").forEach(e -> more.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        assertThat(more).contains("servicingPolicy.classification:classificationMismatch", "allocationOrder:permutation");
    }

    @Test
    void aScheduleTheConventionsCannotComputeIsRefusedOnTheConventionField() {
        Api.Response refused = api.post("/api/v1/products", admin, with(with(body(), "scheduleConventions.interestMethod",
                "FLAT"), "scheduleConventions.amortization", "EQUAL_PRINCIPAL"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("scheduleConventions.interestMethod");
    }

    @Test
    void aSecuredProductMustRequireItsSecurityDocument() {
        Api.Response refused = api.post("/api/v1/products", admin, with(with(body(), "securityType", "MORTGAGE"),
                "servicingPolicy.classification", "MORTGAGE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("securityDocument");
    }

    @Test
    void anUnknownBranchAndAnEffectiveDateBeforeTodayAreRefused() {
        Api.Response refused = api.post("/api/v1/products", admin, with(with(body(), "branchCodes", List.of("E01", "NOPE")),
                "effectiveFrom", "2020-01-01"));
        assertThat(refused.status()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        refused.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        assertThat(errors).containsExactlyInAnyOrder("branchCodes:unknown", "effectiveFrom:beforeBusinessDate");
        assertThat(api.post("/api/v1/products", admin, with(body(), "branchCodes", List.of("E01", "W01"))).status())
                .isEqualTo(201);
    }

    @Test
    void theRateBenchmarkIsReadOnTheEffectiveDate() {
        String platform = api.token("admin", Api.ADMIN_PASSWORD);
        Api.Response published = api.post("/api/v1/lpr", platform, Map.of("effectiveDate", "2091-03-20",
                "oneYearPercent", "2.5"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json().get("rateCapPercent").asString()).isEqualTo("10.00");
        Api.Response refused = api.post("/api/v1/products", admin, with(body(), "effectiveFrom", "2091-04-01"));
        assertThat(refused.status()).as("10.8 %% is above 4 × 2.5 %%: %s", refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("10.80%").contains("10.00%");
        Api.Response before = api.post("/api/v1/products", admin, with(body(), "effectiveFrom", "2091-03-19"));
        assertThat(before.status()).as("the day before, 3 %% is in force: %s", before.body()).isEqualTo(201);
        assertThat(before.json().get("lprDate").asString()).isEqualTo("2025-05-20");
    }

    @Test
    void thePreviewAnswersTheRateRangeWithoutSaving() {
        Map<String, Object> body = with(body(), "maxAnnualInterestRatePercent", "15");
        Api.Response preview = api.post("/api/v1/products/preview", admin, body);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("rateCapExceeded").asBoolean()).isTrue();
        assertThat(preview.json().get("lowestAnnualRatePercent").asString()).isEqualTo("7.20");
        assertThat(api.get("/api/v1/products", admin).body()).doesNotContain((String) body.get("code"));
    }

    /** calc's APR in percent, two decimals HALF_UP, of a monthly 等额本息 loan under the fixture's conventions. */
    static BigDecimal apr(String principal, String rate, int n, List<Fee> fees) {
        LocalDate start = LocalDate.of(2026, 12, 2);
        LoanTerms terms = LoanTerms.builder().principal(principal).annualInterestRatePercent(rate).numberOfRepayments(n)
                .roundingMode(org.xiaodai.calc.RoundingRule.HALF_UP).daysInYear(org.xiaodai.calc.DaysInYear.DAYS_360)
                .daysInMonth(org.xiaodai.calc.DaysInMonth.DAYS_30).disbursementDate(start)
                .firstRepaymentDate(start.plusMonths(1)).build();
        LoanCalculator calculator = new LoanCalculator();
        return calculator.annualRate(calculator.schedule(terms).value(), fees).value().annualPercentageRate()
                .movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
