package org.xiaodai.calc;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one payment went (servicing README §6): the parts always sum to the amount paid.
 *
 * @param date the day of the payment
 * @param penalty paid to penalty (罚息, and 复利 when compounded)
 * @param interest paid to interest
 * @param principal paid to principal
 * @param toCredit what was left over and became credit (溢缴款)
 */
public record RepaymentAllocation(LocalDate date, BigDecimal penalty, BigDecimal interest, BigDecimal principal,
                                  BigDecimal toCredit) {

    /** @return penalty + interest + principal + toCredit, the amount paid */
    public BigDecimal total() {
        return penalty.add(interest).add(principal).add(toCredit);
    }
}
