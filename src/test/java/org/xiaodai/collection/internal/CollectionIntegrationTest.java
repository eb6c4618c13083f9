package org.xiaodai.collection.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.servicing.InstallmentOverdue;
import org.xiaodai.servicing.LoanRestructured;
import org.xiaodai.servicing.LoanPaidOff;
import org.xiaodai.servicing.RepaymentReceived;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Collections end to end against the real database: cases opened by servicing's overdue event,
 * queues and case views in the caller's scope, every conduct rule refused with its name and
 * audited (the wall clock injected at the contact log's seam), promises kept and broken, and the
 * statistics.
 */
@IntegrationTest
class CollectionIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    CaseLifecycle lifecycle;
    @Autowired
    ContactLog contactLog;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    JdbcClient jdbc;
    Api api;
    String admin;
    UUID hzxd;
    LocalDate today;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
        hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        today = jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(hzxd)
                .query(LocalDate.class).single();
    }

    /** A customer of HZXD with a spouse the borrower named; returns {customer, spouse}. */
    UUID[] customerWithSpouse() {
        String customer = CustomerTestUtils.create(api, admin, CustomerTestUtils.individual(CustomerTestUtils.residentId(),
                CustomerTestUtils.mobile()));
        Api.Response spouse = api.post("/api/v1/customers/" + customer + "/related-parties", admin,
                Map.of("relation", "SPOUSE", "name", "示例配偶", "mobile", CustomerTestUtils.mobile()));
        assertThat(spouse.status()).as(spouse.body()).isEqualTo(201);
        return new UUID[] {UUID.fromString(customer), UUID.fromString(spouse.json().get("id").asString())};
    }

    UUID openCase(UUID customer, long dpd) {
        InstallmentOverdue event = new InstallmentOverdue(UUID.randomUUID(), hzxd, customer, null, today.minusDays(dpd), today,
                dpd, new BigDecimal("900.00"), new BigDecimal("100.00"));
        return inWall(() -> lifecycle.open(event));
    }

    <T> T inWall(Supplier<T> work) {
        return TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> work.get()));
    }

    CurrentUser collector() {
        Map<String, Object> u = jdbc.sql("select id, display_name from iam_user where username = 'a-collector'").query().singleRow();
        UUID id = (UUID) u.get("id");
        return new CurrentUser(id, "a-collector", (String) u.get("display_name"), hzxd, OrganisationKind.LENDER,
                new DataScope(ScopeLevel.OWN, hzxd, null, id), Set.of("collection:work"), false, 0);
    }

    UUID assignToCollector(UUID caseId) {
        UUID collector = collector().userId();
        Api.Response assigned = api.post("/api/v1/collections/cases/" + caseId + "/assignment", admin,
                Map.of("collectorId", collector.toString()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return collector;
    }

    /** A contact made at {@code localTime} (Shanghai) on the institution's business date, by the injected clock. */
    Object contactAt(UUID caseId, UUID contact, String channel, String outcome, String localTime) {
        Clock clock = Clock.fixed(ZonedDateTime.of(today.atTime(java.time.LocalTime.parse(localTime)), SHANGHAI).toInstant(),
                SHANGHAI);
        return TenantWall.asInstitution(hzxd, () -> {
            try {
                return contactLog.record(collector(), caseId, new ContactLog.NewContact(contact.toString(), channel, outcome,
                        null), clock);
            } catch (ProblemException e) {
                return e;
            }
        });
    }

    static void refused(Object result, String rule) {
        assertThat(result).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.properties()).containsEntry("rule", rule);
        });
    }

    long refusalsAudited(UUID caseId, String rule) {
        return jdbc.sql("""
                select count(*) from audit_entry where action = 'collection.contact.refused' and entity_id = ?
                and after_state::jsonb ->> 'rule' = ?""").params(caseId.toString(), rule).query(Long.class).single();
    }

    @Test
    void servicingsOverdueEventOpensOneCaseThatTheAssignedCollectorFindsInTheM1Queue() {
        UUID customer = customerWithSpouse()[0];
        UUID loan = UUID.randomUUID();
        InstallmentOverdue event = new InstallmentOverdue(loan, hzxd, customer, null, today.minusDays(3), today, 3,
                new BigDecimal("800.00"), new BigDecimal("50.00"));
        TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> events.publishEvent(event)));
        awaitCase(loan);
        TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> events.publishEvent(event)));
        UUID caseId = jdbc.sql("select id from collection_case where loan_id = ?").param(loan).query(UUID.class).single();
        assertThat(jdbc.sql("select bucket || ' ' || amount_overdue from collection_case where id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("M1 850.00");

        String collectorToken = api.token("a-collector", Api.DEMO_PASSWORD);
        assertThat(ids(api.get("/api/v1/collections/cases?bucket=M1&limit=200", collectorToken))).doesNotContain(caseId.toString());
        assignToCollector(caseId);
        assertThat(ids(api.get("/api/v1/collections/cases?bucket=M1&limit=200", collectorToken))).contains(caseId.toString());
        assertThat(ids(api.get("/api/v1/collections/cases?bucket=M2&limit=200", collectorToken))).doesNotContain(caseId.toString());
        assertThat(api.get("/api/v1/collections/cases?bucket=M9", collectorToken).status()).isEqualTo(400);
        JsonNode detail = api.get("/api/v1/collections/cases/" + caseId, collectorToken).json();
        assertThat(detail.get("contacts")).hasSize(2);
        assertThat(detail.get("contacts").get(0).get("mobileMasked").asString()).contains("****");
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/collections/cases/" + caseId, bAdmin).status()).as("another institution").isEqualTo(404);
        assertThat(api.get("/api/v1/collections/cases/" + caseId, api.token("a-officer", Api.DEMO_PASSWORD)).status())
                .as("no collection permission").isEqualTo(403);
    }

    @Test
    void aRestructuredLoansOpenCaseClosesAsRestructuredOnTheRestructuringDate() {
        UUID customer = customerWithSpouse()[0];
        UUID loan = UUID.randomUUID();
        InstallmentOverdue overdue = new InstallmentOverdue(loan, hzxd, customer, null, today.minusDays(40), today, 40,
                new BigDecimal("800.00"), new BigDecimal("50.00"));
        TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> events.publishEvent(overdue)));
        awaitCase(loan);
        UUID caseId = jdbc.sql("select id from collection_case where loan_id = ?").param(loan).query(UUID.class).single();
        UUID otherLoan = UUID.randomUUID();
        UUID other = openCase(customer, 5);
        jdbc.sql("update collection_case set loan_id = ? where id = ?").params(otherLoan, other).update();

        LoanRestructured restructured = new LoanRestructured(loan, hzxd, today, 2, "RESTRUCTURING", new BigDecimal("5150.67"),
                today.plusMonths(12), today.plusMonths(6));
        TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> events.publishEvent(restructured)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"CLOSED".equals(jdbc.sql("select status from collection_case where id = ?").param(caseId)
                .query(String.class).single())) {
            assertThat(System.nanoTime()).as("case closed within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(jdbc.sql("select close_reason || ' ' || closed_on from collection_case where id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("RESTRUCTURED " + today);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'collection.case.closed' and entity_id = ?")
                .param(caseId.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from collection_case where id = ?").param(other).query(String.class).single())
                .as("another loan's case stays open").isEqualTo("OPEN");
        // delivered again: nothing more happens
        TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx -> events.publishEvent(restructured)));
        org.xiaodai.servicing.internal.ServicingTestUtils.sleep(1500); // the redelivery's listener runs and must change nothing
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'collection.case.closed' and entity_id = ?")
                .param(caseId.toString()).query(Long.class).single()).isEqualTo(1);
    }

    void awaitCase(UUID loan) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from collection_case where loan_id = ?").param(loan).query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("case opened within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(n -> n.get("id").asString()).toList();
    }

    @Test
    void quietHoursAreRefusedWithTheirNameAndAuditedUnlessTheBorrowerConsented() {
        UUID[] people = customerWithSpouse();
        UUID caseId = openCase(people[0], 10);
        assignToCollector(caseId);
        refused(contactAt(caseId, people[0], "CALL", "ANSWERED", "22:00"), "quietHours");
        refused(contactAt(caseId, people[0], "VISIT", "ANSWERED", "07:59"), "quietHours");
        assertThat(refusalsAudited(caseId, "quietHours")).isEqualTo(2);
        assertThat(contactAt(caseId, people[0], "LETTER", "LEFT_MESSAGE", "23:00")).isInstanceOf(CaseViews.ContactEntry.class);
        assertThat(contactAt(caseId, people[0], "CALL", "ANSWERED", "08:00")).isInstanceOf(CaseViews.ContactEntry.class);

        Api.Response consent = api.post("/api/v1/collections/cases/" + caseId + "/quiet-hours-consent", admin,
                Map.of("given", true));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        assertThat(contactAt(caseId, people[0], "CALL", "ANSWERED", "23:00")).isInstanceOf(CaseViews.ContactEntry.class);
        assertThat(jdbc.sql("select count(*) from collection_contact where case_id = ?").param(caseId).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void theSeventhUnansweredCallOfTheDayToOneContactIsRefusedOtherChannelsAndContactsStillWork() {
        UUID[] people = customerWithSpouse();
        UUID caseId = openCase(people[0], 35);
        assignToCollector(caseId);
        for (int i = 0; i < 6; i++) {
            assertThat(contactAt(caseId, people[0], "CALL", "NO_ANSWER", "10:0" + i)).isInstanceOf(CaseViews.ContactEntry.class);
        }
        refused(contactAt(caseId, people[0], "CALL", "ANSWERED", "11:00"), "dailyAttemptLimit");
        assertThat(refusalsAudited(caseId, "dailyAttemptLimit")).isEqualTo(1);
        assertThat(contactAt(caseId, people[0], "SMS", "LEFT_MESSAGE", "11:05")).isInstanceOf(CaseViews.ContactEntry.class);
        assertThat(contactAt(caseId, people[1], "CALL", "ANSWERED", "11:10")).as("the spouse, named by the borrower")
                .isInstanceOf(CaseViews.ContactEntry.class);
    }

    @Test
    void aContactTheBorrowerDidNotNameIsRefusedThroughTheApiWith422NamingTheRule() {
        UUID[] people = customerWithSpouse();
        UUID stranger = customerWithSpouse()[1];
        UUID caseId = openCase(people[0], 10);
        assignToCollector(caseId);
        String collector = api.token("a-collector", Api.DEMO_PASSWORD);
        Api.Response response = api.send("POST", "/api/v1/collections/cases/" + caseId + "/contacts", collector,
                Api.json(Map.of("contactId", stranger.toString(), "channel", "CALL", "outcome", "ANSWERED", "note", "x")),
                "application/json", "zh-CN");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("rule").asString()).isEqualTo("unnamedContact");
        assertThat(response.json().get("type").asString()).endsWith("/conduct-unnamed-contact");
        assertThat(response.json().get("title").asString()).isEqualTo("非借款人指定的联系人");
        assertThat(refusalsAudited(caseId, "unnamedContact")).isEqualTo(1);

        // with the borrower's consent the time of day does not matter, so this holds whenever the build runs
        api.post("/api/v1/collections/cases/" + caseId + "/quiet-hours-consent", collector, Map.of("given", true));
        Api.Response logged = api.post("/api/v1/collections/cases/" + caseId + "/contacts", collector,
                Map.of("contactId", people[0].toString(), "channel", "CALL", "outcome", "PROMISE_TO_PAY", "note", "下周一还"));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        Api.Response bad = api.post("/api/v1/collections/cases/" + caseId + "/contacts", collector,
                Map.of("contactId", people[0].toString(), "channel", "PIGEON", "outcome", "ANSWERED"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
    }

    @Test
    void promisesAreKeptByRepaymentsAndBrokenAtEndOfDayAndTheStatisticsCountThem() {
        UUID customer = customerWithSpouse()[0];
        UUID caseId = openCase(customer, 20);
        UUID loan = jdbc.sql("select loan_id from collection_case where id = ?").param(caseId).query(UUID.class).single();
        Api.Response kept = api.post("/api/v1/collections/cases/" + caseId + "/promises", admin,
                Map.of("amount", "300.00", "promisedDate", today.plusDays(2).toString()));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        Api.Response broken = api.post("/api/v1/collections/cases/" + caseId + "/promises", admin,
                Map.of("amount", "500.00", "promisedDate", today.plusDays(3).toString()));
        assertThat(broken.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/collections/cases/" + caseId + "/promises", admin,
                Map.of("amount", "-1", "promisedDate", today.minusDays(1).toString())).json().get("errors")).hasSize(2);

        inWall(() -> {
            lifecycle.recordPayment(new RepaymentReceived(UUID.randomUUID(), loan, hzxd, today.plusDays(1),
                    new BigDecimal("400.00"), "TRANSFER", BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("400.00"), BigDecimal.ZERO));
            return null;
        });
        Map<String, String> status = promiseStatuses(caseId);
        assertThat(status).containsEntry(kept.json().get("id").asString(), "KEPT 300.00")
                .containsEntry(broken.json().get("id").asString(), "OPEN 100.00");
        inWall(() -> {
            lifecycle.advance(hzxd, today.plusDays(4));
            return null;
        });
        assertThat(promiseStatuses(caseId)).containsEntry(broken.json().get("id").asString(), "BROKEN 100.00");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'collection.promise.broken' and entity_id = ?")
                .param(broken.json().get("id").asString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select days_past_due || ' ' || recovered from collection_case where id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("24 400.00");

        JsonNode stats = api.get("/api/v1/collections/statistics", admin).json();
        assertThat(stats.get("promisesKept").asLong()).isPositive();
        assertThat(stats.get("promisesBroken").asLong()).isPositive();
        assertThat(stats.get("buckets")).hasSize(3);
        assertThat(new BigDecimal(stats.get("buckets").get(0).get("recovered").asString())).isGreaterThanOrEqualTo(new BigDecimal("400"));
        Api.Response regulator = api.get("/api/v1/collections/statistics", api.token("regulator", Api.DEMO_PASSWORD));
        assertThat(regulator.status()).as(regulator.body()).isEqualTo(200);
        assertThat(regulator.json().get("openCases").asLong()).isGreaterThanOrEqualTo(stats.get("openCases").asLong());

        inWall(() -> {
            lifecycle.advance(hzxd, today.plusDays(40));
            return null;
        });
        assertThat(jdbc.sql("select bucket from collection_case where id = ?").param(caseId).query(String.class).single())
                .as("60 days past due").isEqualTo("M2");
        TenantWall.asInstitution(hzxd, () -> transactions.executeWithoutResult(tx ->
                events.publishEvent(new LoanPaidOff(loan, hzxd, customer, today.plusDays(41)))));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"CLOSED PAID_OFF".equals(jdbc.sql("select status || ' ' || coalesce(close_reason, '') from collection_case where id = ?")
                .param(caseId).query(String.class).single())) {
            assertThat(System.nanoTime()).as("closed on payoff").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    Map<String, String> promiseStatuses(UUID caseId) {
        Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("select id::text, status || ' ' || paid from collection_promise where case_id = ?").param(caseId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    @Test
    void roundRobinHandsEveryUnassignedCaseToTheInstitutionsCollectorsInTurn() {
        UUID customer = customerWithSpouse()[0];
        List<UUID> cases = List.of(openCase(customer, 2), openCase(customerWithSpouse()[0], 40), openCase(customerWithSpouse()[0], 70));
        Api.Response response = api.post("/api/v1/collections/assignments", admin, Map.of("mode", "ROUND_ROBIN"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("assigned").asInt()).isGreaterThanOrEqualTo(3);
        List<UUID> collectors = cases.stream().map(id -> jdbc.sql("select collector_id from collection_case where id = ?")
                .param(id).query(UUID.class).single()).toList();
        assertThat(collectors).doesNotContainNull();
        assertThat(Set.copyOf(collectors)).as("more than one collector took a turn").hasSizeGreaterThan(1);
        assertThat(api.post("/api/v1/collections/assignments", api.token("a-collector", Api.DEMO_PASSWORD),
                Map.of("mode", "ROUND_ROBIN")).status()).as("a collector does not assign").isEqualTo(403);
        assertThat(api.post("/api/v1/collections/assignments", admin, Map.of("mode", "BY_BRANCH")).status()).isEqualTo(200);
    }

    @Test
    void escalationAndOutsourcingNeedAReason() {
        UUID caseId = openCase(customerWithSpouse()[0], 90);
        Api.Response missing = api.post("/api/v1/collections/cases/" + caseId + "/flags", admin,
                Map.of("escalated", true, "outsourced", false));
        assertThat(missing.status()).isEqualTo(400);
        Api.Response flagged = api.post("/api/v1/collections/cases/" + caseId + "/flags", admin,
                Map.of("escalated", true, "escalationReason", "失联", "outsourced", true, "outsourcedAgency", "示例催收公司"));
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(200);
        assertThat(flagged.json().get("escalated").asBoolean()).isTrue();
        assertThat(flagged.json().get("bucket").asString()).isEqualTo("M3+");
    }
}
