package org.xiaodai.calculator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@IntegrationTest
class CalculatorApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Only a guard against a hang: a refusal is a pattern check, answered in milliseconds. */
    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void answersAPublishedVectorToTheCentWithoutLogin() throws Exception {
        JsonNode vector = JSON.readTree(Files.readString(Path.of("src/test/resources/conformance/schedules/fineract-rs02.json")));
        Api.Response response = api.post("/api/v1/calculator/schedule", null, vector.get("terms").toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        JsonNode expected = vector.get("expected");
        assertThat(body.get("totalInterest").asString()).isEqualTo(expected.get("totalInterest").asString());
        for (JsonNode row : expected.get("installments")) {
            JsonNode actual = body.get("installments").get(row.get("n").asInt() - 1);
            for (String key : new String[] {"dueDate", "principal", "interest", "total", "balanceAfter"}) {
                if (row.has(key)) {
                    assertThat(actual.get(key).asString()).as("row %s %s", row.get("n"), key).isEqualTo(row.get(key).asString());
                }
            }
        }
        assertThat(body.get("installments").get(0).get("principal").isString()).isTrue();
    }

    @Test
    void equalInstallmentsAtTenPercentHaveAnAprOfTenPercent() {
        JsonNode body = api.post("/api/v1/calculator/schedule", null, terms(Map.of())).json();
        assertThat(body.get("installmentAmount").asString()).isEqualTo("888.49");
        assertThat(body.get("annualPercentageRate").asString()).isEqualTo("12.00");
        JsonNode tenPercent = api.post("/api/v1/calculator/schedule", null,
                terms(Map.of("annualInterestRatePercent", "10"))).json();
        assertThat(tenPercent.get("annualPercentageRate").asString()).isEqualTo("10.00");
        assertThat(tenPercent.get("effectiveAnnualRate").asString()).isEqualTo("10.47");
    }

    @Test
    void installmentAmountIsLeftOutWhereTheSpecDoesNotDefineIt() {
        JsonNode body = api.post("/api/v1/calculator/schedule", null, terms(Map.of("amortization", "EQUAL_PRINCIPAL"))).json();
        assertThat(body.has("installmentAmount") && !body.get("installmentAmount").isNull()).isFalse();
        assertThat(body.get("installments").get(0).get("principal").asString()).isEqualTo("833.33");
    }

    @Test
    void invalidTermsNameTheFieldAndRule() {
        assertProblem(Map.of("numberOfRepayments", 0), "numberOfRepayments", "min");
        assertProblem(Map.of("principal", "-5"), "principal", "positive");
        assertProblem(Map.of("principal", "ten thousand"), "principal", "decimalFormat");
        assertProblem(Map.of("disbursementDate", "2024-03-01"), "disbursementDate", "beforeFirstRepayment");
        assertProblem(Map.of("disbursementDate", "2024-02-30"), "disbursementDate", "date");
        assertProblem(Map.of("daysInYear", "366"), "daysInYear", "oneOf");
        assertProblem(Map.of("interestMethod", "FLAT", "amortization", "EQUAL_PRINCIPAL"), "interestMethod", "unsupportedCombination");
        assertProblem(Map.of("interestAccrual", "DAILY", "daysInMonth", "30", "daysInYear", "ACTUAL"), "daysInMonth",
                "unsupportedCombination");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        principal                      | 1E+999999999
        principal                      | 1e3
        principal                      | 10000.00000000001
        annualInterestRatePercent      | 1E+999999999
        annualInterestRatePercent      | 12.00000000001
        installmentAmountInMultiplesOf | 1E-999999999
        """)
    void refusesExponentsAndAbsurdScalesPromptlyNamingTheField(String field, String value) {
        assertTimeoutPreemptively(HANG_GUARD, () -> assertProblem(Map.of(field, value), field, "decimalFormat"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e999999999", "1E+999999999", "-1e-999999999", "1e3"})
    void refusesAJsonNumberInExponentNotationForAMoneyField(String number) {
        String body = terms(Map.of()).replace("\"principal\":\"10000.00\"", "\"principal\":" + number);
        assertThat(body).contains(number);
        Api.Response response = assertTimeoutPreemptively(HANG_GUARD,
                () -> api.post("/api/v1/calculator/schedule", null, body));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").toString())
                .contains("\"field\":\"principal\"").contains("\"rule\":\"decimalFormat\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12.5", "1e3", "1e999999999"})
    void refusesAFractionOrExponentForAWholeNumberField(String number) {
        String body = terms(Map.of()).replace("\"numberOfRepayments\":12", "\"numberOfRepayments\":" + number);
        assertThat(body).contains(number);
        Api.Response response = assertTimeoutPreemptively(HANG_GUARD,
                () -> api.post("/api/v1/calculator/schedule", null, body));
        assertThat(response.status()).as("%s is read as a whole number", number).isEqualTo(400);
        assertThat(response.json().get("errors").toString())
                .contains("\"field\":\"numberOfRepayments\"").contains("\"rule\":\"type\"");
    }

    @Test
    void problemsAreInTheCallersLanguage() {
        String body = terms(Map.of("numberOfRepayments", 0));
        Api.Response zh = api.send("POST", "/api/v1/calculator/schedule", null, body, "application/json", "zh-CN");
        Api.Response en = api.send("POST", "/api/v1/calculator/schedule", null, body, "application/json", "en");
        assertThat(zh.json().get("title").asString()).isEqualTo("输入有误");
        assertThat(en.json().get("title").asString()).isEqualTo("Invalid input");
        assertThat(zh.json().get("errors").get(0).get("message").asString()).isNotEqualTo(
                en.json().get("errors").get(0).get("message").asString());
    }

    private void assertProblem(Map<String, Object> overrides, String field, String rule) {
        Api.Response response = api.post("/api/v1/calculator/schedule", null, terms(overrides));
        assertThat(response.status()).as("%s → %s", overrides, response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").toString()).as("%s", overrides)
                .contains("\"field\":\"" + field + "\"").contains("\"rule\":\"" + rule + "\"");
    }

    /** 10,000.00 at 12% over 12 months, 等额本息, with overrides. */
    static String terms(Map<String, Object> overrides) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("principal", "10000.00");
        terms.put("annualInterestRatePercent", "12");
        terms.put("currencyDigits", 2);
        terms.put("roundingMode", "HALF_UP");
        terms.put("amortization", "EQUAL_INSTALLMENTS");
        terms.put("interestMethod", "DECLINING_BALANCE");
        terms.put("interestAccrual", "PER_PERIOD");
        terms.put("installmentBasis", "NOMINAL_PERIODIC_RATE");
        terms.put("numberOfRepayments", 12);
        terms.put("repaymentEvery", 1);
        terms.put("repaymentFrequency", "MONTHS");
        terms.put("daysInYear", "365");
        terms.put("daysInMonth", "ACTUAL");
        terms.put("disbursementDate", "2024-01-15");
        terms.put("firstRepaymentDate", "2024-02-15");
        terms.put("installmentAmountInMultiplesOf", "0.01");
        terms.put("graceOnPrincipalPeriods", 0);
        terms.put("graceOnInterestPaymentPeriods", 0);
        terms.putAll(overrides);
        return Api.json(terms);
    }
}
