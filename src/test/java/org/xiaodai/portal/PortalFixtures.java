package org.xiaodai.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.OriginationFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Borrowers for portal tests: customers made by officers, registered through the portal API. */
public final class PortalFixtures {

    public static final String PASSWORD = "Borrower@2026";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private final Api api;

    public PortalFixtures(Api api) {
        this.api = api;
    }

    /** A person: ID number and mobile, fresh. */
    public record Person(String idNumber, String mobile, String name) {
        public static Person fresh() {
            return new Person(OriginationFixtures.residentId("330106", java.time.LocalDate.of(1990, 3, 1)),
                    CustomerTestUtils.mobile(), "测试借款人");
        }
    }

    /** The person as a customer of the officer's institution (with the same ID number and mobile); the customer id. */
    public String customer(String officerToken, Person p) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(CustomerTestUtils.individual(p.idNumber(), p.mobile()));
        body.put("name", p.name());
        return CustomerTestUtils.create(api, officerToken, body);
    }

    /** The newest one-time code the simulated SMS gateway sent to {@code mobile}, waiting up to 10 s. */
    public String codeSentTo(String mobile) {
        String platform = api.token("admin", Api.ADMIN_PASSWORD);
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            Api.Response sms = api.get("/api/v1/notifications/simulated-sms?mobile=" + mobile + "&limit=5", platform);
            assertThat(sms.status()).as(sms.body()).isEqualTo(200);
            for (JsonNode m : sms.json()) {
                Matcher code = CODE.matcher(m.get("body").asString());
                if (code.find()) {
                    return code.group(1);
                }
            }
            sleep();
        }
        throw new AssertionError("no code reached " + mobile);
    }

    /** Registers the person through the portal API; the portal token. */
    public String register(Person p) {
        Api.Response sent = api.post("/api/v1/portal/auth/codes", null, Map.of("mobile", p.mobile()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String code = codeSentTo(p.mobile());
        Api.Response registered = api.post("/api/v1/portal/auth/register", null, Map.of("mobile", p.mobile(), "code", code,
                "name", p.name(), "idNumber", p.idNumber(), "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("token").asString();
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
