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

    LoansFacade(LoanRepository loans, LoanBook book, JdbcClient jdbc, org.xiaodai.shared.time.BusinessDate businessDate) {
        this.loans = loans;
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
     * Replays every loan on the books: repayments and refunds booked before {@code asOf}, the position
     * at its start. Written-off loans are off the books; loans paid off before the date hold nothing.
     */
    @Override
    public SubLedgerTotals subLedger(UUID institutionId, LocalDate date) {
        LocalDate asOf = date.isBefore(businessDate.of(institutionId)) ? date.plusDays(1) : date;
        List<LoanRow> rows = jdbc.sql("select " + LoanRow.COLUMNS + """
                 from servicing_loan where institution_id = ? and disbursement_date is not null
                   and disbursement_date <= ? and (written_off_on is null or written_off_on > ?)
                """).params(institutionId, date, date).query(LoanRow::map).list();
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (LoanRow loan : rows) {
            LoanRepository.Movements all = loans.movements(loan.id());
            LoanRepository.Movements before = new LoanRepository.Movements(
                    all.repayments().stream().filter(r -> !r.date().isAfter(date)).toList(), List.of(),
                    all.refunds().stream().filter(r -> !r.date().isAfter(date)).toList());
            Balances b = book.derive(loan, loans.schedule(loan), before, asOf).balances();
            principal = principal.add(b.principal());
            interest = interest.add(b.interestReceivable());
            penalty = penalty.add(b.penaltyReceivable());
            credit = credit.add(b.credit());
        }
        return new SubLedgerTotals(date, rows.size(), principal, interest, penalty, credit);
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
