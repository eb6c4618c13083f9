package org.xiaodai.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.xiaodai.calc.LoanPosition;

/**
 * The servicing module's face for other modules (ledger, collection, notification, risk,
 * reporting, portal). Every method runs inside the caller's tenant wall: a loan of another
 * institution is simply not found.
 */
public interface Loans {

    /**
     * Whether the caller's data scope reaches the loan (its tenant wall, branch subtree or own
     * records as the loan's officer); answer a loan it does not reach as not found.
     */
    boolean visibleTo(org.xiaodai.iam.CurrentUser caller, UUID loanId);

    /** The loan as stored (status, grade, balances last derived), empty when unknown or out of reach. */
    Optional<LoanSummary> summary(UUID loanId);

    /**
     * The loan's position as of {@code asOf} by the servicing engine (servicing README): days past
     * due, grade before any manual downgrade, balances, per-installment detail.
     *
     * @param asOf on or after the disbursement date
     * @return empty when the loan is unknown, out of reach or not disbursed
     */
    Optional<LoanPosition> position(UUID loanId, LocalDate asOf);

    /**
     * The sub-ledger (分户账) of an institution's loans on the books at the end of business date
     * {@code date}, as the servicing engine derives it loan by loan from the transactions booked
     * through that date, to reconcile with the general ledger's vouchers through that date: for a
     * closed date the position at the start of the next day (its end of day posted accrual,
     * penalties and credit applied), for the open business date the position during it.
     */
    SubLedgerTotals subLedger(UUID institutionId, LocalDate date);

    /** Principal outstanding of the institution's open loans per grade (after manual downgrades): the provision base. */
    Map<String, BigDecimal> principalByGrade(UUID institutionId);

    /**
     * What these customers owe or are promised on the institution's books, the base of the exposure
     * limits (DOMAIN.md §3): principal outstanding of disbursed loans (active or overdue) plus the full
     * principal of loans pending or in disbursement. Paid-off and written-off loans count nothing.
     */
    BigDecimal committedPrincipal(UUID institutionId, java.util.Collection<UUID> customerIds);

    /**
     * A loan as stored.
     *
     * @param oldestUnpaidDue due date of the oldest installment not fully paid; the loan is overdue
     *                        when it lies before the business date
     */
    record LoanSummary(UUID id, UUID institutionId, UUID customerId, UUID productId, int productVersion,
                       UUID officerId, UUID branchId, String contractNumber, LoanState status, String grade,
                       String currency, BigDecimal principal, BigDecimal principalOutstanding,
                       BigDecimal creditBalance, LocalDate disbursementDate, LocalDate maturityDate,
                       LocalDate oldestUnpaidDue, boolean autoDebit, boolean restructured) {
    }

    /** Sums over an institution's loans on the books: what the general ledger must show. */
    record SubLedgerTotals(LocalDate asOf, long loans, BigDecimal principal, BigDecimal interestReceivable,
                           BigDecimal penaltyReceivable, BigDecimal creditBalances) {
    }
}
