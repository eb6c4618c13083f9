package org.xiaodai.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product definitions as the API takes them: a plain monthly 等额本息 credit loan within the rate
 * benchmark, to be changed field by field ({@link #with}).
 */
public final class ProductFixtures {

    private final Api api;

    public ProductFixtures(Api api) {
        this.api = api;
    }

    /** A unique product code (the shared test database outlives each test). */
    public static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** 5,000–200,000 CNY, 6–36 months, 7.2–10.8 %, no fees: highest APR 10.80 % against a benchmark of 12 %. */
    public static Map<String, Object> body() {
        Map<String, Object> conventions = new LinkedHashMap<>();
        conventions.put("currencyDigits", 2);
        conventions.put("roundingMode", "HALF_UP");
        conventions.put("amortization", "EQUAL_INSTALLMENTS");
        conventions.put("interestMethod", "DECLINING_BALANCE");
        conventions.put("interestAccrual", "PER_PERIOD");
        conventions.put("installmentBasis", "NOMINAL_PERIODIC_RATE");
        conventions.put("repaymentEvery", 1);
        conventions.put("repaymentFrequency", "MONTHS");
        conventions.put("daysInYear", "360");
        conventions.put("daysInMonth", "30");
        conventions.put("installmentAmountInMultiplesOf", "0.01");
        conventions.put("graceOnPrincipalPeriods", 0);
        conventions.put("graceOnInterestPaymentPeriods", 0);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("penaltyRateMultiplier", "1.5");
        policy.put("penaltyDaysInYear", 360);
        policy.put("graceDays", 3);
        policy.put("compoundOverdueInterest", false);
        policy.put("classification", "CREDIT");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code());
        body.put("name", "测试消费贷");
        body.put("productType", "PERSONAL_CONSUMPTION");
        body.put("securityType", "CREDIT");
        body.put("currency", "CNY");
        body.put("minPrincipal", "5000.00");
        body.put("maxPrincipal", "200000.00");
        body.put("minNumberOfRepayments", 6);
        body.put("maxNumberOfRepayments", 36);
        body.put("minAnnualInterestRatePercent", "7.2");
        body.put("maxAnnualInterestRatePercent", "10.8");
        body.put("scheduleConventions", conventions);
        body.put("servicingPolicy", policy);
        body.put("fees", new ArrayList<>());
        body.put("allocationOrder", new ArrayList<>(List.of("PENALTY", "FEES", "OVERDUE_INTEREST", "OVERDUE_PRINCIPAL",
                "CURRENT_INTEREST", "CURRENT_PRINCIPAL")));
        body.put("documents", new ArrayList<>(List.of(Map.of("document", "ID_CARD", "required", true),
                Map.of("document", "INCOME_PROOF", "required", false))));
        body.put("branchCodes", new ArrayList<>());
        return body;
    }

    /** {@code body} with {@code path} (dotted for the nested objects) set to {@code value}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        String[] parts = path.split("\\.");
        Map<String, Object> target = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        target.put(parts[parts.length - 1], value);
        return copy;
    }

    /** A fee line. */
    public static Map<String, Object> fee(String kind, String value, String charge) {
        return Map.of("name", "服务费", "kind", kind, "value", value, "charge", charge);
    }

    /** Creates a product as {@code adminToken} and returns its id. */
    public String create(String adminToken, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/products", adminToken, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return copy;
    }
}
