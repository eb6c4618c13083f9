package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.LoanTerms;
import org.xiaodai.calc.Repayment;
import org.xiaodai.calc.ServicingCalculator;
import org.xiaodai.calc.ServicingPolicy;
import org.xiaodai.calc.ServicingRequest;
import org.xiaodai.ledger.Ledger;
import org.xiaodai.servicing.internal.Repayments;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A loan's whole life on the real database, day by day through the end-of-day steps: disbursed,
 * repaid on time, late, early and too much, a repayment reversed, credit refunded, overdue and
 * graded, paid off — the engine's figures equal the pure simulation of the same events, every
 * voucher balances, and the general ledger reconciles with the sub-ledger to the cent.
 */
@IntegrationTest
class LoanLifecycleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Loans loans;
    @Autowired
    Ledger ledger;
    @Autowired
    Repayments repayments;
    @Autowired
    TransactionTemplate tx;
    JdbcClient superuser;
    Api api;
    ServicingTestUtils util;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        util = new ServicingTestUtils(context);
    }

    @Test
    void aLoanLivesItsWholeLifeBookedReconciledAndAsTheSimulationSays() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2025, 1, 15);
        LoanTerms terms = ServicingTestUtils.terms("12000.00", "12", 6, d0);
        ServicingPolicy policy = ServicingPolicy.standard();
        UUID loanId = util.open(inst, terms, policy, false, ServicingTestUtils.payableLoanId());
        util.activate(inst, loanId, d0);
        List<Repayment> events = new ArrayList<>();

        // on time: the first installment on its due date
        close(inst, d0, LocalDate.of(2025, 2, 14));
        BigDecimal installment = position(inst, loanId, LocalDate.of(2025, 2, 15)).installments().get(0).principalDue()
                .add(position(inst, loanId, LocalDate.of(2025, 2, 15)).installments().get(0).interestDue());
        pay(inst, loanId, LocalDate.of(2025, 2, 15), installment.toPlainString(), events);
        // late: the second installment ten days after its due date, with penalty
        close(inst, LocalDate.of(2025, 2, 15), LocalDate.of(2025, 3, 24));
        assertThat(summary(inst, loanId).status()).isEqualTo(LoanState.OVERDUE);
        assertThat(summary(inst, loanId).grade()).isEqualTo("SPECIAL_MENTION");
        pay(inst, loanId, LocalDate.of(2025, 3, 25), "2200.00", events);
        // early and too much: builds credit, applied as installments fall due
        close(inst, LocalDate.of(2025, 3, 25), LocalDate.of(2025, 4, 1));
        Repayments.Result extra = pay(inst, loanId, LocalDate.of(2025, 4, 2), "3000.00", events);
        assertThat(extra.transaction().toCredit()).isPositive();
        // the same key again books nothing and answers the first result
        Repayments.Result again = util.repay(inst, loanId, LocalDate.of(2025, 4, 2), "3000.00", "k-2025-04-02");
        assertThat(again.created()).isFalse();
        assertThat(again.transaction().id()).isEqualTo(extra.transaction().id());
        // a mistaken payment, reversed the next day by a compensating transaction
        Repayments.Result mistaken = pay(inst, loanId, LocalDate.of(2025, 4, 3), "100.00", List.of());
        close(inst, LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 3));
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2025, 4, 4));
        TenantWall.asInstitution(inst, () -> repayments.reverse(loanId, mistaken.transaction().id(), "wrong loan", null));
        assertThatThrownBy(() -> TenantWall.asInstitution(inst, () ->
                repayments.reverse(loanId, mistaken.transaction().id(), "again", null)))
                .hasMessageContaining("already-reversed");
        close(inst, LocalDate.of(2025, 4, 4), LocalDate.of(2025, 5, 20));
        Ledger.Reconciliation may = TenantWall.asInstitution(inst, () -> ledger.reconciliation(inst, LocalDate.of(2025, 5, 20)));
        assertThat(may.lines()).extracting(Ledger.ReconciliationLine::generalLedger)
                .as("principal and interest receivable are on the books").element(0).satisfies(v -> assertThat(v).isPositive());
        assertReconciled(inst, LocalDate.of(2025, 5, 20));
        LoanPosition mid = position(inst, loanId, LocalDate.of(2025, 5, 21));
        assertThat(mid).isEqualTo(simulate(terms, policy, events, LocalDate.of(2025, 5, 21)));

        // credit refunded on request
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2025, 5, 21));
        BigDecimal credit = mid.credit();
        if (credit.signum() > 0) {
            TenantWall.asInstitution(inst, () -> repayments.refund(loanId, credit, "refund-1", null));
        }
        assertThat(position(inst, loanId, LocalDate.of(2025, 5, 21)).credit()).isZero();
        close(inst, LocalDate.of(2025, 5, 21), LocalDate.of(2025, 7, 20));
        assertReconciled(inst, LocalDate.of(2025, 7, 20));

        // paid off: everything owed on one day
        LoanPosition owed = position(inst, loanId, LocalDate.of(2025, 7, 21));
        BigDecimal rest = owed.principalOutstanding().add(owed.overdueInterest()).add(owed.penaltyOutstanding())
                .add(owed.installments().getLast().unpaidInterest());
        pay(inst, loanId, LocalDate.of(2025, 7, 21), rest.toPlainString(), new ArrayList<>());
        close(inst, LocalDate.of(2025, 7, 21), LocalDate.of(2025, 7, 22));
        assertThat(summary(inst, loanId).status()).isEqualTo(LoanState.PAID_OFF);
        assertReconciled(inst, LocalDate.of(2025, 7, 22));
        assertThat(superuser.sql("""
                select count(*) from servicing_grade_change where loan_id = ? and to_grade = 'SPECIAL_MENTION'
                """).param(loanId).query(Integer.class).single()).isPositive();
        assertEveryVoucherBalances();
    }

    @Test
    void endOfDayWithholdsOnDueDatesMarksOverdueAndRunningADayTwiceChangesNothing() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2025, 3, 1);
        LoanTerms terms = ServicingTestUtils.terms("6000.00", "12", 6, d0);
        UUID withheld = util.open(inst, terms, ServicingPolicy.standard(), true, ServicingTestUtils.payableLoanId());
        UUID refused = util.open(inst, terms, ServicingPolicy.standard(), true,
                new UUID(UUID.randomUUID().getMostSignificantBits(), UUID.randomUUID().getLeastSignificantBits() & ~0xFL));
        UUID noMandate = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        for (UUID id : List.of(withheld, refused, noMandate)) {
            util.activate(inst, id, d0);
        }
        close(inst, d0, LocalDate.of(2025, 4, 2));
        assertThat(superuser.sql("select status from servicing_withholding where loan_id = ? and business_date = date '2025-04-01'").param(withheld)
                .query(String.class).single()).isEqualTo("SUCCEEDED");
        assertThat(superuser.sql("select status from servicing_withholding where loan_id = ? and business_date = date '2025-04-01'").param(refused)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(superuser.sql("select count(*) from servicing_withholding where loan_id = ?").param(noMandate)
                .query(Integer.class).single()).isZero();
        assertThat(summary(inst, withheld).status()).isEqualTo(LoanState.ACTIVE);
        assertThat(summary(inst, refused).status()).isEqualTo(LoanState.OVERDUE);
        assertThat(summary(inst, noMandate).status()).isEqualTo(LoanState.OVERDUE);
        LoanPosition afterWithholding = position(inst, withheld, LocalDate.of(2025, 4, 3));
        BigDecimal first = afterWithholding.installments().get(0).principalDue()
                .add(afterWithholding.installments().get(0).interestDue());
        assertThat(afterWithholding).isEqualTo(simulate(terms, ServicingPolicy.standard(),
                List.of(new Repayment(LocalDate.of(2025, 4, 1), first)), LocalDate.of(2025, 4, 3)));
        assertReconciled(inst, LocalDate.of(2025, 4, 2));

        String before = ledgerFingerprint(inst) + loanFingerprint(inst);
        util.closeDays(inst, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2));
        assertThat(ledgerFingerprint(inst) + loanFingerprint(inst)).as("a day closed twice").isEqualTo(before);
        assertEveryVoucherBalances();
    }

    @Test
    void writeOffWithRecoveryRestructuringAndPayoffAreBookedAndReconciled() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2025, 1, 10);
        LoanTerms terms = ServicingTestUtils.terms("9000.00", "12", 9, d0);
        UUID written = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        UUID restructured = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        UUID paidOff = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        for (UUID id : List.of(written, restructured, paidOff)) {
            util.activate(inst, id, d0);
        }
        close(inst, d0, LocalDate.of(2025, 2, 9));
        pay(inst, paidOff, LocalDate.of(2025, 2, 10), "1100.00", null);
        pay(inst, restructured, LocalDate.of(2025, 2, 10), "1100.00", null);
        close(inst, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 5, 20));
        var workouts = context.getBean(org.xiaodai.servicing.internal.LoanWorkouts.class);
        TenantWall.asInstitution(inst, () -> workouts.writeOff(written, "uncollectable", null));
        assertThat(summary(inst, written).status()).isEqualTo(LoanState.WRITTEN_OFF);
        Repayments.Result recovery = pay(inst, written, LocalDate.of(2025, 5, 21), "300.00", null);
        assertThat(recovery.transaction().kind()).isEqualTo("RECOVERY");
        TenantWall.asInstitution(inst, () -> workouts.restructure(restructured, "EXTENSION", 12, null, "hardship", null));
        Loans.LoanSummary r = summary(inst, restructured);
        assertThat(r.restructured()).isTrue();
        assertThat(r.grade()).isNotEqualTo("NORMAL");
        var quote = TenantWall.asInstitution(inst, () -> workouts.quote(paidOff, null));
        var payoff = TenantWall.asInstitution(inst, () -> workouts.payoff(paidOff, "payoff-1", "TRANSFER", null));
        assertThat(payoff.amount()).isEqualByComparingTo(quote.total());
        assertThat(summary(inst, paidOff).status()).isEqualTo(LoanState.PAID_OFF);
        close(inst, LocalDate.of(2025, 5, 21), LocalDate.of(2025, 6, 30));
        assertReconciled(inst, LocalDate.of(2025, 6, 30));
        assertThat(summary(inst, restructured).status()).isIn(LoanState.ACTIVE, LoanState.OVERDUE);
        assertEveryVoucherBalances();
    }

    /**
     * Restructuring on D folds everything owed on D (overdue principal and interest, the current
     * period's interest of the days used, penalty) into the new schedule's principal: nothing stays
     * overdue, no penalty runs on, the voucher moves the receivables into principal, and every date
     * before D still reconciles with the schedule version and the bookings of that date.
     */
    @Test
    void restructuringFoldsWhatIsOwedIntoTheNewScheduleToTheCent() {
        UUID inst = ServicingTestUtils.newInstitution(api, superuser);
        LocalDate d0 = LocalDate.of(2025, 1, 10);
        LoanTerms terms = ServicingTestUtils.terms("6000.00", "12", 6, d0);
        UUID loan = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        UUID reversed = util.open(inst, terms, ServicingPolicy.standard(), false, ServicingTestUtils.payableLoanId());
        util.activate(inst, loan, d0);
        util.activate(inst, reversed, d0);
        close(inst, d0, LocalDate.of(2025, 2, 9));
        List<Repayment> events = new ArrayList<>();
        pay(inst, loan, LocalDate.of(2025, 2, 10), "1035.29", events);
        Repayments.Result toReverse = pay(inst, reversed, LocalDate.of(2025, 2, 10), "1035.29", null);
        close(inst, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 11));
        var repayments = context.getBean(Repayments.class);
        TenantWall.asInstitution(inst, () -> repayments.reverse(reversed, toReverse.transaction().id(), "bounced", null));
        close(inst, LocalDate.of(2025, 2, 12), LocalDate.of(2025, 4, 19));

        LocalDate on = LocalDate.of(2025, 4, 20);
        LoanPosition owedThen = simulate(terms, ServicingPolicy.standard(), events, on);
        assertThat(owedThen.daysPastDue()).isEqualTo(41);
        assertThat(owedThen.overduePrincipal()).isEqualByComparingTo("1979.93");
        assertThat(owedThen.overdueInterest()).isEqualByComparingTo("90.65");
        assertThat(owedThen.penaltyOutstanding()).isEqualByComparingTo("25.16");
        assertThat(owedThen.accruedInterest()).isEqualByComparingTo("10.15");
        var workouts = context.getBean(org.xiaodai.servicing.internal.LoanWorkouts.class);
        TenantWall.asInstitution(inst, () -> workouts.restructure(loan, "RESTRUCTURING", 12, null, "hardship", null));

        BigDecimal folded = owedThen.overduePrincipal().add(owedThen.overdueInterest()).add(owedThen.penaltyOutstanding())
                .add(owedThen.accruedInterest());
        BigDecimal newPrincipal = owedThen.principalOutstanding().add(folded).subtract(owedThen.overduePrincipal());
        assertThat(newPrincipal).isEqualByComparingTo("5150.67");
        var tx = superuser.sql("select amount, penalty, interest, principal, to_credit from servicing_transaction "
                + "where loan_id = ? and kind = 'RESTRUCTURING'").param(loan).query((rs, i) -> List.of(
                rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .single();
        assertThat(tx.get(0)).isEqualByComparingTo(newPrincipal);
        assertThat(tx.get(1)).isEqualByComparingTo(owedThen.penaltyOutstanding());
        assertThat(tx.get(2)).isEqualByComparingTo(owedThen.overdueInterest().add(owedThen.accruedInterest()));
        assertThat(tx.get(3)).isEqualByComparingTo(owedThen.overduePrincipal());
        assertThat(tx.get(4)).isZero();
        BigDecimal newRows = superuser.sql("""
                select sum(r.principal) from servicing_schedule_row r join servicing_loan l on l.id = r.loan_id
                where r.loan_id = ? and r.version = l.schedule_version and r.due_date > ?""").params(loan, on)
                .query(BigDecimal.class).single();
        assertThat(newRows).isEqualByComparingTo(newPrincipal);
        LoanPosition after = position(inst, loan, on);
        assertThat(after.daysPastDue()).isZero();
        assertThat(after.overduePrincipal()).isZero();
        assertThat(after.overdueInterest()).isZero();
        assertThat(after.penaltyOutstanding()).isZero();
        assertThat(after.principalOutstanding()).isEqualByComparingTo(newPrincipal);
        Loans.LoanSummary s = summary(inst, loan);
        assertThat(s.status()).isEqualTo(LoanState.ACTIVE);
        assertThat(s.grade()).isEqualTo("SPECIAL_MENTION");
        // the voucher: the folded interest and penalty receivable become loan principal, no cash
        var voucher = superuser.sql("""
                select string_agg(e.account_code || ':' || e.debit || ':' || e.credit, ',' order by e.account_code)
                from ledger_voucher v join ledger_entry e on e.voucher_id = v.id
                where v.loan_id = ? and v.kind = 'RESTRUCTURING'""").param(loan).query(String.class).single();
        assertThat(voucher).isEqualTo("1132:0.00:100.80,1133:0.00:25.16,1303:125.96:0.00");
        assertReconciled(inst, on);
        close(inst, on, LocalDate.of(2025, 4, 25));
        assertThat(position(inst, loan, LocalDate.of(2025, 4, 26)).penaltyOutstanding()).isZero();
        // every earlier date still reconciles: the reversal two days later and the restructuring are not "then"
        for (LocalDate d : List.of(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 11), LocalDate.of(2025, 4, 15),
                LocalDate.of(2025, 4, 19), LocalDate.of(2025, 4, 20), LocalDate.of(2025, 4, 25))) {
            assertReconciled(inst, d);
        }
        assertThatThrownBy(() -> TenantWall.asInstitution(inst, () -> repayments.reverse(loan,
                superuser.sql("select id from servicing_transaction where loan_id = ? and kind = 'REPAYMENT'").param(loan)
                        .query(UUID.class).single(), "late bounce", null)))
                .hasMessageContaining("restructured-after-repayment");
        assertEveryVoucherBalances();
    }

    /**
     * The demo's overdue loans go through the same path into overdue as end of day's: each publishes
     * InstallmentOverdue, so collections opens its case (and the grade history shows the change).
     */
    @Test
    void theDemosOverdueLoansOpenCollectionCases() throws InterruptedException {
        assertThat(context.getBean(org.xiaodai.shared.demo.DemoSeeding.class).awaitQuiet(java.time.Duration.ofMinutes(3)))
                .isTrue();
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        List<UUID> overdue = superuser.sql("""
                select id from servicing_loan where institution_id = ? and status = 'OVERDUE'
                  and contract_number like 'HT-DEMO-%'""").param(hzxd).query(UUID.class).list();
        assertThat(overdue).hasSizeGreaterThanOrEqualTo(30);
        long withCase = 0;
        for (int i = 0; i < 360 && withCase < overdue.size(); i++) {
            withCase = superuser.sql("""
                    select count(distinct l.id) from servicing_loan l join collection_case c on c.loan_id = l.id
                    where l.institution_id = ? and l.status = 'OVERDUE' and l.contract_number like 'HT-DEMO-%'
                      and c.status = 'OPEN'""").param(hzxd).query(Long.class).single();
            Thread.sleep(500);
        }
        assertThat(withCase).isEqualTo(overdue.size());
        long downgraded = superuser.sql("""
                select count(*) from servicing_loan l where l.institution_id = ? and l.status = 'OVERDUE'
                  and l.contract_number like 'HT-DEMO-%' and l.grade <> 'NORMAL'""").param(hzxd).query(Long.class).single();
        assertThat(downgraded).isPositive();
        assertThat(superuser.sql("""
                select count(distinct g.loan_id) from servicing_grade_change g join servicing_loan l on l.id = g.loan_id
                where l.institution_id = ? and l.status = 'OVERDUE' and l.contract_number like 'HT-DEMO-%'
                  and l.grade <> 'NORMAL'""").param(hzxd).query(Long.class).single()).isEqualTo(downgraded);
    }

    private String ledgerFingerprint(UUID inst) {
        return superuser.sql("select count(*) || ':' || coalesce(sum(debit), 0) || ':' || coalesce(sum(credit), 0) "
                + "from ledger_entry where institution_id = ?").param(inst).query(String.class).single();
    }

    private String loanFingerprint(UUID inst) {
        return superuser.sql("select string_agg(id || status || grade || principal_outstanding "
                        + "|| coalesce(oldest_unpaid_due::text, '-') || row_version, ',' order by id) "
                        + "from servicing_loan where institution_id = ?").param(inst).query(String.class).single()
                + superuser.sql("select count(*) from servicing_transaction where institution_id = ?").param(inst)
                .query(String.class).single();
    }

    private Repayments.Result pay(UUID inst, UUID loanId, LocalDate date, String amount, List<Repayment> events) {
        ServicingTestUtils.setBusinessDate(superuser, inst, date);
        Repayments.Result result = util.repay(inst, loanId, date, amount, "k-" + date);
        if (events != null) {
            try {
                events.add(new Repayment(date, new BigDecimal(amount)));
            } catch (UnsupportedOperationException ignored) {
                // the reversed payment is not part of the simulation
            }
        }
        return result;
    }

    private void close(UUID inst, LocalDate from, LocalDate to) {
        util.closeDays(inst, from, to);
        ServicingTestUtils.setBusinessDate(superuser, inst, to.plusDays(1));
    }

    private Loans.LoanSummary summary(UUID inst, UUID loanId) {
        return TenantWall.asInstitution(inst, () -> loans.summary(loanId)).orElseThrow();
    }

    private LoanPosition position(UUID inst, UUID loanId, LocalDate asOf) {
        return TenantWall.asInstitution(inst, () -> loans.position(loanId, asOf)).orElseThrow();
    }

    static LoanPosition simulate(LoanTerms terms, ServicingPolicy policy, List<Repayment> events, LocalDate asOf) {
        return new ServicingCalculator().position(new ServicingRequest(terms, policy, events, asOf)).value();
    }

    private void assertReconciled(UUID inst, LocalDate date) {
        Ledger.Reconciliation r = TenantWall.asInstitution(inst, () -> ledger.reconciliation(inst, date));
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.difference()).as(l.item()).isZero());
        assertThat(r.difference()).isZero();
        Ledger.TrialBalance tb = TenantWall.asInstitution(inst, () -> ledger.trialBalance(inst, date));
        assertThat(tb.totalDebit()).isEqualByComparingTo(tb.totalCredit());
    }

    void assertEveryVoucherBalances() {
        assertThat(superuser.sql("""
                select count(*) from (select v.id from ledger_voucher v join ledger_entry e on e.voucher_id = v.id
                group by v.id having sum(e.debit) <> sum(e.credit)) x
                """).query(Integer.class).single()).isZero();
    }
}
