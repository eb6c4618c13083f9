package org.xiaodai.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

import org.xiaodai.shared.validation.DecimalNumber;

/**
 * An annual interest rate (年利率) held as an exact decimal fraction: {@code 0.12} is 12% a year.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The fraction is never {@code null} and never negative; zero is allowed (interest-free
 *       promotions). It has at most 100 decimals and 30 integer digits, so that printing and
 *       rounding it always finish ({@code 1E+999999999} is refused).</li>
 *   <li>Nothing rounds implicitly: conversions between percent and fraction only move the decimal
 *       point, and {@link #perPeriod(int, MathContext)} rounds only as the given
 *       {@link MathContext} says.</li>
 *   <li>Equality ignores scale: 12% equals 12.00%, with the same hash code.</li>
 *   <li>There is deliberately no factory taking {@code double}.</li>
 * </ul>
 *
 * @param fraction the annual rate as a fraction, e.g. {@code 0.12}; must not be {@code null} or negative
 */
public record Rate(BigDecimal fraction) implements Comparable<Rate> {

    /** No interest. */
    public static final Rate ZERO = new Rate(BigDecimal.ZERO);

    public Rate {
        Objects.requireNonNull(fraction, "fraction must not be null");
        Tractable.require(fraction, "rate");
        if (fraction.signum() < 0) {
            throw new IllegalArgumentException("rate must not be negative: " + fraction.toPlainString());
        }
    }

    /**
     * A rate written in percent, e.g. {@code Rate.ofPercent("12")} or {@code "3.65"}; the text as
     * {@link DecimalNumber} defines it (no exponent, at most 10 decimals).
     *
     * @throws NumberFormatException    if the text is not such a decimal number
     * @throws IllegalArgumentException if the rate is negative
     */
    public static Rate ofPercent(String percent) {
        Objects.requireNonNull(percent, "percent must not be null");
        return ofPercent(DecimalNumber.parse(percent));
    }

    /** A rate given in percent; exact, the decimal point just moves two places left. */
    public static Rate ofPercent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent must not be null");
        return new Rate(percent.movePointLeft(2));
    }

    /**
     * A rate written as a fraction, e.g. {@code Rate.ofFraction("0.12")}; the text as
     * {@link DecimalNumber} defines it (no exponent, at most 10 decimals).
     *
     * @throws NumberFormatException    if the text is not such a decimal number
     * @throws IllegalArgumentException if the rate is negative
     */
    public static Rate ofFraction(String fraction) {
        Objects.requireNonNull(fraction, "fraction must not be null");
        return new Rate(DecimalNumber.parse(fraction));
    }

    /** A rate given as a fraction. */
    public static Rate ofFraction(BigDecimal fraction) {
        return new Rate(fraction);
    }

    /** The rate in percent, exact: {@code 0.12} gives {@code 12.00} (scale may vary, value does not). */
    public BigDecimal asPercent() {
        return fraction.movePointRight(2);
    }

    /**
     * The rate of one period when the year has {@code periodsPerYear} of them (12 for monthly,
     * 360 or 365 for daily), as a fraction. This is the nominal split (annual ÷ periods), which
     * is how Chinese contracts state monthly (月利率) and daily (日利率) rates.
     *
     * @param periodsPerYear  must be positive
     * @param mathContext     the precision and rounding of the division; with
     *                        {@link MathContext#UNLIMITED} a non-terminating quotient throws
     *                        {@link ArithmeticException}
     */
    public BigDecimal perPeriod(int periodsPerYear, MathContext mathContext) {
        Objects.requireNonNull(mathContext, "mathContext must not be null");
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("periodsPerYear must be positive: " + periodsPerYear);
        }
        return fraction.divide(BigDecimal.valueOf(periodsPerYear), mathContext);
    }

    public boolean isZero() {
        return fraction.signum() == 0;
    }

    /** Whether this rate is strictly higher than the other, e.g. above a rate benchmark. */
    public boolean exceeds(Rate other) {
        return compareTo(other) > 0;
    }

    /** Orders rates by value, ignoring scale. */
    @Override
    public int compareTo(Rate other) {
        Objects.requireNonNull(other, "other must not be null");
        return fraction.compareTo(other.fraction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rate other && fraction.compareTo(other.fraction) == 0;
    }

    @Override
    public int hashCode() {
        return fraction.stripTrailingZeros().hashCode();
    }

    /** The rate in percent, e.g. {@code 12%} or {@code 3.65%}. */
    @Override
    public String toString() {
        return asPercent().stripTrailingZeros().toPlainString() + "%";
    }
}
