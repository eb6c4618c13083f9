package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a repayment schedule (README §1.2). Amounts have exactly {@code currencyDigits}
 * decimals; {@code total = principal + interest} and {@code balanceAfter} is the previous balance
 * minus {@code principal}.
 *
 * @param n installment number, 1-based
 * @param periodStart s_i, the start of the period (the disbursement date for row 1)
 * @param dueDate t_i, the due date
 * @param periodRate r_i, the exact, unrounded rate of the period (README §2.2)
 * @param accruedInterest interest accrued in the period, round(B_{i-1}·r_i); it differs from
 *     {@code interest} only during interest-payment grace and in the period collecting it, and
 *     for {@link InterestMethod#FLAT} and {@link Amortization#BULLET} it equals {@code interest}
 * @param principal principal due
 * @param interest interest due (0 during interest-payment grace; deferred interest is added to
 *     the period that collects it)
 * @param total principal + interest (no fees or penalties)
 * @param balanceAfter outstanding principal after this row's principal
 */
public record Installment(
        int n,
        LocalDate periodStart,
        LocalDate dueDate,
        BigDecimal periodRate,
        BigDecimal accruedInterest,
        BigDecimal principal,
        BigDecimal interest,
        BigDecimal total,
        BigDecimal balanceAfter) {
}
