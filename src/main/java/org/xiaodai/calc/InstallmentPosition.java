package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One installment as of a date (servicing README §4 {@code installments}).
 *
 * @param n installment number, from 1
 * @param dueDate t_i
 * @param principalDue p_i from the schedule
 * @param interestDue q_i from the schedule (its due interest)
 * @param paidPrincipal principal paid to it
 * @param paidInterest interest paid to it
 * @param paidPenalty penalty paid to it
 * @param penaltyCharged the penalty charged as of the date: the exact running total rounded once
 *     (README §3), zero inside or forgiven by the grace window (§5)
 */
public record InstallmentPosition(int n, LocalDate dueDate, BigDecimal principalDue, BigDecimal interestDue,
                                  BigDecimal paidPrincipal, BigDecimal paidInterest, BigDecimal paidPenalty,
                                  BigDecimal penaltyCharged) {

    /** @return principal still unpaid, U_p */
    public BigDecimal unpaidPrincipal() {
        return principalDue.subtract(paidPrincipal);
    }

    /** @return interest still unpaid, U_q */
    public BigDecimal unpaidInterest() {
        return interestDue.subtract(paidInterest);
    }

    /** @return penalty charged and not yet paid */
    public BigDecimal penaltyOutstanding() {
        return penaltyCharged.subtract(paidPenalty);
    }
}
