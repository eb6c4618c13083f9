package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Natural logarithm, exponential and real powers in {@link BigDecimal}, for rates only (never
 * money). Results are good to about 32 significant digits.
 */
public final class DecimalMath {

    private static final MathContext WORK = new MathContext(42);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPSILON = new BigDecimal("1E-44");

    private DecimalMath() {
    }

    /** @return base^exponent for base &gt; 0; exact repeated squaring for integral exponents */
    public static BigDecimal pow(BigDecimal base, BigDecimal exponent) {
        if (exponent.stripTrailingZeros().scale() <= 0 && exponent.abs().compareTo(BigDecimal.valueOf(9999)) <= 0) {
            return base.pow(exponent.intValueExact(), DayCount.MC);
        }
        return exp(exponent.multiply(ln(base), WORK)).round(DayCount.MC);
    }

    /** @return ln(x) for x &gt; 0, via square roots towards 1 and the atanh series */
    public static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("ln of a non-positive number");
        }
        BigDecimal low = new BigDecimal("0.9");
        BigDecimal high = new BigDecimal("1.1");
        int halvings = 0;
        BigDecimal y = x;
        while (y.compareTo(low) < 0 || y.compareTo(high) > 0) {
            y = y.sqrt(WORK);
            halvings++;
        }
        BigDecimal z = y.subtract(BigDecimal.ONE).divide(y.add(BigDecimal.ONE), WORK);
        BigDecimal z2 = z.multiply(z, WORK);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; term.abs().compareTo(EPSILON) > 0; k += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(k), WORK), WORK);
            term = term.multiply(z2, WORK);
        }
        return sum.multiply(TWO.pow(halvings + 1), WORK);
    }

    /** @return e^x, by halving x below 1/2, the Taylor series, and squaring back */
    public static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(new BigDecimal("0.5")) > 0) {
            y = y.divide(TWO, WORK);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; term.abs().compareTo(EPSILON) > 0; k++) {
            term = term.multiply(y, WORK).divide(BigDecimal.valueOf(k), WORK);
            sum = sum.add(term, WORK);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, WORK);
        }
        return sum;
    }
}
