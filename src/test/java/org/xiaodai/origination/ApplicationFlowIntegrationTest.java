package org.xiaodai.origination;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.contract.ContractAccepted;
import org.xiaodai.contract.RecordedContractEvents;
import org.xiaodai.notification.internal.HeldBackDeliveries;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application from entry to contract on the real database: the demo region's default route, the
 * simulated bureau behind the consent, the contract and its acceptance handing the loan to servicing.
 */
@IntegrationTest
class ApplicationFlowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RecordedContractEvents recorded;
    @Autowired
    ApplicationContext context;
    JdbcClient jdbc;
    Api api;
    OriginationFixtures fixtures;
    String officer;
    String admin;
    String product;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new OriginationFixtures(api);
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        officer = api.token("a-officer", Api.DEMO_PASSWORD);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
        product = fixtures.product(admin);
    }

    @Test
    void smallApplicationWithAGoodGradeIsApprovedContractedAndAcceptedIntoALoan() {
        String customer = fixtures.borrower(officer);
        String id = fixtures.create(officer, OriginationFixtures.application(customer, product, "30000"));

        JsonNode submitted = fixtures.submit(officer, id);

        assertThat(submitted.get("score").get("grade").asString()).as(submitted.toString()).isIn("A", "B");
        assertThat(submitted.get("flags")).as(submitted.toString()).isEmpty();
        assertThat(submitted.get("status").asString()).as(submitted.toString()).isEqualTo("APPROVED");
        assertThat(submitted.get("decisions").get(0).get("level").asString()).isEqualTo("AUTO");
        assertThat(submitted.get("creditReport").get("bureau").asString()).isEqualTo("SIMULATED");
        String contractId = submitted.get("contractId").asString();

        Api.Response contract = api.get("/api/v1/contracts/" + contractId, officer);
        assertThat(contract.status()).as(contract.body()).isEqualTo(200);
        assertThat(contract.json().get("contractNumber").asString()).matches("HZXD-\\d{4}-\\d{6}");
        assertThat(contract.json().get("text").asString()).contains("!! 年化利率（APR）：")
                .contains(contract.json().get("annualPercentageRate").asString());
        Api.Response pdf = api.get("/api/v1/contracts/" + contractId + "/pdf", officer);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        Api.Response accepted = api.post("/api/v1/contracts/" + contractId + "/accept", officer,
                Map.of("textVersion", contract.json().get("textVersion").asString(), "autoDebit", true));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String loanId = accepted.json().get("loanId").asString();
        ContractAccepted event = recorded.accepted().stream().filter(e -> e.loanId().toString().equals(loanId))
                .findFirst().orElseThrow();
        assertThat(event.terms().principal()).isEqualByComparingTo("30000");
        assertThat(event.terms().annualInterestRatePercent()).isEqualByComparingTo("9.6");
        assertThat(event.terms().numberOfRepayments()).isEqualTo(12);
        assertThat(event.policy().penaltyRateMultiplier()).isEqualByComparingTo("1.5");
        assertThat(event.policy().graceDays()).isEqualTo(3);
        assertThat(event.autoDebit()).isTrue();
        assertThat(event.applicationId().toString()).isEqualTo(id);

        JsonNode contracted = api.get("/api/v1/applications/" + id, officer).json();
        assertThat(contracted.get("status").asString()).isEqualTo("CONTRACTED");
        assertThat(contracted.get("loanId").asString()).isEqualTo(loanId);
        Api.Response again = api.post("/api/v1/contracts/" + contractId + "/accept", officer, Map.of());
        assertThat(again.json().get("loanId").asString()).as("accepting twice opens no second loan").isEqualTo(loanId);
        assertThat(jdbc.sql("select accepted_address from contract where id = ?::uuid").param(contractId)
                .query(String.class).single()).isEqualTo("127.0.0.1");
    }

    /**
     * The three notices of an automatic approval are queued in the submitting transaction (they are
     * there the moment its answer arrives, with no entry in the event publication registry), and
     * each text message is sent once.
     */
    @Test
    void anAutomaticApprovalQueuesItsThreeNoticesInTheSubmittingTransactionAndSendsEachOnce() {
        String customer = fixtures.borrower(officer);
        String id = fixtures.create(officer, OriginationFixtures.application(customer, product, "30000"));
        java.sql.Timestamp before = jdbc.sql("select clock_timestamp()::timestamp").query(java.sql.Timestamp.class).single();

        assertThat(fixtures.submit(officer, id).get("status").asString()).isEqualTo("APPROVED");

        record Delivery(String event, String channel) {
        }
        List<Delivery> queued = jdbc.sql("select event, channel from notification_delivery where customer_id = ?::uuid")
                .param(customer).query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2))).list();
        assertThat(queued).as("queued before the submission answered").containsExactlyInAnyOrder(
                new Delivery("APPLICATION_RECEIVED", "SMS"), new Delivery("APPLICATION_RECEIVED", "EMAIL"),
                new Delivery("APPLICATION_RECEIVED", "IN_APP"), new Delivery("APPLICATION_DECIDED", "SMS"),
                new Delivery("APPLICATION_DECIDED", "EMAIL"), new Delivery("APPLICATION_DECIDED", "IN_APP"),
                new Delivery("CONTRACT_READY", "SMS"), new Delivery("CONTRACT_READY", "EMAIL"),
                new Delivery("CONTRACT_READY", "IN_APP"));
        assertThat(jdbc.sql("select count(*) from notification_inbox where customer_id = ?::uuid").param(customer)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%LendingNotices%' "
                + "and publication_date >= ?").param(before).query(Integer.class).single())
                .as("no registry entry for the lending notices").isZero();
        // sent after the commit, or at the end of the quiet hours when the test runs in them (22:00–08:00 region time)
        jdbc.sql("select institution_id, id from notification_delivery where customer_id = ?::uuid and channel = 'SMS'")
                .param(customer).query((rs, n) -> java.util.Map.entry(rs.getObject(1, java.util.UUID.class),
                        rs.getObject(2, java.util.UUID.class))).list()
                .forEach(sms -> HeldBackDeliveries.deliver(context, jdbc, sms.getKey(), sms.getValue()));
        assertThat(jdbc.sql("""
                select count(*) from notification_delivery d join notification_simulated_sms s on s.delivery_id = d.id
                where d.customer_id = ?::uuid and d.status = 'SENT' and d.attempts = 1""")
                .param(customer).query(Integer.class).single()).as("each text sent once").isEqualTo(3);
    }

    @Test
    void theCreditBureauIsNotAskedWithoutALiveConsent() {
        String customer = fixtures.customerWithoutConsent(officer);
        String id = fixtures.create(officer, OriginationFixtures.application(customer, product, "30000"));

        Api.Response refused = api.post("/api/v1/applications/" + id + "/submit", officer, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/bureau-consent-missing");
        assertThat(api.get("/api/v1/applications/" + id, officer).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void forbiddenPurposesAndBadFieldsAreRefusedFieldByFieldInTheCallersLanguage() {
        String customer = fixtures.borrower(officer);
        Map<String, Object> body = OriginationFixtures.application(customer, product, "3000000");
        body.put("purpose", "SECURITIES");
        body.put("annualInterestRatePercent", "1e3");

        Api.Response refused = api.send("POST", "/api/v1/applications", officer, Api.json(body), "application/json", "zh-CN");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("\"field\":\"purpose\"", "purposeForbidden", "不得用于证券投资")
                .doesNotContain("\"field\":\"amount\"");
        assertThat(refused.body()).contains("\"field\":\"annualInterestRatePercent\"");
        body.put("annualInterestRatePercent", "9.6");
        body.put("purpose", "CONSUMPTION");
        Api.Response outside = api.post("/api/v1/applications", officer, body);
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("\"field\":\"amount\"", "outsideRange");
    }

    @Test
    void aRequiredDocumentMissingRefusesTheSubmissionNamingIt() {
        String customer = fixtures.borrower(officer);
        Map<String, Object> body = OriginationFixtures.application(customer, product, "30000");
        body.put("documents", List.of());
        String id = fixtures.create(officer, body);

        Api.Response refused = api.post("/api/v1/applications/" + id + "/submit", officer, Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"documents\"", "missingDocument", "ID_CARD");
        assertThat(api.get("/api/v1/applications/" + id, officer).json().get("missingDocuments").toString())
                .contains("ID_CARD");
    }

    @Test
    void aBlacklistedBorrowerIsDeclinedAutomaticallyWithReasonsAndMayAskForAHumanReview() {
        String customer = fixtures.borrower(officer);
        String idNumber = api.get("/api/v1/customers/" + customer + "/pii", admin).json().get("idNumber").asString();
        Api.Response listed = api.post("/api/v1/blacklist", admin, Map.of("idNumber", idNumber, "reason", "FRAUD",
                "evidence", "测试：伪造收入证明"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        String id = fixtures.create(officer, OriginationFixtures.application(customer, product, "30000"));

        JsonNode declined = fixtures.submit(officer, id);

        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("flags").toString()).contains("BLACKLIST");
        assertThat(declined.get("declineReasons").get(0).get("code").asString()).isEqualTo("BLACKLIST");
        assertThat(declined.get("declineReasons").get(0).get("message").asString()).isNotBlank();
        assertThat(declined.get("contractId").isNull()).isTrue();
        Api.Response review = api.post("/api/v1/applications/" + id + "/human-review", officer, Map.of());
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.json().get("humanReviewRequested").asBoolean()).isTrue();
    }

    @Test
    void anotherInstitutionsApplicationAndContractAreNotFound() {
        String customer = fixtures.borrower(officer);
        String id = fixtures.create(officer, OriginationFixtures.application(customer, product, "30000"));
        String contractId = fixtures.submit(officer, id).get("contractId").asString();
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        String bApprover = api.token("b-approver", Api.DEMO_PASSWORD);

        assertThat(api.get("/api/v1/applications/" + id, bAdmin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/applications/" + id + "/submit", bAdmin, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/applications/" + id + "/decisions", bApprover,
                Map.of("decision", "APPROVE", "comment", "x")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contracts/" + contractId, bAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contracts/" + contractId + "/pdf", bAdmin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/contracts/" + contractId + "/accept", bAdmin, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/applications", bAdmin).body()).doesNotContain(id);
    }

    @Test
    void exposureAboveTenPercentOfNetAssetsIsFlaggedAndDeclined() {
        String institution = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(String.class).single();
        String today = jdbc.sql("select business_date::text from eod_business_date where institution_id = ?::uuid")
                .param(institution).query(String.class).optional().orElse("2026-12-02");
        jdbc.sql("insert into origination_net_assets (institution_id, effective_from, net_assets) values (?::uuid, ?::date, 500000) "
                + "on conflict do nothing").params(institution, today).update();
        try {
            String customer = fixtures.borrower(officer);
            String id = fixtures.create(officer, OriginationFixtures.application(customer, product, "60000"));
            JsonNode declined = fixtures.submit(officer, id);
            assertThat(declined.get("flags").toString()).contains("EXPOSURE_BORROWER");
            assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        } finally {
            jdbc.sql("delete from origination_net_assets where institution_id = ?::uuid and effective_from = ?::date "
                    + "and net_assets = 500000").params(institution, today).update();
        }
    }

    @Test
    void theAnswersTheActiveACardReadsAreRequiredOnSubmitEachNamed() {
        String customer = fixtures.borrower(officer);
        Map<String, Object> body = OriginationFixtures.application(customer, product, "30000");
        Map<String, Object> answers = new java.util.LinkedHashMap<>(OriginationFixtures.goodAnswers());
        answers.remove("currentAccount");
        answers.remove("savings");
        body.put("answers", answers);
        String id = fixtures.create(officer, body);

        Api.Response refused = api.post("/api/v1/applications/" + id + "/submit", officer, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        List<String> fields = refused.json().get("errors").findValuesAsString("field");
        assertThat(fields).contains("answers.currentAccount", "answers.savings")
                .as("the terms, purpose, bureau history and the age from the ID number are origination's own")
                .doesNotContain("answers.termMonths", "answers.amount", "answers.purpose", "answers.creditHistory",
                        "answers.age");
        assertThat(refused.body()).contains("currentAccount");
        assertThat(api.get("/api/v1/applications/" + id, officer).json().get("status").asString()).isEqualTo("DRAFT");
        String zh = api.send("POST", "/api/v1/applications/" + id + "/submit", officer, Api.json(Map.of()),
                "application/json", "zh-CN").body();
        assertThat(zh).contains("评分卡需要的回答（currentAccount）缺失");
    }

    /**
     * Exposure counts what servicing has on the books (principal outstanding; the whole principal while
     * pending disbursement) plus approvals not contracted yet, never a contracted application twice.
     * Net assets 800,000: 10 % is 80,000.
     */
    @Test
    void exposureCountsServicingBalancesAndApprovalsNotYetContracted() {
        String institution = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(String.class).single();
        String today = jdbc.sql("select business_date::text from eod_business_date where institution_id = ?::uuid")
                .param(institution).query(String.class).optional().orElse("2026-12-02");
        String customer = fixtures.borrower(officer);
        String contracted = fixtures.create(officer, OriginationFixtures.application(customer, product, "30000"));
        String contractId = fixtures.submit(officer, contracted).get("contractId").asString();
        Api.Response accepted = api.post("/api/v1/contracts/" + contractId + "/accept", officer, Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String loanId = accepted.json().get("loanId").asString();
        String approved = fixtures.create(officer, OriginationFixtures.application(customer, product, "20000"));
        assertThat(fixtures.submit(officer, approved).get("status").asString()).isEqualTo("APPROVED");
        record Loan(String status, BigDecimal outstanding) {
        }
        Loan booked = jdbc.sql("select status, principal_outstanding from servicing_loan where id = ?::uuid").param(loanId)
                .query((rs, n) -> new Loan(rs.getString(1), rs.getBigDecimal(2))).single();
        assertThat(booked.status()).isEqualTo("PENDING_DISBURSEMENT");
        // as if disbursed and partly repaid (the loan is put back as it was below)
        jdbc.sql("insert into origination_net_assets (institution_id, effective_from, net_assets) values (?::uuid, ?::date, 800000) "
                + "on conflict (institution_id, effective_from) do update set net_assets = 800000").params(institution, today).update();
        try {
            jdbc.sql("update servicing_loan set status = 'ACTIVE', principal_outstanding = 12345.67 where id = ?::uuid")
                    .param(loanId).update();
            String third = fixtures.create(officer, OriginationFixtures.application(customer, product, "47654.33"));
            JsonNode within = fixtures.submit(officer, third);
            assertThat(within.get("flags").toString()).as("12,345.67 + 20,000 + 47,654.33 = 80,000.00, not above")
                    .doesNotContain("EXPOSURE_BORROWER");
            assertThat(api.post("/api/v1/applications/" + third + "/withdraw", officer, Map.of()).status())
                    .as("withdrawn, so it no longer counts").isEqualTo(200);

            String fourth = fixtures.create(officer, OriginationFixtures.application(customer, product, "47654.34"));
            JsonNode above = fixtures.submit(officer, fourth);
            JsonNode flag = null;
            for (JsonNode f : above.get("flags")) {
                if (f.get("code").asString().equals("EXPOSURE_BORROWER")) {
                    flag = f;
                }
            }
            assertThat(flag).as(above.toString()).isNotNull();
            assertThat(flag.get("message").asString()).contains("80000.01").contains("80000.00");
            assertThat(above.get("status").asString()).isEqualTo("DECLINED");
        } finally {
            jdbc.sql("delete from origination_net_assets where institution_id = ?::uuid and effective_from = ?::date "
                    + "and net_assets = 800000").params(institution, today).update();
            jdbc.sql("update servicing_loan set status = ?, principal_outstanding = ? where id = ?::uuid")
                    .params(booked.status(), booked.outstanding(), loanId).update();
            // this test's submissions do not count toward the next tests' velocity from 127.0.0.1 (TEST-NET-2)
            jdbc.sql("update origination_application set client_address = '198.51.100.7' where customer_id = ?::uuid")
                    .param(customer).update();
        }
    }

    static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
