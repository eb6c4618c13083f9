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
import org.xiaodai.servicing.internal.LoanWorkouts;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's return generated after money moved in the next month carries the loans as they stood at the month end
 * (servicing's {@code servicing_month_end_positions} as of the settlement date): the same rows as the return generated
 * at the month end itself, the balances the ledger held then, and no loan paid out after it.
 */
@IntegrationTest
class MonthEndPositionsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
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

    private static final String ROW = """
            select loan_id || '|' || report_code || '|' || account_status || '|' || balance || '|' || remaining_periods
                   || '|' || grade_code || '|' || coalesce(grade_changed_on::text, '-') || '|' || repayment_status
                   || '|' || days_past_due || '|' || overdue_periods || '|' || overdue_total || '|' || overdue_principal
                   || '|' || maturity_date || '|' || amount_due || '|' || amount_paid
                   || '|' || coalesce(last_payment_on::text, '-') || '|' || coalesce(closed_on::text, '-')
              from reporting_loan_detail where return_id = ? order by loan_id""";

    @Test
    void aReturnGeneratedLaterCarriesTheLoansAsTheyStoodAtTheMonthEnd() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2026, 9, 20);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 10, 1));
        UUID partly = util.loan(inst, "8000.00", 6, d0);
        UUID paidOff = util.loan(inst, "6000.00", 6, d0);
        UUID overpaid = util.loan(inst, "3000.00", 6, d0);
        UUID quiet = util.loan(inst, "4000.00", 6, d0);
        // October's installments paid on their due date
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 10, 20));
        for (UUID loan : List.of(partly, paidOff, overpaid, quiet)) {
            BigDecimal due = superuser.sql("select total from servicing_schedule_row where loan_id = ? and version = 1 and n = 1")
                    .param(loan).query(BigDecimal.class).single();
            util.servicing().repay(inst, loan, LocalDate.of(2026, 10, 20), due.toPlainString(), "oct-" + loan);
        }
        // the return generated at the month end (the first business day after it)
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 1));
        UUID atMonthEnd = util.generate(inst, YearMonth.of(2026, 10));
        List<String> monthEndRows = rows(atMonthEnd);
        assertThat(monthEndRows).hasSize(4);
        BigDecimal partlyAtMonthEnd = balance(atMonthEnd, partly);

        // November: one loan paid off, one repaid partly, one overpaid (the rest held as credit), a new loan
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 6));
        UUID november = util.loan(inst, "5000.00", 6, LocalDate.of(2026, 11, 5));
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 10));
        TenantWall.asInstitution(inst, () -> context.getBean(LoanWorkouts.class).payoff(paidOff, "payoff-" + paidOff,
                "TRANSFER", null));
        util.servicing().repay(inst, partly, LocalDate.of(2026, 11, 20), "2500.00", "nov-" + partly);
        util.servicing().repay(inst, overpaid, LocalDate.of(2026, 11, 20), "5000.00", "nov-" + overpaid);
        Map<String, Object> closed = superuser.sql("select status, principal_outstanding from servicing_loan where id = ?")
                .param(paidOff).query().singleRow();
        assertThat(closed.get("status")).isEqualTo("PAID_OFF");
        assertThat(superuser.sql("select principal_outstanding from servicing_loan where id = ?").param(partly)
                .query(BigDecimal.class).single()).isLessThan(partlyAtMonthEnd);

        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 21));
        UUID later = util.generate(inst, YearMonth.of(2026, 10));

        assertThat(rows(later)).as("the same rows as at the month end").containsExactlyElementsOf(monthEndRows);
        assertThat(superuser.sql("select count(*) from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(later, november).query(Integer.class).single()).as("paid out after the month end").isZero();
        assertThat(balance(later, partly)).isEqualByComparingTo(partlyAtMonthEnd);
        for (UUID loan : List.of(paidOff)) {
            Map<String, Object> row = superuser.sql("""
                    select account_status, balance, closed_on, report_code from reporting_loan_detail
                     where return_id = ? and loan_id = ?""").params(later, loan).query().singleRow();
            assertThat(row.get("account_status")).as("open at the month end").isEqualTo("1");
            assertThat((BigDecimal) row.get("balance")).isPositive();
            assertThat(row.get("closed_on")).isNull();
            assertThat(row.get("report_code")).isNotEqualTo("20");
        }
        Map<String, int[]> results = new java.util.HashMap<>();
        superuser.sql("select rule, checked, failed from reporting_quality_result where return_id = ?").param(later)
                .query(rs -> { results.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}); });
        assertThat(results.get("consistency.balance-with-ledger")).as("the ledger at the month end").containsExactly(1, 0);
        assertThat(results.get("consistency.closed-without-balance")[1]).isZero();
        assertThat(results.get("consistency.status-and-days-past-due")[1]).isZero();
    }

    /** A loan overdue at the month end and brought current after it is overdue in that month's return. */
    @Test
    void aLoanBroughtCurrentAfterTheMonthEndWasOverdueAtIt() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 8, 21));
        UUID late = util.loan(inst, "8000.00", 6, LocalDate.of(2026, 8, 20));
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 20));
        util.servicing().repay(inst, late, LocalDate.of(2026, 11, 20), "6000.00", "arrears-" + late);
        Map<String, Object> now = superuser.sql("select status, principal_outstanding from servicing_loan where id = ?")
                .param(late).query().singleRow();
        assertThat(now.get("status")).isEqualTo("ACTIVE");
        assertThat((BigDecimal) now.get("principal_outstanding")).isLessThan(new BigDecimal("8000"));

        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 21));
        UUID october = util.generate(inst, YearMonth.of(2026, 10));

        Map<String, Object> row = superuser.sql("""
                select account_status, balance, days_past_due, overdue_periods, overdue_principal from reporting_loan_detail
                 where return_id = ? and loan_id = ?""").params(october, late).query().singleRow();
        assertThat(row.get("account_status")).as("overdue at the month end").isEqualTo("2");
        assertThat((BigDecimal) row.get("balance")).isEqualByComparingTo("8000.00");
        assertThat(row.get("days_past_due")).as("31 October - 20 September").isEqualTo(41);
        assertThat(row.get("overdue_periods")).isEqualTo(2);
        assertThat((BigDecimal) row.get("overdue_principal")).isPositive();
        Map<String, int[]> results = new java.util.HashMap<>();
        superuser.sql("select rule, checked, failed from reporting_quality_result where return_id = ?").param(october)
                .query(rs -> { results.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}); });
        assertThat(results.get("consistency.balance-with-ledger")).containsExactly(1, 0);
        assertThat(results.get("consistency.status-and-days-past-due")).containsExactly(1, 0);
    }

    private List<String> rows(UUID returnId) {
        return superuser.sql(ROW).param(returnId).query(String.class).list();
    }

    private BigDecimal balance(UUID returnId, UUID loan) {
        return superuser.sql("select balance from reporting_loan_detail where return_id = ? and loan_id = ?")
                .params(returnId, loan).query(BigDecimal.class).single();
    }
}
