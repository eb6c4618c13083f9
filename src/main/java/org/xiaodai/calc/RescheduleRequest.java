package org.xiaodai.calc;

import java.time.LocalDate;

/**
 * Moves what is owed on a date onto new terms (重新安排还款计划 / 展期).
 *
 * @param schedule the loan's current schedule
 * @param date the rescheduling date; it becomes the new disbursement date
 * @param installmentsPaid installments paid so far (see {@link PayoffRequest})
 * @param newTerms the new terms; their principal and disbursementDate are replaced
 * @param capitalizeInterest true to add the interest owed on the date to the new principal,
 *     false to leave it due on the date
 */
public record RescheduleRequest(Schedule schedule, LocalDate date, int installmentsPaid, LoanTerms newTerms,
        boolean capitalizeInterest) {
}
