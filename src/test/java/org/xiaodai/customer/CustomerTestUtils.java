package org.xiaodai.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.xiaodai.customer.domain.SyntheticIds;
import org.xiaodai.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers for tests: fresh, valid identifiers every time (the shared test database outlives each test). */
public final class CustomerTestUtils {

    private static final SplittableRandom RANDOM = new SplittableRandom();

    private CustomerTestUtils() {
    }

    public static synchronized String residentId() {
        return SyntheticIds.residentId(RANDOM);
    }

    public static synchronized String mobile() {
        return SyntheticIds.mobile(RANDOM);
    }

    public static synchronized String bankCard() {
        return SyntheticIds.bankCard(RANDOM);
    }

    /** A valid individual with these identifiers; add or override fields with {@code put}. */
    public static Map<String, Object> individual(String idNumber, String mobile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "INDIVIDUAL");
        body.put("name", "测试客户" + idNumber.substring(14));
        body.put("idNumber", idNumber);
        body.put("mobile", mobile);
        body.put("regionCode", "330106");
        body.put("industryCode", "F52");
        body.put("monthlyIncome", "8500.00");
        return body;
    }

    /** Creates a customer through the API and returns its id. */
    public static String create(Api api, String token, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/customers", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
