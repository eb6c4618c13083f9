package org.xiaodai.servicing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Loans through the HTTP API: disbursement by the simulated bank, repayments, the figures against the public simulation. */
@IntegrationTest
class LoanApiIntegrationTest {

    static final List<String> FIGURES = List.of("status", "daysPastDue", "grade", "principalOutstanding",
            "overduePrincipal", "overdueInterest", "penaltyOutstanding", "accruedInterest", "credit");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    JdbcClient superuser;
    Api api;
    ServicingTestUtils util;
    UUID hzxd;
    LocalDate today;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        util = new ServicingTestUtils(context);
        hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        today = superuser.sql("select business_date from eod_business_date where institution_id = ?").param(hzxd)
                .query(LocalDate.class).single();
    }

    @Test
    void aLoanIsDisbursedThroughTheSimulatedBankOnceWhateverTheRetries() {
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("8000.00", "10.8", 6, today.minusDays(3)),
                ServicingPolicy.standard(), false, UUID.randomUUID());
        String finance = api.token("a-finance", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/loans/" + loanId, finance).json().get("status").asString())
                .isEqualTo("PENDING_DISBURSEMENT");
        Api.Response first = api.post("/api/v1/loans/" + loanId + "/disbursement", finance, Map.of("idempotencyKey", "d-" + loanId));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Api.Response again = api.post("/api/v1/loans/" + loanId + "/disbursement", finance, Map.of("idempotencyKey", "d-" + loanId));
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        JsonNode loan = awaitStatus(loanId, finance, "ACTIVE");
        assertThat(loan.get("disbursementDate").asString()).as("dated with the business date").isEqualTo(today.toString());
        assertThat(loan.get("principalOutstanding").asString()).isEqualTo("8000.00");
        assertThat(api.post("/api/v1/loans/" + loanId + "/disbursement", finance, Map.of("idempotencyKey", "other")).status())
                .isEqualTo(409);
        assertThat(superuser.sql("select count(*) from servicing_transaction where loan_id = ? and kind = 'DISBURSEMENT'")
                .param(loanId).query(Integer.class).single()).isEqualTo(1);
        JsonNode vouchers = api.get("/api/v1/loans/" + loanId + "/vouchers", finance).json();
        assertThat(vouchers.get(0).get("kind").asString()).isEqualTo("DISBURSEMENT");
        assertThat(vouchers.get(0).get("total").decimalValue()).isEqualByComparingTo("8000.00");
        // another institution does not see it
        assertThat(api.get("/api/v1/loans/" + loanId, api.token("b-admin", Api.DEMO_PASSWORD)).status()).isEqualTo(404);
    }

    @Test
    void theAutoDebitMandateIsSetAndRevokedAfterDisbursementOncePerKeyInsideTheInstitutionOnly() {
        LocalDate disbursed = today.minusDays(20);
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("6000.00", "12", 6, disbursed), ServicingPolicy.standard(),
                false, ServicingTestUtils.payableLoanId());
        util.activate(hzxd, loanId, disbursed);
        String finance = api.token("a-finance", Api.DEMO_PASSWORD);
        String path = "/api/v1/loans/" + loanId + "/auto-debit";
        String key = "m-" + loanId;

        Api.Response set = api.send("PUT", path, finance, Api.json(Map.of("autoDebit", true, "idempotencyKey", key,
                "reason", "借款人签署代扣协议")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("autoDebit").asBoolean()).isTrue();
        assertThat(set.json().get("previous").asBoolean()).isFalse();
        assertThat(set.json().get("businessDate").asString()).isEqualTo(today.toString());
        assertThat(api.get("/api/v1/loans/" + loanId, finance).json().get("autoDebit").asBoolean()).isTrue();

        // the same key again changes nothing and answers the first result, even with another body
        Api.Response again = api.send("PUT", path, finance, Api.json(Map.of("autoDebit", false, "idempotencyKey", key)));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(set.json().get("id").asString());
        assertThat(again.json().get("autoDebit").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/loans/" + loanId, finance).json().get("autoDebit").asBoolean()).isTrue();

        Api.Response revoked = api.send("PUT", path, finance, Api.json(Map.of("autoDebit", false, "idempotencyKey", key + "-r")));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("previous").asBoolean()).isTrue();
        assertThat(superuser.sql("select auto_debit from servicing_loan where id = ?").param(loanId).query(Boolean.class)
                .single()).isFalse();
        assertThat(superuser.sql("select count(*) from servicing_mandate_change where loan_id = ?").param(loanId)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(superuser.sql("select count(*) from audit_entry where action = 'servicing.loan.auto-debit' and entity_id = ?")
                .param(loanId.toString()).query(Integer.class).single()).isEqualTo(2);

        // bad input names the field, and writes nothing
        Api.Response bad = api.send("PUT", path, finance, Api.json(Map.of("idempotencyKey", "")));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("autoDebit").contains("idempotencyKey");
        // another institution gets 404, the regulator and a role without the permission 403; nothing changed
        Api.Response other = api.send("PUT", path, api.token("b-admin", Api.DEMO_PASSWORD),
                Api.json(Map.of("autoDebit", true, "idempotencyKey", "x-" + loanId)));
        assertThat(other.status()).as(other.body()).isEqualTo(404);
        assertThat(api.send("PUT", path, api.token("regulator", Api.DEMO_PASSWORD),
                Api.json(Map.of("autoDebit", true, "idempotencyKey", "y-" + loanId))).status()).isEqualTo(403);
        assertThat(api.send("PUT", path, api.token("a-collector", Api.DEMO_PASSWORD),
                Api.json(Map.of("autoDebit", true, "idempotencyKey", "z-" + loanId))).status()).isEqualTo(403);
        assertThat(superuser.sql("select count(*) from servicing_mandate_change where loan_id = ?").param(loanId)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(superuser.sql("select auto_debit from servicing_loan where id = ?").param(loanId).query(Boolean.class)
                .single()).isFalse();
    }

    @Test
    void aFrozenAccountFailsTheDisbursementAfterItsRetriesAndTheLoanWaits() {
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("5000.99", "10.8", 6, today),
                ServicingPolicy.standard(), false, UUID.randomUUID());
        String finance = api.token("a-finance", Api.DEMO_PASSWORD);
        api.post("/api/v1/loans/" + loanId + "/disbursement", finance, Map.of("idempotencyKey", "f-" + loanId));
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String status = null;
        while (Instant.now().isBefore(until)) {
            status = superuser.sql("select status from servicing_disbursement where loan_id = ?").param(loanId)
                    .query(String.class).single();
            if (status.equals("FAILED")) {
                break;
            }
            ServicingTestUtils.sleep(100);
        }
        assertThat(status).isEqualTo("FAILED");
        assertThat(superuser.sql("select attempts from servicing_disbursement where loan_id = ?").param(loanId)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(api.get("/api/v1/loans/" + loanId, finance).json().get("status").asString())
                .isEqualTo("PENDING_DISBURSEMENT");
    }

    @Test
    void aRealLoanDrivenThroughTheApiShowsExactlyTheSimulationsFigures() {
        LocalDate disbursed = today.minusDays(75);
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("12000.00", "12", 12, disbursed),
                ServicingPolicy.standard(), false, UUID.randomUUID());
        util.activate(hzxd, loanId, disbursed);
        String finance = api.token("a-finance", Api.DEMO_PASSWORD);
        Api.Response paid = api.post("/api/v1/loans/" + loanId + "/repayments", finance,
                Map.of("amount", "700.00", "idempotencyKey", "r1-" + loanId, "channel", "TRANSFER"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(new java.math.BigDecimal(paid.json().get("penalty").asString())).as("late: penalty first").isPositive();
        JsonNode loan = api.get("/api/v1/loans/" + loanId, finance).json();
        JsonNode simulated = simulate(loanId, List.of(Map.of("date", today.toString(), "type", "REPAYMENT", "amount", "700.00")));
        for (String key : FIGURES) {
            assertThat(loan.get(key).toString()).as(key).isEqualTo(simulated.get(key).toString());
        }
        assertThat(loan.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(loan.get("businessDate").asString()).isEqualTo(today.toString());
        JsonNode schedule = api.get("/api/v1/loans/" + loanId + "/schedule", finance).json();
        assertThat(schedule.get("installments")).hasSize(12);
        assertThat(schedule.get("installments").get(0).propertyNames())
                .containsExactlyInAnyOrder("n", "dueDate", "principal", "interest", "total", "balanceAfter");
        JsonNode list = api.get("/api/v1/loans?status=OVERDUE&size=200", finance).json();
        assertThat(list.get("items").toString()).contains(loanId.toString());
    }

    @Test
    void fiftyConcurrentRepaymentsWithDistinctAndDuplicatedKeysBookEachKeyOnce() throws Exception {
        LocalDate disbursed = today.minusDays(10);
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("20000.00", "12", 12, disbursed),
                ServicingPolicy.standard(), false, UUID.randomUUID());
        util.activate(hzxd, loanId, disbursed);
        String finance = api.token("a-finance", Api.DEMO_PASSWORD);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("c-" + loanId + "-" + (i < 30 ? i : i % 10));
        }
        Map<String, List<String>> answers = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(25)) {
            List<Future<String[]>> futures = new ArrayList<>();
            for (String key : keys) {
                futures.add(pool.submit(() -> {
                    Api.Response r = api.post("/api/v1/loans/" + loanId + "/repayments", finance,
                            Map.of("amount", "10.01", "idempotencyKey", key, "channel", "CASH"));
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    return new String[] {key, r.json().get("id").asString()};
                }));
            }
            for (Future<String[]> f : futures) {
                String[] answer = f.get();
                answers.computeIfAbsent(answer[0], k -> new ArrayList<>()).add(answer[1]);
            }
        }
        assertThat(answers).hasSize(30);
        answers.forEach((key, ids) -> assertThat(ids.stream().distinct()).as(key).hasSize(1));
        assertThat(superuser.sql("select count(*), sum(amount), sum(to_credit) from servicing_transaction where loan_id = ? and kind = 'REPAYMENT'")
                .param(loanId).query((rs, i) -> rs.getInt(1) + " " + rs.getBigDecimal(2) + " " + rs.getBigDecimal(3)).single())
                .isEqualTo("30 300.30 300.30");
        assertThat(superuser.sql("select count(*) from ledger_voucher where loan_id = ? and kind = 'REPAYMENT'")
                .param(loanId).query(Integer.class).single()).isEqualTo(30);
        JsonNode loan = api.get("/api/v1/loans/" + loanId, finance).json();
        assertThat(loan.get("credit").asString()).isEqualTo("300.30");
        List<Map<String, String>> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(Map.of("date", today.toString(), "type", "REPAYMENT", "amount", "10.01"));
        }
        JsonNode simulated = simulate(loanId, events);
        for (String key : FIGURES) {
            assertThat(loan.get(key).toString()).as(key).isEqualTo(simulated.get(key).toString());
        }
    }

    @Test
    void aWriteOffFiledByOneUserIsAppliedOnlyWhenASecondApprovesAndLaterMoneyIsARecovery() {
        LocalDate disbursed = today.minusDays(75);
        UUID loanId = util.open(hzxd, ServicingTestUtils.terms("7000.00", "12", 6, disbursed),
                ServicingPolicy.standard(), false, UUID.randomUUID());
        util.activate(hzxd, loanId, disbursed);
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        superuser.sql("update servicing_loan set status = 'OVERDUE' where id = ?").param(loanId).update();
        Api.Response filed = api.post("/api/v1/loans/" + loanId + "/write-off-requests", admin, Map.of("reason", "失联"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        String request = filed.json().get("changeRequestId").asString();
        assertThat(api.get("/api/v1/loans/" + loanId, admin).json().get("status").asString()).isEqualTo("OVERDUE");
        assertThat(api.post("/api/v1/change-requests/" + request + "/approve", admin, Map.of()).status())
                .as("the maker cannot approve").isEqualTo(403);
        Api.Response approved = api.post("/api/v1/change-requests/" + request + "/approve",
                api.token("a-approver", Api.DEMO_PASSWORD), Map.of("note", "同意"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/loans/" + loanId, admin).json().get("status").asString()).isEqualTo("WRITTEN_OFF");
        Api.Response recovered = api.post("/api/v1/loans/" + loanId + "/repayments", admin,
                Map.of("amount", "250.00", "idempotencyKey", "rec-" + loanId, "channel", "CASH"));
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(201);
        assertThat(recovered.json().get("kind").asString()).isEqualTo("RECOVERY");
        JsonNode vouchers = api.get("/api/v1/loans/" + loanId + "/vouchers", admin).json();
        assertThat(vouchers.toString()).contains("WRITE_OFF").contains("RECOVERY");
    }

    private JsonNode awaitStatus(UUID loanId, String token, String status) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode loan = null;
        while (Instant.now().isBefore(until)) {
            loan = api.get("/api/v1/loans/" + loanId, token).json();
            if (loan.get("status").asString().equals(status)) {
                return loan;
            }
            ServicingTestUtils.sleep(100);
        }
        throw new AssertionError("loan never became " + status + ": " + loan);
    }

    /** The public simulation of the loan's stored terms and policy with these events, as of today. */
    private JsonNode simulate(UUID loanId, List<Map<String, String>> events) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("terms", json.readTree(superuser.sql("select terms::text from servicing_loan where id = ?").param(loanId)
                .query(String.class).single()));
        body.put("policy", json.readTree(superuser.sql("select policy::text from servicing_loan where id = ?").param(loanId)
                .query(String.class).single()));
        body.put("events", events);
        body.put("asOf", today.toString());
        Api.Response response = api.post("/api/v1/calculator/servicing", null, json.writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
