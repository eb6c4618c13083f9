package org.xiaodai.calc;

/**
 * The unit U of {@code repaymentEvery} (README §2.1).
 */
public enum RepaymentFrequency {
    DAYS,
    WEEKS,
    MONTHS
}
