package org.xiaodai.risk.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.approval.ApprovalRequested;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.customer.domain.PiiCipher;
import org.xiaodai.servicing.LoanDisbursed;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.supervision.Institutions;
import org.xiaodai.supervision.Licence;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lending outside the licence: a new loan to a borrower inside HZXD's licensed region raises nothing; a loan to a
 * borrower in Shenzhen raises exactly one {@code lending-outside-licence} alert naming the contract and the region,
 * also when the disbursement is delivered twice; HZXD and the regulator see it, NBXD does not (404 by id, absent from
 * its list).
 */
@IntegrationTest
class OutsideLicenceAlertIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    LicenceFeed feed;
    @Autowired
    MultiLendingFeed multiLending;
    @Autowired
    Institutions institutions;
    @Autowired
    ApplicationContext context;
    @Autowired
    PiiCipher cipher;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    private UUID borrower(UUID institution, String region) {
        UUID customer = UUID.randomUUID();
        String idNumber = "9" + String.format("%017d", Math.abs(customer.getMostSignificantBits() % 100_000_000_000_000_000L));
        var sealed = cipher.seal(idNumber, "customer:" + customer + ":idNumber");
        superuser.sql("""
                insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                    id_number_masked, region_code, created_at, updated_at)
                values (?, ?, 'INDIVIDUAL', '许可样例', ?, ?, ?, '9000****0000', ?, now(), now())""")
                .params(customer, institution, sealed.ciphertext(), sealed.keyId(), cipher.blindIndex("idNumber", idNumber),
                        region).update();
        return customer;
    }

    private LoanDisbursed disbursed(ServicingTestUtils util, UUID institution, UUID customer, LocalDate day) {
        UUID id = util.open(institution, ServicingTestUtils.terms("9000.00", "12", 6, day), ServicingPolicy.standard(),
                false, ServicingTestUtils.payableLoanId());
        util.activate(institution, id, day);
        superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, id).update();
        return new LoanDisbursed(id, institution, customer, UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("9000.00"),
                "CNY", day, day.plusMonths(6));
    }

    private List<String> alerts(UUID loanId) {
        return superuser.sql("select id::text from risk_alert where rule_code = 'lending-outside-licence' and subject = ?")
                .param("loan:" + loanId).query(String.class).list();
    }

    @Test
    void aLoanOutsideTheLicensedRegionRaisesOneAlertSeenByItsInstitutionAndTheRegulatorOnly() {
        Api api = new Api(port);
        UUID hz = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        LocalDate day = superuser.sql("select business_date from eod_business_date where institution_id = ?").param(hz)
                .query(LocalDate.class).single().minusDays(2);
        Licence licence = TenantWall.asInstitution(hz, () -> institutions.licence(hz, day)).orElseThrow();
        assertThat(licence.coversRegion("330106")).as("HZXD is licensed for Hangzhou").isTrue();
        assertThat(licence.coversRegion("440305")).isFalse();
        ServicingTestUtils util = new ServicingTestUtils(context);

        LoanDisbursed inside = disbursed(util, hz, borrower(hz, "330106"), day);
        assertThat(feed.check(inside)).isEmpty();
        assertThat(alerts(inside.loanId())).as("a loan inside the licence raises nothing").isEmpty();

        LoanDisbursed outside = disbursed(util, hz, borrower(hz, "440305"), day);
        List<UUID> raised = feed.check(outside);
        assertThat(raised).hasSize(1);
        assertThat(feed.check(outside)).as("the same disbursement delivered again").isEmpty();
        assertThat(alerts(outside.loanId())).containsExactly(raised.getFirst().toString());

        String id = raised.getFirst().toString();
        JsonNode alert = api.get("/api/v1/risk/alerts/" + id, api.token("a-admin", Api.DEMO_PASSWORD)).json().get("alert");
        assertThat(alert.get("ruleCode").asString()).isEqualTo("lending-outside-licence");
        assertThat(alert.get("severity").asString()).isEqualTo("CRITICAL");
        String contract = superuser.sql("select contract_number from servicing_loan where id = ?").param(outside.loanId())
                .query(String.class).single();
        assertThat(alert.get("subjectLabel").asString()).contains(contract, "440305", licence.licensedRegion(),
                "借款人所在地区", "borrower region");
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/risk/alerts/" + id, regulator).status()).isEqualTo(200);
        String bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/risk/alerts/" + id, bAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/risk/alerts?size=200", bAdmin).body()).doesNotContain(id);
    }

    private ApprovalRequested submitted(UUID institution, List<String> flags) {
        return new ApprovalRequested(UUID.randomUUID(), institution, 1, UUID.randomUUID(), null, UUID.randomUUID(), "P-TEST",
                "测试产品", "多头样例", new BigDecimal("5000.00"), new BigDecimal("12"), 6, null, null, flags, Instant.now());
    }

    /** Origination's multi-lending flag on submit raises one {@code multi-lending} alert per application; no flag, none. */
    @Test
    void aSubmissionFlaggedMultiLendingRaisesOneAlertAndAnUnflaggedOneNone() {
        Api api = new Api(port);
        UUID hz = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        ApprovalRequested clean = submitted(hz, List.of("SHARED_MOBILE"));
        assertThat(multiLending.check(clean)).isEmpty();
        ApprovalRequested flagged = submitted(hz, List.of("VELOCITY_DEVICE", "MULTI_LENDING"));
        List<UUID> raised = multiLending.check(flagged);
        assertThat(raised).hasSize(1);
        assertThat(multiLending.check(flagged)).as("delivered again").isEmpty();
        assertThat(superuser.sql("select count(*) from risk_alert where rule_code = 'multi-lending' and subject in (?, ?)")
                .params("application:" + clean.applicationId(), "application:" + flagged.applicationId()).query(Long.class)
                .single()).isEqualTo(1);
        String id = raised.getFirst().toString();
        JsonNode alert = api.get("/api/v1/risk/alerts/" + id, api.token("a-admin", Api.DEMO_PASSWORD)).json().get("alert");
        assertThat(alert.get("subjectLabel").asString()).contains(flagged.applicationId().toString().substring(0, 8), "测试产品",
                "多头借贷").doesNotContain("多头样例");
        assertThat(api.get("/api/v1/risk/alerts/" + id, api.token("b-admin", Api.DEMO_PASSWORD)).status()).isEqualTo(404);
    }

    /**
     * An unflagged submission leaves no publication for the multi-lending feed in the event publication registry (the
     * listener's condition is judged before it is stored): no registry row, no asynchronous run for nothing.
     */
    @Test
    void anUnflaggedSubmissionLeavesNoPublicationForTheMultiLendingFeed() {
        Api api = new Api(port);
        // the seeded A-card (submissions are scored), as the origination tests wait for it
        org.xiaodai.scoring.ScoringFixtures.activeModel(superuser, "HZXD", "APPLICATION");
        org.xiaodai.support.OriginationFixtures fixtures = new org.xiaodai.support.OriginationFixtures(api);
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        String product = fixtures.product(api.token("a-admin", Api.DEMO_PASSWORD));
        String id = fixtures.create(officer, org.xiaodai.support.OriginationFixtures.application(fixtures.borrower(officer),
                product, "30000"));
        JsonNode submitted = fixtures.submit(officer, id);
        assertThat(submitted.get("flags").toString()).as(submitted.toString()).doesNotContain("MULTI_LENDING");
        assertThat(superuser.sql("""
                select count(*) from event_publication
                where listener_id like '%MultiLendingFeed%' and serialized_event like ?""").param("%" + id + "%")
                .query(Long.class).single()).isZero();
    }

    /** NBXD is licensed for Ningbo without personal consumption: its consumer product lent in Ningbo is outside on scope. */
    @Test
    void aLoanForAPurposeOutsideTheBusinessScopeRaisesTheAlertNamingTheScope() {
        UUID nb = superuser.sql("select id from iam_organisation where code = 'NBXD'").query(UUID.class).single();
        LocalDate day = superuser.sql("select business_date from eod_business_date where institution_id = ?").param(nb)
                .query(LocalDate.class).single().minusDays(2);
        Licence licence = TenantWall.asInstitution(nb, () -> institutions.licence(nb, day)).orElseThrow();
        assertThat(licence.coversRegion("330203")).isTrue();
        assertThat(licence.businessScope()).doesNotContain(org.xiaodai.supervision.BusinessScope.PERSONAL_CONSUMPTION);
        UUID consumer = superuser.sql("""
                select p.id from product p join product_version v on v.product_id = p.id and v.version = 1
                 where p.institution_id = ? and p.code = 'XF-01'""").param(nb).query(UUID.class).single();
        ServicingTestUtils util = new ServicingTestUtils(context);
        LoanDisbursed d = disbursed(util, nb, borrower(nb, "330203"), day);
        LoanDisbursed e = new LoanDisbursed(d.loanId(), nb, d.customerId(), consumer, d.disbursementId(), d.amount(), "CNY",
                day, d.maturityDate());
        List<UUID> raised = feed.check(e);
        assertThat(raised).hasSize(1);
        assertThat(superuser.sql("select subject_label from risk_alert where id = ?").param(raised.getFirst())
                .query(String.class).single()).contains("个人消费", "personal consumption", "超出许可业务范围")
                .doesNotContain("借款人所在地区");
        assertThat(superuser.sql("select value from risk_alert where id = ?").param(raised.getFirst())
                .query(BigDecimal.class).single()).isEqualByComparingTo("1");
    }
}
