package org.xiaodai.calc;

import java.math.BigDecimal;

/**
 * A partial prepayment applied. The new schedule is an ordinary schedule of {@code newTerms}:
 * disbursement on the prepayment date, first due date the current period's due date, the
 * remaining (or, for {@link PrepaymentStrategy#SHORTER_TERM}, fewer) periods and the remaining
 * grace.
 *
 * @param position what was owed just before the prepayment
 * @param interestPaid the part of the amount that paid interest
 * @param principalPaid the part that reduced principal
 * @param newTerms the terms of the remaining loan
 * @param newSchedule the recomputed schedule of the remaining loan
 */
public record PrepaymentResult(PayoffQuote position, BigDecimal interestPaid, BigDecimal principalPaid,
        LoanTerms newTerms, Schedule newSchedule) {
}
