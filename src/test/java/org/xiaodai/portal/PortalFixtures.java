package org.xiaodai.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.support.Api;

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
        private static final java.util.Random RANDOM = new java.util.Random();

        /** Born 1980–1999 (an adult every product lends to), one of ~7 million numbers: no clash in a reused test database. */
        public static synchronized Person fresh() {
            java.time.LocalDate birth = java.time.LocalDate.of(1980, 1, 1).plusDays(RANDOM.nextInt(20 * 365));
            return new Person(org.xiaodai.customer.domain.SyntheticIds.residentId("330106", birth, RANDOM.nextInt(1000)),
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

    /**
     * The application approved: an automatic decision stands, a manual one (a flag such as velocity or
     * multi-lending in a busy test run) is approved by the institution's reviewer and approver.
     *
     * @param prefix {@code a} (HZXD) or {@code b} (NBXD)
     * @return the contract id, as the borrower's portal shows it
     */
    public String approved(String prefix, String applicationId, String borrowerToken) {
        String reviewer = api.token(prefix + "-reviewer", Api.DEMO_PASSWORD);
        String approver = api.token(prefix + "-approver", Api.DEMO_PASSWORD);
        for (int round = 0; round < 4; round++) {
            JsonNode a = api.get("/api/v1/portal/applications/" + applicationId, borrowerToken).json();
            if (a.get("contractId") != null && !a.get("contractId").isNull()) {
                return a.get("contractId").asString();
            }
            assertThat(a.get("status").asString()).as(a.toString()).isEqualTo("UNDER_REVIEW");
            JsonNode staff = api.get("/api/v1/applications/" + applicationId, approver).json();
            String decider = "L1".equals(staff.get("openLevel").asString()) ? reviewer : approver;
            Api.Response decided = api.post("/api/v1/applications/" + applicationId + "/decisions", decider,
                    Map.of("decision", "APPROVE", "comment", "同意"));
            assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        }
        throw new AssertionError("never approved: " + applicationId);
    }

    /** The institution's finance user pays the loan out (the simulated bank answers within a second). */
    public void disburse(String prefix, String loanId) {
        String finance = api.token(prefix + "-finance", Api.DEMO_PASSWORD);
        Api.Response d = api.post("/api/v1/loans/" + loanId + "/disbursement", finance,
                Map.of("idempotencyKey", "portal-test-" + loanId));
        assertThat(d.status()).as(d.body()).isEqualTo(202);
    }

    /** A short wait while polling. */
    public static void pause() {
        sleep();
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
