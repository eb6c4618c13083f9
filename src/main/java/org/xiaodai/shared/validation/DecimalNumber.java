package org.xiaodai.shared.validation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A decimal number as people write amounts and rates: an optional sign, ASCII digits, and an
 * optional point followed by digits — {@code 10000.00}, {@code 3.65}, {@code -5}. Refused, with
 * the one rule {@code decimalFormat}: exponents ({@code 1e3}, {@code 1E+999999999}), grouping
 * ({@code 1,000}), full-width digits, {@code NaN}, and more than {@value #MAX_INTEGER_DIGITS}
 * digits before or {@value #MAX_FRACTION_DIGITS} after the point.
 *
 * <p>Why so strict: {@link BigDecimal#BigDecimal(String)} reads {@code 1E+999999999} in an
 * instant, but rounding or printing it builds a number of a billion digits — a request that hangs
 * a thread. No amount or rate anyone types needs an exponent or more than ten decimals. The input
 * is checked by length before any pattern runs, so even megabytes of digits are refused at once.
 */
public final class DecimalNumber {

    /** The field name and message key segment: {@code validation.decimal.*}. */
    public static final String FIELD = "decimal";
    /** The rule code of every malformed number. */
    public static final String FORMAT = "decimalFormat";
    /** At most this many digits before the point (a quintillion less one). */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** At most this many digits after the point. */
    public static final int MAX_FRACTION_DIGITS = 10;

    private static final int MAX_LENGTH = 1 + MAX_INTEGER_DIGITS + 1 + MAX_FRACTION_DIGITS;
    // without UNICODE_CHARACTER_CLASS, \d is ASCII 0-9 only, so full-width digits do not match
    private static final Pattern PLAIN = Pattern.compile(
            "[+-]?\\d{1," + MAX_INTEGER_DIGITS + "}(\\.\\d{1," + MAX_FRACTION_DIGITS + "})?");

    private DecimalNumber() {
    }

    /**
     * Validates user input. Surrounding whitespace is ignored. Never throws for bad input: the
     * rule codes are {@code required} and {@code decimalFormat}. Report against the real field
     * with {@link ValidationResult#forField(String)}.
     *
     * @param raw the input as typed, may be {@code null}
     */
    public static ValidationResult<BigDecimal> validate(String raw) {
        Violations violations = new Violations(FIELD);
        String input = Inputs.stripped(raw);
        if (input.isEmpty()) {
            return violations.error(Violations.REQUIRED).invalid();
        }
        if (input.length() > MAX_LENGTH || !PLAIN.matcher(input).matches()) {
            return violations.error(FORMAT, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS).invalid();
        }
        return violations.result(() -> new BigDecimal(input));
    }

    /**
     * Parses trusted-but-checked text, for factories such as {@code Money.of(String, String)}.
     *
     * @throws NumberFormatException if {@link #validate(String)} refuses the text
     */
    public static BigDecimal parse(String text) {
        return validate(text).toOptional().orElseThrow(() -> new NumberFormatException(
                "not a plain decimal number with at most " + MAX_INTEGER_DIGITS + " integer and "
                        + MAX_FRACTION_DIGITS + " fraction digits"));
    }
}
