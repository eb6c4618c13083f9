package org.xiaodai.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.origination.domain.CollateralType;
import org.xiaodai.origination.internal.NewApplication;
import org.xiaodai.origination.internal.SecurityChangeService;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loan-level detail's report-time codes (DOMAIN.md §6: 10 new account, 20 closed, 30 guarantee change, 40 grade
 * change; 49 month-end settlement otherwise), each produced by its event in the month and only then, the first that
 * applies in that order; and the guarantee change itself: recorded on the business date through the applications
 * API, append-only, audited, inside the tenant wall, refused for bad input naming the field.
 */
@IntegrationTest
class ReportTimeCodesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SecurityChangeService securityChanges;
    JdbcClient superuser;
    Api api;
    ReportingTestUtils util;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        util = new ReportingTestUtils(context, superuser, port);
    }

    @Test
    void eachReportTimeCodeComesFromItsEventInTheMonthAndNewClosedGuaranteeGradeIsThePrecedence() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2026, 8, 10);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 9, 20));
        UUID steady = util.loan(inst, "6000.00", 12, d0);
        UUID secured = util.loan(inst, "7000.00", 12, d0);
        UUID securedBefore = util.loan(inst, "7500.00", 12, d0);
        UUID graded = util.loan(inst, "8000.00", 12, d0);
        UUID securedAndGraded = util.loan(inst, "8500.00", 12, d0);
        UUID closed = util.loan(inst, "9000.00", 12, d0);
        UUID fresh = util.loan(inst, "5000.00", 6, LocalDate.of(2026, 10, 5));
        UUID freshSecured = util.loan(inst, "5500.00", 6, LocalDate.of(2026, 10, 3));
        Map<UUID, UUID> applications = new HashMap<>();
        for (UUID loan : List.of(steady, secured, securedBefore, graded, securedAndGraded, closed, fresh, freshSecured)) {
            applications.put(loan, contracted(inst, loan));
        }
        CurrentUser officer = officer(inst);
        // a change in the month before is not this month's event
        change(inst, officer, applications.get(securedBefore));
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 10, 15));
        for (UUID loan : List.of(secured, securedAndGraded, freshSecured)) {
            assertThat(change(inst, officer, applications.get(loan)).changedOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        }
        for (UUID loan : List.of(graded, securedAndGraded)) {
            superuser.sql("""
                    insert into servicing_grade_change (id, institution_id, loan_id, changed_on, from_grade, to_grade, reason, created_at)
                    values (?, ?, ?, date '2026-10-12', 'NORMAL', 'SPECIAL_MENTION', 'MANUAL', now())""")
                    .params(UUID.randomUUID(), inst, loan).update();
        }
        superuser.sql("update servicing_loan set status = 'PAID_OFF', paid_off_on = date '2026-10-20', principal_outstanding = 0 where id = ?")
                .param(closed).update();
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 1));

        UUID id = util.generate(inst, YearMonth.of(2026, 10));

        Map<UUID, String> codes = new HashMap<>();
        superuser.sql("select loan_id, report_code from reporting_loan_detail where return_id = ?").param(id)
                .query(rs -> { codes.put(rs.getObject(1, UUID.class), rs.getString(2)); });
        assertThat(codes).containsEntry(steady, "49").containsEntry(securedBefore, "49").containsEntry(fresh, "10")
                .containsEntry(freshSecured, "10").containsEntry(closed, "20").containsEntry(graded, "40")
                .containsEntry(secured, "30").containsEntry(securedAndGraded, "30").hasSize(8);
        // the statistical return follows the security in force at the month end: the loans changed in or before October carry collateral
        assertThat(superuser.sql("select loans from reporting_return_line where return_id = ? and dimension = 'SECURITY' and key = 'MORTGAGE'")
                .param(id).query(Integer.class).single()).isEqualTo(4);
        // every code the XSD declares is one the collection can produce
        assertThat(Set.copyOf(codes.values())).containsExactlyInAnyOrder("10", "20", "30", "40", "49");
    }

    /** The SECURITY lines hold the security in force at the month end: a change after it alters no line of that month. */
    @Test
    void aGuaranteeChangeAfterTheMonthEndDoesNotAlterThatMonthsReturn() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 9, 20));
        UUID loan = util.loan(inst, "6000.00", 12, LocalDate.of(2026, 8, 10));
        UUID application = contracted(inst, loan);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 3));
        assertThat(change(inst, officer(inst), application).changedOn()).isEqualTo(LocalDate.of(2026, 11, 3));

        UUID october = util.generate(inst, YearMonth.of(2026, 10));

        assertThat(superuser.sql("select key || ':' || loans from reporting_return_line where return_id = ? and dimension = 'SECURITY'")
                .param(october).query(String.class).list()).as("without security at the end of October").containsExactly("CREDIT:1");
        assertThat(superuser.sql("select report_code from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(october, loan).query(String.class).single()).isEqualTo("49");
        // the same read as of the day of the change does see it
        Integer collateralNow = TenantWall.asInstitution(inst, () -> context.getBean(
                org.springframework.transaction.support.TransactionTemplate.class).execute(s -> context.getBean(JdbcClient.class)
                        .sql("select collateral from origination_loan_security(date '2026-11-03') where loan_id = ?").param(loan)
                        .query(Integer.class).single()));
        assertThat(collateralNow).isEqualTo(1);
    }

    @Test
    void aGuaranteeChangeIsRecordedThroughTheApiAuditedAndRefusedForBadInputOtherTenantsAndTheRegulator() {
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        UUID loan = util.servicing().disbursedLoan(superuser, "HZXD");
        UUID application = contracted(hzxd, loan);
        UUID draft = UUID.randomUUID();
        insertApplication(draft, hzxd, null, "DRAFT");
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String path = "/api/v1/applications/" + application + "/security-changes";
        Map<String, Object> body = Map.of("collateral", List.of(Map.of("type", "REAL_ESTATE", "description", "杭州市某住宅",
                "valuation", "1200000.00", "valuationDate", "2026-01-10")), "guarantors", List.of(), "reason", "追加房产抵押");

        Api.Response noReason = api.post(path, admin, Map.of("guarantors", List.of(UUID.randomUUID().toString()), "reason", " "));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("guarantors[0]", "unknown", "reason", "required");
        Api.Response badType = api.post(path, admin, Map.of("collateral", List.of(Map.of("type", "YACHT", "valuation", "1",
                "valuationDate", "2026-01-10")), "reason", "x"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("collateral[0].type");
        assertThat(api.post("/api/v1/applications/" + draft + "/security-changes", admin, body).status()).isEqualTo(409);
        assertThat(api.post(path, api.token("b-admin", Api.DEMO_PASSWORD), body).status()).as("another tenant").isEqualTo(404);
        assertThat(api.post(path, api.token("regulator", Api.DEMO_PASSWORD), body).status()).as("read-only regulator")
                .isEqualTo(403);
        assertThat(superuser.sql("select count(*) from origination_security_change where application_id = ?").param(application)
                .query(Integer.class).single()).as("nothing written by the refusals").isZero();

        Api.Response changed = api.post(path, admin, body);
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
        String changeId = changed.json().get("id").asString();
        assertThat(changed.json().get("changedOn").asString()).isEqualTo(superuser.sql(
                "select business_date::text from eod_business_date where institution_id = ?").param(hzxd).query(String.class).single());
        Api.Response again = api.post(path, admin, body);
        assertThat(again.status()).as("the security already in force").isEqualTo(400);
        assertThat(again.body()).contains("securityUnchanged");
        assertThat(superuser.sql("select action from audit_entry where entity_id = ? order by seq").param(application.toString())
                .query(String.class).list()).contains("origination.security.changed");
        // append-only: the application's role may not rewrite a change
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TenantWall.asInstitution(hzxd, () ->
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s ->
                        context.getBean(JdbcClient.class).sql("update origination_security_change set reason = 'x' where id = ?::uuid")
                                .param(changeId).update())))).isNotNull();
    }

    private SecurityChangeService.Recorded change(UUID institution, CurrentUser officer, UUID application) {
        return TenantWall.asInstitution(institution, () -> securityChanges.record(officer, application,
                new SecurityChangeService.SecurityChange(List.of(new NewApplication.Collateral(CollateralType.REAL_ESTATE,
                        "住宅", new java.math.BigDecimal("900000.00"), LocalDate.of(2026, 8, 1))), List.of(), "追加抵押")));
    }

    private static CurrentUser officer(UUID institution) {
        UUID id = UUID.randomUUID();
        return new CurrentUser(id, "codes-officer", "测试信贷员", institution, OrganisationKind.LENDER,
                new DataScope(ScopeLevel.INSTITUTION, institution, null, id), Set.of("application:security:change"), false, 0);
    }

    /** The contracted application {@code loan} came from, without security (as origination holds it); its id. */
    private UUID contracted(UUID institution, UUID loan) {
        UUID id = UUID.randomUUID();
        insertApplication(id, institution, loan, "CONTRACTED");
        return id;
    }

    private void insertApplication(UUID id, UUID institution, UUID loan, String status) {
        superuser.sql("""
                insert into origination_application (id, institution_id, owner_id, customer_id, customer_name, product_id,
                    product_version, amount, number_of_repayments, annual_rate_percent, purpose, channel, collateral,
                    guarantors, status, loan_id, created_at, updated_at)
                values (?, ?, ?, ?, '报告时点样例', ?, 1, 1000, 6, 12, 'test', 'OFFLINE', '[]'::jsonb, '[]'::jsonb, ?, ?, now(), now())""")
                .params(id, institution, UUID.randomUUID(), borrower(), UUID.randomUUID(), status, loan).update();
    }

    /** A demo borrower of HZXD (the application's borrower must exist; which one does not matter here). */
    private UUID borrower() {
        return superuser.sql("""
                select c.id from customer c join iam_organisation o on o.id = c.institution_id where o.code = 'HZXD'
                 order by c.id limit 1""").query(UUID.class).single();
    }
}
