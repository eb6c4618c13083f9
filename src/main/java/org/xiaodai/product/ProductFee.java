package org.xiaodai.product;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A fee directly related to the loan (服务费, 管理费 …), counted in the annualised rate. It is
 * always charged to the borrower beside the principal, never deducted from it ({@link FeeCharge}).
 *
 * @param name what the fee is called on contracts and pages
 * @param kind whether {@code value} is an amount or a percent of the principal
 * @param value the amount in the currency ({@link FeeKind#FLAT}) or the percent ({@link FeeKind#PERCENT}), ≥ 0
 * @param charge when it is charged
 */
public record ProductFee(String name, FeeKind kind, BigDecimal value, FeeCharge charge) {

    /** The fee on a loan of {@code principal}, rounded to the currency with {@code rounding} (percent fees only). */
    public BigDecimal amount(BigDecimal principal, int currencyDigits, RoundingMode rounding) {
        return kind == FeeKind.FLAT ? value
                : principal.multiply(value).movePointLeft(2).setScale(currencyDigits, rounding);
    }
}
