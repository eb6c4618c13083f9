package org.xiaodai.calc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number. Every rate, sum of rates and unrounded installment of README §2–§5
 * is rational (only integer powers occur), so amounts derived from them are rounded exactly once
 * from the exact value, as README §7 asks: a product like 57.9 × 0.46/12 = 2.2195 stays an exact
 * tie instead of becoming 2.21949…9 after the rate was cut to a finite number of digits.
 */
public final class Rational {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger num;
    private final BigInteger den;

    private Rational(BigInteger num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    private static Rational normalized(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        // No reduction by gcd: the value is exact either way, every consumer rounds once from
        // num/den, and gcd costs more than the larger products it would save (it dominated the
        // schedule benchmark). Equality compares cross products.
        return new Rational(num, den);
    }

    /** @return x exactly */
    public static Rational of(BigDecimal x) {
        if (x.scale() <= 0) {
            return new Rational(x.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Rational(x.unscaledValue(), tenPow(x.scale()));
    }

    private static final BigInteger[] TEN_POWERS = java.util.stream.IntStream.range(0, 40)
            .mapToObj(BigInteger.TEN::pow).toArray(BigInteger[]::new);

    private static BigInteger tenPow(int n) {
        return n < TEN_POWERS.length ? TEN_POWERS[n] : BigInteger.TEN.pow(n);
    }

    /**
     * round(this × x) to {@code scale} decimals with {@code mode}, computed from the exact product
     * in one division: the hot path of every schedule row (interest = round(balance × rate)).
     */
    public BigDecimal multiplyAndRound(BigDecimal x, int scale, RoundingMode mode) {
        return new BigDecimal(num.multiply(x.unscaledValue()), x.scale()).divide(new BigDecimal(den), scale, mode);
    }

    /** @return n / d exactly */
    public static Rational of(long n, long d) {
        return normalized(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    public Rational add(Rational o) {
        return normalized(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational subtract(Rational o) {
        return normalized(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational multiply(Rational o) {
        return normalized(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational multiply(BigDecimal x) {
        return multiply(of(x));
    }

    public Rational multiply(long x) {
        return normalized(num.multiply(BigInteger.valueOf(x)), den);
    }

    public Rational divide(Rational o) {
        return normalized(num.multiply(o.den), den.multiply(o.num));
    }

    public Rational divide(long x) {
        return normalized(num, den.multiply(BigInteger.valueOf(x)));
    }

    /** @return this^n for n ≥ 0 */
    public Rational pow(int n) {
        return new Rational(num.pow(n), den.pow(n));
    }

    public int signum() {
        return num.signum();
    }

    /** @return the exact value rounded once to the given scale with the given mode */
    public BigDecimal round(int scale, RoundingMode mode) {
        return new BigDecimal(num).divide(new BigDecimal(den), scale, mode);
    }

    /** @return the value rounded to the given precision (for display and non-schedule uses) */
    public BigDecimal toBigDecimal(MathContext mc) {
        return new BigDecimal(num).divide(new BigDecimal(den), mc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && num.multiply(r.den).equals(r.num.multiply(den));
    }

    @Override
    public int hashCode() {
        return toBigDecimal(MathContext.DECIMAL64).stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return num + "/" + den;
    }
}
