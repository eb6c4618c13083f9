package org.xiaodai.servicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.calc.LoanPosition;
import org.xiaodai.calc.Repayment;
import org.xiaodai.servicing.Loans;
import org.xiaodai.servicing.domain.Balances;

/** {@link Loans} over the servicing tables and the engine. */
@Service
@Transactional(readOnly = true)
class LoansFacade implements Loans {

    private final LoanRepository loans;
    private final LoanBook book;
    private final JdbcClient jdbc;
    private final org.xiaodai.shared.time.BusinessDate businessDate;
    private final EodLoans eodLoans;

    LoansFacade(LoanRepository loans, LoanBook book, JdbcClient jdbc, org.xiaodai.shared.time.BusinessDate businessDate,
                EodLoans eodLoans) {
        this.loans = loans;
        this.eodLoans = eodLoans;
        this.book = book;
        this.jdbc = jdbc;
        this.businessDate = businessDate;
    }

    @Override
    public boolean visibleTo(org.xiaodai.iam.CurrentUser caller, UUID loanId) {
        org.xiaodai.iam.DataScope.Predicate visible = caller.scope().predicate("l", "branch_path", "officer_id");
        return jdbc.sql("select count(*) from servicing_loan l where l.id = :id and " + visible.sql())
                .param("id", loanId).params(visible.parameters()).query(Integer.class).single() > 0;
    }

    @Override
    public Optional<LoanSummary> summary(UUID loanId) {
        return loans.find(loanId).map(LoanRow::summary);
    }

    @Override
    public Optional<LoanPosition> position(UUID loanId, LocalDate asOf) {
        return loans.find(loanId).filter(l -> l.disbursementDate() != null && !asOf.isBefore(l.disbursementDate()))
                .map(l -> book.derive(l, asOf).position());
    }

    /**
     * The loans on the books at the end of {@code date}: disbursed by then and not written off by
     * then. Written-off loans are off the books; loans paid off before the date hold nothing.
     */
    private static final String ON_THE_BOOKS = """
             from servicing_loan l
            where l.institution_id = :inst and l.disbursement_date is not null and l.disbursement_date <= :date
              and (l.written_off_on is null or l.written_off_on > :date)""";

    /**
     * Loans whose stored row already holds their balances as of {@code asOf}: derived for a date not
     * after it, nothing booked and no schedule version taking effect after {@code date}, and nothing
     * that moves without a booking until then — no installment overdue (no penalty accruing) and no
     * credit waiting for an installment (or paid off). Their interest earned follows from the schedule
     * rows alone ({@code servicing_earned}, the rule of {@code Earned}).
     */
    private static final String QUIET = """
            l.position_date is not null and l.position_date <= :asOf
              and (l.status = 'PAID_OFF'
                   or (l.credit_balance = 0 and (l.oldest_unpaid_due is null or l.oldest_unpaid_due >= :asOf)))
              and not exists (select 1 from servicing_transaction t where t.loan_id = l.id and t.business_date > :date)
              and not exists (select 1 from servicing_schedule_version v where v.loan_id = l.id and v.effective_date > :date)""";

    /** Loans replayed by the engine per chunk. */
    private static final int CHUNK = 2000;

    /**
     * Set-based for the quiet loans (the stored balances plus the interest earned by {@code asOf},
     * summed in one statement), the servicing engine only for the others — loaded in chunks, with
     * the schedule version in force on {@code date} and the movements booked and not reversed by
     * then, so a past date reconciles with the vouchers posted through it.
     */
    @Override
    public SubLedgerTotals subLedger(UUID institutionId, LocalDate date) {
        LocalDate asOf = date.isBefore(businessDate.of(institutionId)) ? date.plusDays(1) : date;
        record Sums(long loans, BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal credit) {
        }
        Sums quiet = jdbc.sql("""
                with q as (select l.id, l.schedule_version, l.currency_digits, l.half_even, l.principal_outstanding,
                                  l.interest_paid, l.penalty_charged, l.penalty_paid, l.credit_balance
                           """ + ON_THE_BOOKS + " and " + QUIET + """
                )
                select (select count(*) from q),
                       (select coalesce(sum(principal_outstanding), 0) from q),
                       (select coalesce(sum(servicing_earned(r.interest, r.period_start, r.due_date, :asOf,
                                                             q.currency_digits, q.half_even)), 0)
                          from q join servicing_schedule_row r on r.loan_id = q.id and r.version = q.schedule_version)
                         - (select coalesce(sum(interest_paid), 0) from q),
                       (select coalesce(sum(penalty_charged - penalty_paid), 0) from q),
                       (select coalesce(sum(credit_balance), 0) from q)
                """).param("inst", institutionId).param("date", date).param("asOf", asOf)
                .query((rs, i) -> new Sums(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).single();
        long count = quiet.loans();
        BigDecimal principal = quiet.principal();
        BigDecimal interest = quiet.interest();
        BigDecimal penalty = quiet.penalty();
        BigDecimal credit = quiet.credit();
        Map<UUID, Integer> versions = new java.util.HashMap<>();
        List<LoanRow> others = jdbc.sql("select " + LoanRow.COLUMNS
                        + ", (select max(v.version) from servicing_schedule_version v where v.loan_id = l.id"
                        + " and v.effective_date <= :date) as version_then" + ON_THE_BOOKS + " and not (" + QUIET + ")")
                .param("inst", institutionId).param("date", date).param("asOf", asOf)
                .query((rs, i) -> {
                    LoanRow row = LoanRow.map(rs, i);
                    int then = rs.getInt("version_then");
                    if (!rs.wasNull()) {
                        versions.put(row.id(), then);
                    }
                    return row;
                }).list();
        for (int from = 0; from < others.size(); from += CHUNK) {
            for (EodLoans.Loaded l : eodLoans.load(others.subList(from, Math.min(others.size(), from + CHUNK)), versions,
                    date)) {
                LoanRepository.Movements booked = new LoanRepository.Movements(
                        l.movements().repayments().stream().filter(r -> !r.date().isAfter(date)).toList(), List.of(),
                        l.movements().refunds().stream().filter(r -> !r.date().isAfter(date)).toList());
                Balances b = book.derive(l.loan(), l.schedule(), booked, asOf).balances();
                principal = principal.add(b.principal());
                interest = interest.add(b.interestReceivable());
                penalty = penalty.add(b.penaltyReceivable());
                credit = credit.add(b.credit());
            }
        }
        return new SubLedgerTotals(date, count + others.size(), principal, interest, penalty, credit);
    }

    @Override
    public Map<String, BigDecimal> principalByGrade(UUID institutionId) {
        Map<String, BigDecimal> byGrade = new LinkedHashMap<>();
        for (String grade : List.of("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS")) {
            byGrade.put(grade, BigDecimal.ZERO);
        }
        jdbc.sql("""
                select grade, sum(principal_outstanding) from servicing_loan
                where institution_id = ? and status in ('ACTIVE', 'OVERDUE') group by grade
                """).param(institutionId).query(rs -> {
                    byGrade.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return byGrade;
    }

    @Override
    public BigDecimal committedPrincipal(UUID institutionId, java.util.Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("""
                select coalesce(sum(case when status in ('PENDING_DISBURSEMENT', 'DISBURSING') then principal
                                         else principal_outstanding end), 0)
                from servicing_loan
                where institution_id = ? and customer_id = any(?)
                  and status in ('PENDING_DISBURSEMENT', 'DISBURSING', 'ACTIVE', 'OVERDUE')
                """).params(institutionId, customerIds.toArray(UUID[]::new)).query(BigDecimal.class).single()
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static List<Repayment> none() {
        return List.of();
    }
}
