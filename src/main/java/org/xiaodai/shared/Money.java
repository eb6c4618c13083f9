package org.xiaodai.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import org.xiaodai.shared.validation.DecimalNumber;

/**
 * An amount of money (金额) in one currency.
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@code amount} and {@code currency} are never {@code null}; the amount may be negative
 *       (reversals, credit balances) and keeps whatever scale it was given, up to 100 decimals
 *       and 30 integer digits: beyond that rounding would never finish ({@code 1E+999999999}).</li>
 *   <li>The currency has a default number of fraction digits (2 for CNY); pseudo-currencies such
 *       as {@code XXX} are refused, because {@link #rounded(RoundingMode)} needs that number.</li>
 *   <li>Arithmetic is exact. Nothing rounds implicitly: rounding happens only where the caller
 *       names it, through {@link #rounded(RoundingMode)} or {@link #roundedTo(int, RoundingMode)}.</li>
 *   <li>Two amounts in different currencies never meet: {@link #plus}, {@link #minus} and
 *       {@link #compareTo} throw {@link IllegalArgumentException}.</li>
 *   <li>Equality ignores scale: {@code CNY 1.0} equals {@code CNY 1.00}, and both have the same
 *       hash code.</li>
 *   <li>There is deliberately no factory taking {@code double}: binary floating point cannot hold
 *       most decimal amounts exactly.</li>
 * </ul>
 *
 * @param amount   the exact decimal amount, must not be {@code null}
 * @param currency the ISO 4217 currency, must not be {@code null}
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Renminbi (人民币), the currency of nearly every amount in this system. */
    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(currency, "currency must not be null");
        Tractable.require(amount, "amount");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency has no minor unit: " + currency);
        }
    }

    /**
     * Parses an amount such as {@code "12.34"} in the currency with the given ISO code, as
     * {@link DecimalNumber} defines it: no exponent, at most 18 integer and 10 fraction digits.
     * Input from users is better checked with {@link DecimalNumber#validate(String)}, which names
     * the rule instead of throwing.
     *
     * @throws NumberFormatException    if the amount is not such a decimal number
     * @throws IllegalArgumentException if the currency code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(currencyCode, "currencyCode must not be null");
        return new Money(DecimalNumber.parse(amount), Currency.getInstance(currencyCode));
    }

    /** The given amount in the given currency. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Parses an amount in renminbi, e.g. {@code Money.cny("12.34")}. */
    public static Money cny(String amount) {
        return of(amount, CNY.getCurrencyCode());
    }

    /** The given amount in renminbi. */
    public static Money cny(BigDecimal amount) {
        return new Money(amount, CNY);
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The ISO 4217 code of the currency, e.g. {@code "CNY"}. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The exact sum; the other amount must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The exact difference; the other amount must be in the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** The exact product with a factor (a rate, a share, a count); not rounded. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor must not be null");
        return new Money(amount.multiply(factor), currency);
    }

    /** The exact product with a whole number, e.g. a number of installments. */
    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /**
     * The quotient, rounded to the given scale with the given mode. Division is the one operation
     * that cannot stay exact (1/3), so the rounding is part of its signature.
     *
     * @throws ArithmeticException if the divisor is zero
     */
    public Money dividedBy(BigDecimal divisor, int scale, RoundingMode roundingMode) {
        Objects.requireNonNull(divisor, "divisor must not be null");
        Objects.requireNonNull(roundingMode, "roundingMode must not be null");
        return new Money(amount.divide(divisor, scale, roundingMode), currency);
    }

    /** The same amount with the opposite sign. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The amount without its sign. */
    public Money abs() {
        return new Money(amount.abs(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether this amount is larger than the other, which must be in the same currency. */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** Whether this amount is smaller than the other, which must be in the same currency. */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Rounds to the currency's minor unit (2 digits for CNY, 0 for JPY) with the given mode.
     * Use {@link RoundingMode#HALF_EVEN} or {@link RoundingMode#HALF_UP} as the product or the
     * regulator prescribes; the choice is always the caller's.
     */
    public Money rounded(RoundingMode roundingMode) {
        return roundedTo(currency.getDefaultFractionDigits(), roundingMode);
    }

    /**
     * Rounds to an explicit scale, e.g. 4 for stored balances ({@code numeric(19,4)}).
     * Raising the scale only appends zeros and never changes the value.
     */
    public Money roundedTo(int scale, RoundingMode roundingMode) {
        Objects.requireNonNull(roundingMode, "roundingMode must not be null");
        return new Money(amount.setScale(scale, roundingMode), currency);
    }

    /**
     * Orders amounts of the same currency by value, ignoring scale.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Equal when the currencies are the same and the amounts are numerically equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money other
                && currency.equals(other.currency)
                && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        // stripTrailingZeros maps 1.0 and 1.00 (and 0.00 and 0) to one representation
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** The currency code and the plain amount, e.g. {@code CNY 12.34}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other must not be null");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + currency.getCurrencyCode() + " vs " + other.currency.getCurrencyCode());
        }
    }
}
