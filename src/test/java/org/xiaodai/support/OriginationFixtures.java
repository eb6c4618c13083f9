package org.xiaodai.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications as the API takes them: a borrower whose ID number, region and stated age agree
 * (no identity flag), with a live credit-bureau consent, answers that score well on the A-card, and
 * a plain credit product of the test's own.
 */
public final class OriginationFixtures {

    private static final SplittableRandom RANDOM = new SplittableRandom();
    private final Api api;

    public OriginationFixtures(Api api) {
        this.api = api;
    }

    /** A valid resident ID number issued in {@code region} for someone born on {@code birth}. */
    public static synchronized String residentId(String region, LocalDate birth) {
        String base = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", RANDOM.nextInt(1, 999));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    /** A fresh customer of the token's institution (born 1988, Hangzhou), with a live credit-bureau consent. */
    public String borrower(String token) {
        String id = customerWithoutConsent(token);
        consent(token, id);
        return id;
    }

    public String customerWithoutConsent(String token) {
        LocalDate birth = LocalDate.of(1988, 1, 1).plusDays(RANDOM.nextInt(3000));
        String idNumber = residentId("330106", birth);
        Map<String, Object> body = org.xiaodai.customer.CustomerTestUtils.individual(idNumber,
                org.xiaodai.customer.CustomerTestUtils.mobile());
        return org.xiaodai.customer.CustomerTestUtils.create(api, token, body);
    }

    public void consent(String token, String customerId) {
        Api.Response granted = api.post("/api/v1/customers/" + customerId + "/consents", token,
                Map.of("purpose", "CREDIT_BUREAU_QUERY", "channel", "BRANCH", "textVersion", "CB-2026.1"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    /** A credit product (5,000–500,000, 6–36 months, 7.2–10.8 %, ID card required) of the admin's institution. */
    public String product(String adminToken) {
        return new ProductFixtures(api).create(adminToken,
                ProductFixtures.with(ProductFixtures.body(), "maxPrincipal", "500000.00"));
    }

    /** Answers that put the A-card in a good grade. */
    public static Map<String, Object> goodAnswers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("currentAccount", "A14");
        answers.put("savings", "A65");
        answers.put("employmentLength", "A75");
        answers.put("installmentRate", 1);
        answers.put("property", "A121");
        answers.put("housing", "A152");
        answers.put("otherInstallments", "A143");
        answers.put("job", "A173");
        answers.put("telephone", "A192");
        answers.put("guarantor", "A103");
        return answers;
    }

    public static Map<String, Object> application(String customerId, String productId, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("productId", productId);
        body.put("amount", amount);
        body.put("numberOfRepayments", 12);
        body.put("annualInterestRatePercent", "9.6");
        body.put("purpose", "CONSUMPTION");
        body.put("channel", "OFFLINE");
        body.put("answers", goodAnswers());
        body.put("documents", new ArrayList<>(List.of("ID_CARD")));
        return body;
    }

    /** Creates the application and returns its id. */
    public String create(String token, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/applications", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        return created.json().get("id").asString();
    }

    /** Submits and returns the application as the answer shows it. */
    public JsonNode submit(String token, String applicationId) {
        Api.Response submitted = api.post("/api/v1/applications/" + applicationId + "/submit", token,
                Map.of("deviceFingerprint", "test-" + RANDOM.nextInt()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted.json();
    }

    public JsonNode decide(String token, String applicationId, String decision, String comment) {
        Api.Response decided = api.post("/api/v1/applications/" + applicationId + "/decisions", token,
                Map.of("decision", decision, "comment", comment));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        return api.get("/api/v1/applications/" + applicationId, token).json();
    }
}
