package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of amounts to the currency (README §2 "round") and to the installment multiple m
 * (README §3.3 "roundTo").
 *
 * @param digits d, the decimals of the currency
 * @param mode R
 * @param multiple m, a positive multiple of the currency unit
 */
public record CurrencyRounding(int digits, RoundingMode mode, BigDecimal multiple) {

    /** @return x rounded to d decimals with R */
    public BigDecimal round(BigDecimal x) {
        return x.setScale(digits, mode);
    }

    /** @return the exact x rounded once to d decimals with R */
    public BigDecimal round(Rational x) {
        return x.round(digits, mode);
    }

    /** @return round(rate × amount): the exact product rounded once to d decimals with R */
    public BigDecimal roundProduct(Rational rate, BigDecimal amount) {
        return rate.multiplyAndRound(amount, digits, mode);
    }

    /** @return roundTo(x, m) of an exact x: a single rounding of x/m to an integer with R, times m */
    public BigDecimal roundToMultiple(Rational x) {
        return x.divide(Rational.of(multiple)).round(0, mode).multiply(multiple).setScale(digits, mode);
    }

    /** @return roundTo(x, m): x/m rounded to an integer with R, times m, with d decimals */
    public BigDecimal roundToMultiple(BigDecimal x) {
        if (multipleIsUnit()) {
            return round(x);
        }
        return x.divide(multiple, 0, mode).multiply(multiple).setScale(digits, mode);
    }

    /** @return true if m equals the currency unit 10^-d */
    public boolean multipleIsUnit() {
        return multiple.compareTo(BigDecimal.ONE.movePointLeft(digits)) == 0;
    }

    /** @return x/n correctly rounded to d decimals with R */
    public BigDecimal divideRounded(BigDecimal x, int n) {
        return x.divide(BigDecimal.valueOf(n), digits, mode);
    }

    /** @return zero with d decimals */
    public BigDecimal zero() {
        return BigDecimal.ZERO.setScale(digits);
    }
}
