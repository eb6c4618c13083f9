package org.xiaodai.calc;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fee the borrower pays that is directly related to the loan, counted in the annualised rate
 * (年化利率, DOMAIN.md §3).
 *
 * @param timing when the fee is paid
 * @param amount the fee, ≥ 0, in the loan's currency
 * @param installment for {@link Timing#ON_INSTALLMENT}, the installment number it is paid with;
 *     ignored otherwise
 */
public record Fee(Timing timing, BigDecimal amount, int installment) {

    /** When a fee is paid. */
    public enum Timing {
        /**
         * At disbursement. Whether the borrower pays it separately or it is deducted from the
         * amount paid out (砍头息, forbidden for lending but computable), the cash the borrower
         * actually has is principal − fee, so the IRR is the same.
         */
        UPFRONT,
        /** With every installment. */
        EACH_INSTALLMENT,
        /** With one installment, {@link Fee#installment()}. */
        ON_INSTALLMENT
    }

    public Fee {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(amount, "amount");
    }

    /** @return a fee paid at disbursement */
    public static Fee upfront(BigDecimal amount) {
        return new Fee(Timing.UPFRONT, amount, 0);
    }

    /** @return a fee paid with every installment */
    public static Fee eachInstallment(BigDecimal amount) {
        return new Fee(Timing.EACH_INSTALLMENT, amount, 0);
    }

    /** @return a fee paid with installment n */
    public static Fee onInstallment(int n, BigDecimal amount) {
        return new Fee(Timing.ON_INSTALLMENT, amount, n);
    }
}
