package org.xiaodai.calculator;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.calc.ServicingConformanceTest;
import org.xiaodai.calc.ServicingJson;
import org.xiaodai.calc.ServicingVector;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/calculator/servicing}: the servicing vectors' request in, their {@code expected} keys out. */
@IntegrationTest
class ServicingSimulationApiIntegrationTest {

    static final String PATH = "/api/v1/calculator/servicing";
    static final Path LATE = Path.of("src/test/resources/conformance/servicing/late-partial-penalty.json");

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void answersEveryServicingVectorToTheCentWithoutLogin() {
        for (Path file : ServicingConformanceTest.vectorFiles().values()) {
            ServicingVector vector = ServicingVector.read(file);
            ObjectNode body = request(vector);
            Api.Response response = api.post(PATH, null, body.toString());
            assertThat(response.status()).as("%s: %s", vector.id(), response.body()).isEqualTo(200);
            assertThat(ServicingJson.mismatches(vector.expected(), response.json())).as(vector.id()).isEmpty();
        }
    }

    @Test
    void answersExactlyTheKeysOfTheVectorsExpectedObject() {
        ServicingVector vector = ServicingVector.read(LATE);
        JsonNode body = api.post(PATH, null, request(vector).toString()).json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrderElementsOf(vector.expected().propertyNames());
        assertThat(body.get("installments").get(0).propertyNames())
                .containsExactlyInAnyOrderElementsOf(vector.expected().get("installments").get(0).propertyNames());
        assertThat(body.get("allocations").get(0).propertyNames())
                .containsExactlyInAnyOrderElementsOf(vector.expected().get("allocations").get(0).propertyNames());
        assertThat(body.get("daysPastDue").isIntegralNumber()).isTrue();
        assertThat(body.get("credit").isString()).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
        events out of date order          | events[1].date                | outOfOrder
        event before disbursement         | events[0].date                | beforeDisbursement
        event after asOf                  | events[1].date                | afterAsOf
        zero amount                       | events[0].amount              | positive
        negative amount                   | events[1].amount              | positive
        amount finer than the currency    | events[0].amount              | currencyScale
        unknown event type                | events[0].type                | oneOf
        unknown classification            | policy.classification         | oneOf
        negative grace                    | policy.graceDays              | min
        negative multiplier               | policy.penaltyRateMultiplier  | min
        zero penalty days in year         | policy.penaltyDaysInYear      | positive
        asOf before disbursement          | asOf                          | beforeDisbursement
        unreadable asOf                   | asOf                          | date
        invalid terms                     | terms.numberOfRepayments      | min
        missing policy                    | policy                        | required
        missing events                    | events                        | required
        """)
    void badInputNamesTheFieldAndRule(String change, String field, String rule) {
        ObjectNode body = request(ServicingVector.read(LATE));
        breakIt(change).accept(body);
        Api.Response response = api.post(PATH, null, body.toString());
        assertThat(response.status()).as("%s → %s", change, response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").toString()).as(change)
                .contains("\"field\":\"" + field + "\"").contains("\"rule\":\"" + rule + "\"");
    }

    @Test
    void aNonNumericGraceIsATypeProblemNotA500() {
        ObjectNode body = request(ServicingVector.read(LATE));
        ((ObjectNode) body.get("policy")).put("graceDays", "three");
        Api.Response response = api.post(PATH, null, body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("\"field\":\"policy.graceDays\"");
    }

    @Test
    void problemsAreInTheCallersLanguage() {
        ObjectNode body = request(ServicingVector.read(LATE));
        breakIt("events out of date order").accept(body);
        Api.Response zh = api.send("POST", PATH, null, body.toString(), "application/json", "zh-CN");
        Api.Response en = api.send("POST", PATH, null, body.toString(), "application/json", "en");
        String zhMessage = zh.json().get("errors").get(0).get("message").asString();
        String enMessage = en.json().get("errors").get(0).get("message").asString();
        assertThat(enMessage).contains("date order");
        assertThat(zhMessage).contains("日期顺序");
    }

    private static Consumer<ObjectNode> breakIt(String change) {
        return body -> {
            ArrayNode events = (ArrayNode) body.get("events");
            ObjectNode policy = (ObjectNode) body.get("policy");
            switch (change) {
                case "events out of date order" -> ((ObjectNode) events.get(1)).put("date", "2025-02-01");
                case "event before disbursement" -> ((ObjectNode) events.get(0)).put("date", "2025-01-14");
                case "event after asOf" -> ((ObjectNode) events.get(1)).put("date", "2025-04-21");
                case "zero amount" -> ((ObjectNode) events.get(0)).put("amount", "0.00");
                case "negative amount" -> ((ObjectNode) events.get(1)).put("amount", "-1.00");
                case "amount finer than the currency" -> ((ObjectNode) events.get(0)).put("amount", "1066.191");
                case "unknown event type" -> ((ObjectNode) events.get(0)).put("type", "REVERSAL");
                case "unknown classification" -> policy.put("classification", "SECURED");
                case "negative grace" -> policy.put("graceDays", -1);
                case "negative multiplier" -> policy.put("penaltyRateMultiplier", "-1.5");
                case "zero penalty days in year" -> policy.put("penaltyDaysInYear", 0);
                case "asOf before disbursement" -> {
                    body.put("asOf", "2025-01-01");
                    body.set("events", events.removeAll());
                }
                case "unreadable asOf" -> body.put("asOf", "2025-02-30");
                case "invalid terms" -> ((ObjectNode) body.get("terms")).put("numberOfRepayments", 0);
                case "missing policy" -> body.remove("policy");
                case "missing events" -> body.remove("events");
                default -> throw new IllegalArgumentException(change);
            }
        };
    }

    /** The vector without its {@code expected}: exactly what the endpoint takes. */
    static ObjectNode request(ServicingVector vector) {
        ObjectNode body = ((ObjectNode) vector.root()).deepCopy();
        for (String key : List.of("id", "description", "expected")) {
            body.remove(key);
        }
        return body;
    }
}
