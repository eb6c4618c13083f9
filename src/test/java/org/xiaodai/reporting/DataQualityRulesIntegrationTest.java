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
import org.xiaodai.reporting.internal.ReturnService;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-quality rule of the monthly return catches its failing fixture, with drill-down to the failing rows, and
 * the snapshot it runs over is immutable for the application's role.
 */
@IntegrationTest
class DataQualityRulesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReturnService returns;
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
    void everyDataQualityRuleCatchesItsFailingFixture() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2026, 10, 20);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 1));
        UUID clean = util.loan(inst, "8000.00", 6, d0);
        Map<String, UUID> broken = new java.util.LinkedHashMap<>();
        Map<String, String> breaks = Map.of(
                "completeness.contract-number", "contract_number = null",
                "completeness.maturity-date", "maturity_date = null",
                "validity.contract-number-format", "contract_number = '合同 1'",
                "validity.dates", "maturity_date = disbursement_date - 1",
                "validity.amounts", "principal_outstanding = -1",
                "consistency.balance-within-principal", "principal_outstanding = principal + 1",
                "consistency.status-and-days-past-due", "status = 'OVERDUE', oldest_unpaid_due = null",
                "consistency.closed-without-balance", "status = 'PAID_OFF', paid_off_on = date '2026-10-25'",
                "uniqueness.contract-number", "contract_number = 'DUP-0001'");
        for (var rule : breaks.entrySet()) {
            UUID id = util.loan(inst, "1000.00", 3, d0);
            superuser.sql("update servicing_loan set " + rule.getValue() + " where id = ?").param(id).update();
            broken.put(rule.getKey(), id);
        }
        superuser.sql("update servicing_loan set contract_number = 'DUP-0001' where id = ?").param(clean).update();
        // borrowers whose stored (encrypted) ID number fails its check digit, written around the application's
        // entry check: a resident ID (MOD 11-2) and a USCC (GB 32100-2015); a valid one beside them
        List<UUID> badIds = new java.util.ArrayList<>();
        UUID goodId = null;
        for (String[] borrower : new String[][] {{"INDIVIDUAL", "360426199101010072"}, {"ENTERPRISE", "91110000600037341A"},
                {"INDIVIDUAL", "360426199101010071"}}) {
            UUID customer = UUID.randomUUID();
            var cipher = context.getBean(org.xiaodai.customer.domain.PiiCipher.class);
            var sealed = cipher.seal(borrower[1], "customer:" + customer + ":idNumber");
            superuser.sql("""
                    insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                        id_number_masked, created_at, updated_at) values (?, ?, ?, '校验位样例', ?, ?, ?, '3604****0000', now(), now())""")
                    .params(customer, inst, borrower[0], sealed.ciphertext(), sealed.keyId(),
                            cipher.blindIndex("idNumber", borrower[1])).update();
            UUID loanId = util.loan(inst, "1000.00", 3, d0);
            superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, loanId).update();
            if (borrower[1].endsWith("71")) {
                goodId = loanId;
            } else {
                badIds.add(loanId);
            }
        }
        broken.put("validity.id-number-check-digit", badIds.get(0));

        UUID id = util.generate(inst, YearMonth.of(2026, 10));

        Map<String, Integer> failed = new java.util.HashMap<>();
        superuser.sql("select rule, failed from reporting_quality_result where return_id = ?").param(id)
                .query(rs -> { failed.put(rs.getString(1), rs.getInt(2)); });
        for (var rule : broken.entrySet()) {
            assertThat(failed.get(rule.getKey())).as(rule.getKey()).isPositive();
            List<UUID> rows = TenantWall.asInstitution(inst, () -> returns.failures(id, rule.getKey())).stream()
                    .map(f -> f.loanId()).toList();
            assertThat(rows).as("drill-down of %s", rule.getKey()).contains(rule.getValue());
        }
        assertThat(failed.get("validity.id-number-check-digit")).isEqualTo(2);
        List<UUID> checkDigit = TenantWall.asInstitution(inst, () -> returns.failures(id, "validity.id-number-check-digit"))
                .stream().map(f -> f.loanId()).toList();
        assertThat(checkDigit).containsExactlyInAnyOrderElementsOf(badIds).doesNotContain(goodId);
        assertThat(failed.get("consistency.balance-with-ledger")).as("balances altered behind the ledger's back").isEqualTo(1);
        assertThat(superuser.sql("select quality_score from reporting_return where id = ?").param(id)
                .query(BigDecimal.class).single()).isLessThan(BigDecimal.valueOf(100));
        // the snapshot is immutable: the application's role may not change it
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TenantWall.asInstitution(inst, () ->
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s ->
                        context.getBean(JdbcClient.class).sql("update reporting_loan_detail set balance = 0 where return_id = ?")
                                .param(id).update())))).isNotNull();
    }

    /**
     * Consistency with the ledger is judged at the month end (a loan paid out after it moves the ledger, not the
     * month's snapshot), and across tables: a detail row whose borrower is not a customer on the institution's file
     * (unknown, or another institution's) fails {@code consistency.customer-on-file}, with drill-down to it.
     */
    @Test
    void theLedgerIsReconciledAtTheMonthEndAndEveryBorrowerMustBeOnFile() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2026, 9, 20);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 10, 1));
        UUID onFile = util.loan(inst, "8000.00", 6, d0);
        UUID unknown = util.loan(inst, "3000.00", 6, d0);
        UUID foreign = util.loan(inst, "4000.00", 6, d0);
        UUID customer = UUID.randomUUID();
        var cipher = context.getBean(org.xiaodai.customer.domain.PiiCipher.class);
        var sealed = cipher.seal("360426199101010071", "customer:" + customer + ":idNumber");
        superuser.sql("""
                insert into customer (id, institution_id, kind, name, id_number_cipher, id_number_key_id, id_number_index,
                    id_number_masked, created_at, updated_at) values (?, ?, 'INDIVIDUAL', '档案样例', ?, ?, ?, '3604****0071', now(), now())""")
                .params(customer, inst, sealed.ciphertext(), sealed.keyId(), cipher.blindIndex("idNumber", "360426199101010071"))
                .update();
        superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, onFile).update();
        UUID hzCustomer = superuser.sql("""
                select c.id from customer c join iam_organisation o on o.id = c.institution_id where o.code = 'HZXD'
                 order by c.id limit 1""").query(UUID.class).single();
        superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(hzCustomer, foreign).update();
        // a loan paid out after the month end: in the ledger at the collection date, not in October's snapshot
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 6));
        UUID november = util.loan(inst, "5000.00", 6, LocalDate.of(2026, 11, 5));
        superuser.sql("update servicing_loan set customer_id = ? where id = ?").params(customer, november).update();

        UUID id = util.generate(inst, YearMonth.of(2026, 10));

        Map<String, int[]> results = new java.util.HashMap<>();
        superuser.sql("select rule, checked, failed from reporting_quality_result where return_id = ?").param(id)
                .query(rs -> { results.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}); });
        assertThat(results.get("consistency.balance-with-ledger")).as("reconciled at the month end").containsExactly(1, 0);
        assertThat(results.get("consistency.customer-on-file")).containsExactly(3, 2);
        List<UUID> rows = TenantWall.asInstitution(inst, () -> returns.failures(id, "consistency.customer-on-file")).stream()
                .map(f -> f.loanId()).toList();
        assertThat(rows).containsExactlyInAnyOrder(unknown, foreign);
        assertThat(TenantWall.asInstitution(inst, () -> returns.failures(id, "consistency.balance-with-ledger"))).isEmpty();
    }
}
