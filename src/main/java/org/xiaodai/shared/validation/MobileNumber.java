package org.xiaodai.shared.validation;

import java.util.regex.Pattern;

import org.xiaodai.shared.Masking;

/**
 * A mainland China mobile number (手机号码) that has passed {@link #validate(String)}: 11 ASCII
 * digits matching {@code ^1[3-9]\d{9}$}, without country code.
 *
 * <p>Invariants of an instance: the value matches that pattern. {@link #toString()} is masked.
 */
public final class MobileNumber extends Identifier {

    /** The field name and message key segment: {@code validation.mobile.*}. */
    public static final String FIELD = "mobile";

    static final int LENGTH = 11;
    // without UNICODE_CHARACTER_CLASS, \d is ASCII 0-9 only, so full-width digits do not match
    private static final Pattern PATTERN = Pattern.compile("^1[3-9]\\d{9}$");

    private MobileNumber(String value) {
        super(value);
    }

    /**
     * Validates user input. Surrounding whitespace is ignored. Never throws for bad input: the
     * rule codes are {@code required}, {@code length} and {@code format}.
     *
     * @param raw the input as typed, may be {@code null}
     */
    public static ValidationResult<MobileNumber> validate(String raw) {
        Violations violations = new Violations(FIELD);
        String input = Inputs.stripped(raw);
        if (input.isEmpty()) {
            return violations.error(Violations.REQUIRED).invalid();
        }
        if (Inputs.visibleLength(input) != LENGTH) {
            return violations.error(Violations.LENGTH, LENGTH, Inputs.visibleLength(input)).invalid();
        }
        if (!PATTERN.matcher(input).matches()) {
            return violations.error(Violations.FORMAT).invalid();
        }
        return violations.result(() -> new MobileNumber(input));
    }

    /** The number masked for display: {@code 138****1234}. */
    public String masked() {
        return Masking.maskMobile(value());
    }

    /** Masked on purpose: a phone number must never reach a log in full. */
    @Override
    public String toString() {
        return masked();
    }
}
