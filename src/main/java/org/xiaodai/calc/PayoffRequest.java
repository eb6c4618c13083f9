package org.xiaodai.calc;

import java.time.LocalDate;

/**
 * Asks what a borrower owes to repay a loan in full on a date.
 *
 * @param schedule the loan's computed schedule
 * @param date the payoff date, not before disbursement
 * @param installmentsPaid how many installments (1..k, in order) are fully paid; installments
 *     due on or before {@code date} beyond these are unpaid and owed in full. At most one
 *     installment may be paid ahead (the current one).
 */
public record PayoffRequest(Schedule schedule, LocalDate date, int installmentsPaid) {
}
