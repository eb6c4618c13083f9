package org.xiaodai.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly return's figures on the real database: the loan-level detail, the statistical lines of every dimension
 * (grade, region, industry, borrower type, security) and the provisions reconcile with the loans and the general
 * ledger to the cent; funding comes from the registry; the overdue loan's buckets and the new loan's code are right.
 */
@IntegrationTest
class ReturnReconciliationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Ledger ledger;
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
    void returnTotalsReconcileWithLoanBalancesAndTheLedgerToTheCent() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2025, 1, 10);
        UUID paying = util.loan(inst, "12000.00", 6, d0);
        UUID late = util.loan(inst, "30000.00", 12, d0);
        UUID march = util.loan(inst, "5000.55", 3, LocalDate.of(2025, 3, 5));
        UUID guaranteed = util.loan(inst, "7000.00", 6, d0);
        UUID unsecured = util.loan(inst, "3000.00", 6, d0);
        util.servicing().closeDays(inst, d0, LocalDate.of(2025, 2, 9));
        util.servicing().repay(inst, paying, LocalDate.of(2025, 2, 10), "2100.00", "r-1");
        util.servicing().closeDays(inst, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 31));
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2025, 4, 1));
        // two borrowers with region, industry and type (the third loan's borrower is unknown to customer), and a
        // registry entry with funding by source
        var cipher = context.getBean(org.xiaodai.customer.domain.PiiCipher.class);
        String[][] borrowers = {{"INDIVIDUAL", "360426199101010071", "330106", "A0111"},
                                {"ENTERPRISE", "91110000600037341L", "330212", "F5132"}};
        UUID[] owners = {paying, late};
        for (int i = 0; i < borrowers.length; i++) {
            UUID customer = UUID.randomUUID();
            var sealed = cipher.seal(borrowers[i][1], "customer:" + customer + ":idNumber");
            superuser.sql("""
                    insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                        id_number_masked, region_code, industry_code, created_at, updated_at)
                    values (?, ?, ?, '对账样例', ?, ?, ?, '3604****0000', ?, ?, now(), now())""")
                    .params(customer, inst, borrowers[i][0], sealed.ciphertext(), sealed.keyId(),
                            cipher.blindIndex("idNumber", borrowers[i][1]), borrowers[i][2], borrowers[i][3]).update();
            superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, owners[i]).update();
        }
        superuser.sql("""
                insert into supervision_registry (id, institution_id, version, effective_from, licence_number, licensed_region,
                    business_scope, online_lending, registered_capital, net_assets, net_assets_year, bank_loans,
                    shareholder_loans, bonds, asset_backed, status, reason, changed_by_name, changed_at)
                values (?, ?, 1, date '2024-01-01', 'TEST-LIC', '330000', array['PERSONAL_CONSUMPTION'], false, 100000000, 120000000, 2024,
                        30000000.50, 10000000, 0, 5000000, 'ACTIVE', 'test', 'test', now())""")
                .params(UUID.randomUUID(), inst).update();

        // the contracts' security as origination holds it: collateral kinds and guarantors per loan (march's loan did
        // not come through origination and its product is not in the catalogue: UNKNOWN)
        UUID borrower = superuser.sql("select customer_id from servicing_loan where id = ?").param(paying).query(UUID.class).single();
        String guarantor = "[\"" + UUID.randomUUID() + "\"]";
        Object[][] security = {{paying, "[{\"type\": \"DEPOSIT_CERTIFICATE\"}]", guarantor},
                               {late, "[{\"type\": \"REAL_ESTATE\"}, {\"type\": \"VEHICLE\"}]", "[]"},
                               {guaranteed, "[]", guarantor}, {unsecured, "[]", "[]"}};
        for (Object[] s : security) {
            superuser.sql("""
                    insert into origination_application (id, institution_id, owner_id, customer_id, customer_name, product_id,
                        product_version, amount, number_of_repayments, annual_rate_percent, purpose, channel, collateral,
                        guarantors, status, loan_id, created_at, updated_at)
                    values (?, ?, ?, ?, '对账样例', ?, 1, 1000, 6, 12, 'test', 'OFFLINE', ?::jsonb, ?::jsonb, 'CONTRACTED', ?,
                            now(), now())""")
                    .params(UUID.randomUUID(), inst, UUID.randomUUID(), borrower, UUID.randomUUID(), s[1], s[2], s[0]).update();
        }

        UUID id = util.generate(inst, YearMonth.of(2025, 3));

        Map<String, Object> header = superuser.sql("select * from reporting_return where id = ?").param(id).query().singleRow();
        assertThat(header.get("as_of").toString()).isEqualTo("2025-03-31");
        assertThat(header.get("due_on").toString()).isEqualTo("2025-04-05");
        BigDecimal loans = superuser.sql("select sum(principal_outstanding) from servicing_loan where institution_id = ?")
                .param(inst).query(BigDecimal.class).single();
        BigDecimal detail = superuser.sql("select sum(balance) from reporting_loan_detail where return_id = ?").param(id)
                .query(BigDecimal.class).single();
        BigDecimal total = superuser.sql("select balance from reporting_return_line where return_id = ? and dimension = 'TOTAL'")
                .param(id).query(BigDecimal.class).single();
        BigDecimal byGrade = superuser.sql("select sum(balance) from reporting_return_line where return_id = ? and dimension = 'GRADE'")
                .param(id).query(BigDecimal.class).single();
        BigDecimal general = TenantWall.asInstitution(inst, () -> ledger.trialBalance(inst, LocalDate.of(2025, 4, 1)))
                .accounts().stream().filter(a -> a.role().equals("LOAN_PRINCIPAL")).findFirst().orElseThrow().balance();
        assertThat(detail).isEqualByComparingTo(loans).isEqualByComparingTo(total).isEqualByComparingTo(byGrade)
                .isEqualByComparingTo(general).isEqualByComparingTo((BigDecimal) header.get("balance"));
        for (String dimension : List.of("REGION", "INDUSTRY", "BORROWER_TYPE", "SECURITY")) {
            Map<String, Object> sums = superuser.sql("""
                    select sum(balance) as balance, sum(loans) as loans, sum(overdue_principal) as overdue
                      from reporting_return_line where return_id = ? and dimension = ?""").params(id, dimension).query().singleRow();
            assertThat((BigDecimal) sums.get("balance")).as(dimension).isEqualByComparingTo(total);
            assertThat(((Number) sums.get("loans")).intValue()).as(dimension).isEqualTo(5);
        }
        Map<String, BigDecimal> byRegion = new java.util.HashMap<>();
        superuser.sql("select key, balance from reporting_return_line where return_id = ? and dimension = 'REGION'").param(id)
                .query(rs -> { byRegion.put(rs.getString(1), rs.getBigDecimal(2)); });
        BigDecimal lateBalance = superuser.sql("select principal_outstanding from servicing_loan where id = ?").param(late)
                .query(BigDecimal.class).single();
        assertThat(byRegion).containsOnlyKeys("330106", "330212", "UNKNOWN");
        assertThat(byRegion.get("330212")).isEqualByComparingTo(lateBalance);
        assertThat(superuser.sql("select key from reporting_return_line where return_id = ? and dimension = 'INDUSTRY' order by key")
                .param(id).query(String.class).list()).containsExactly("A", "F", "UNKNOWN");
        assertThat(superuser.sql("select key from reporting_return_line where return_id = ? and dimension = 'BORROWER_TYPE' order by key")
                .param(id).query(String.class).list()).containsExactly("ENTERPRISE", "INDIVIDUAL", "UNKNOWN");
        Map<String, BigDecimal> bySecurity = new java.util.HashMap<>();
        superuser.sql("select key, balance from reporting_return_line where return_id = ? and dimension = 'SECURITY'").param(id)
                .query(rs -> { bySecurity.put(rs.getString(1), rs.getBigDecimal(2)); });
        assertThat(bySecurity).containsOnlyKeys("PLEDGE", "MORTGAGE", "GUARANTEED", "CREDIT", "UNKNOWN");
        assertThat(bySecurity.get("MORTGAGE")).isEqualByComparingTo(lateBalance);
        assertThat(bySecurity.get("PLEDGE")).isEqualByComparingTo(superuser.sql(
                "select principal_outstanding from servicing_loan where id = ?").param(paying).query(BigDecimal.class).single());
        assertThat(bySecurity.get("UNKNOWN")).isEqualByComparingTo(superuser.sql(
                "select principal_outstanding from servicing_loan where id = ?").param(march).query(BigDecimal.class).single());

        // loan-loss provisions: the PROVISION lines add up to the ledger's provision account at the month end, to the cent
        BigDecimal provisionAccount = TenantWall.asInstitution(inst, () -> ledger.trialBalance(inst, LocalDate.of(2025, 3, 31)))
                .accounts().stream().filter(a -> a.role().equals("LOAN_LOSS_PROVISION")).findFirst().orElseThrow().balance();
        BigDecimal provisions = superuser.sql("select sum(balance) from reporting_return_line where return_id = ? and dimension = 'PROVISION'")
                .param(id).query(BigDecimal.class).single();
        assertThat(provisionAccount).isPositive();
        assertThat(provisions).isEqualByComparingTo(provisionAccount);
        assertThat(superuser.sql("select key from reporting_return_line where return_id = ? and dimension = 'PROVISION'").param(id)
                .query(String.class).list()).isSubsetOf(superuser.sql(
                "select key from reporting_return_line where return_id = ? and dimension = 'GRADE'").param(id).query(String.class).list());
        Map<String, BigDecimal> funding = new java.util.HashMap<>();
        superuser.sql("select key, balance from reporting_return_line where return_id = ? and dimension = 'FUNDING'").param(id)
                .query(rs -> { funding.put(rs.getString(1), rs.getBigDecimal(2)); });
        assertThat(funding.get("BANK_LOANS")).isEqualByComparingTo("30000000.50");
        assertThat(funding.get("SHAREHOLDER_LOANS")).isEqualByComparingTo("10000000");
        assertThat(funding.get("BONDS")).isEqualByComparingTo("0");
        assertThat(funding.get("ASSET_BACKED")).isEqualByComparingTo("5000000");
        assertThat(superuser.sql("select failed from reporting_quality_result where return_id = ? and rule = 'consistency.balance-with-ledger'")
                .param(id).query(Integer.class).single()).isZero();

        Map<String, Object> overdue = superuser.sql("select * from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(id, late).query().singleRow();
        assertThat(overdue.get("account_status")).isEqualTo("2");
        assertThat((Integer) overdue.get("days_past_due")).isGreaterThan(30);
        assertThat((BigDecimal) overdue.get("overdue_principal")).isPositive();
        assertThat(((BigDecimal) overdue.get("overdue_31_60")).add((BigDecimal) overdue.get("overdue_61_90")))
                .isPositive().isLessThanOrEqualTo((BigDecimal) overdue.get("overdue_principal"));
        assertThat(overdue.get("repayment_status")).isIn("2", "3");
        assertThat(superuser.sql("select report_code from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(id, march).query(String.class).single()).isEqualTo("10");
        assertThat(superuser.sql("select remaining_periods from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(id, march).query(Integer.class).single()).isEqualTo(3);
        assertThat(superuser.sql("select count(*) from reporting_loan_detail where return_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(5);
    }

}
