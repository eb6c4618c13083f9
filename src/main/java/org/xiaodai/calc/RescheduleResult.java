package org.xiaodai.calc;

import java.math.BigDecimal;

/**
 * A rescheduling computed.
 *
 * @param position what was owed on the date under the old schedule
 * @param interestDueNow interest owed on the date and not capitalised (0 when capitalised)
 * @param effectiveTerms the new terms with the new principal and disbursement date
 * @param newSchedule the schedule of the effective terms
 */
public record RescheduleResult(PayoffQuote position, BigDecimal interestDueNow, LoanTerms effectiveTerms,
        Schedule newSchedule) {
}
