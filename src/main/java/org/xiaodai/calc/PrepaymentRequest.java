package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A partial prepayment on a date. The amount first pays the interest owed for the days used of
 * the current period (and any deferred interest); the rest reduces principal.
 *
 * @param schedule the loan's computed schedule (declining balance)
 * @param date the prepayment date, inside a period, with every earlier installment paid
 * @param installmentsPaid installments paid so far; must equal those due on or before the date
 * @param amount the amount paid, with at most the currency's decimals
 * @param strategy how to recompute the rest
 */
public record PrepaymentRequest(Schedule schedule, LocalDate date, int installmentsPaid, BigDecimal amount,
        PrepaymentStrategy strategy) {
}
