package org.xiaodai.shared.validation;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码), GB 32100-2015, that has passed
 * {@link #validate(String)}: the identifier of an enterprise or other organisation.
 *
 * <p>Layout: registration authority (1 char), entity type (1), administrative region (6),
 * organisation code (9), check character (1), all over the 31-character alphabet
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (no I, O, S, V, Z). The check character is
 * {@code alphabet[(31 − Σ value·W mod 31) mod 31]} with
 * W = 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28.
 *
 * <p>Invariants of an instance: exactly 18 upper-case characters of the alphabet with a correct
 * check character.
 */
public final class UnifiedSocialCreditCode extends Identifier {

    /** The field name and message key segment: {@code validation.creditCode.*}. */
    public static final String FIELD = "creditCode";

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode(String value) {
        super(value);
    }

    /**
     * Validates user input. Surrounding whitespace is ignored and lower-case letters are taken
     * as upper-case. Never throws for bad input: the rule codes are {@code required},
     * {@code length}, {@code format} and {@code checkDigit}.
     *
     * @param raw the input as typed, may be {@code null}
     */
    public static ValidationResult<UnifiedSocialCreditCode> validate(String raw) {
        Violations violations = new Violations(FIELD);
        String input = Inputs.stripped(raw);
        if (input.isEmpty()) {
            return violations.error(Violations.REQUIRED).invalid();
        }
        if (Inputs.visibleLength(input) != LENGTH) {
            return violations.error(Violations.LENGTH, LENGTH, Inputs.visibleLength(input)).invalid();
        }
        String code = input.toUpperCase(Locale.ROOT);
        if (!isOverAlphabet(code)) {
            return violations.error(Violations.FORMAT).invalid();
        }
        if (checkChar(code) != code.charAt(LENGTH - 1)) {
            violations.error("checkDigit");
        }
        return violations.result(() -> new UnifiedSocialCreditCode(code));
    }

    /** The registration authority code, e.g. {@code 9} for market regulation (工商). */
    public char registrationAuthorityCode() {
        return value().charAt(0);
    }

    /** The entity type code within the authority, e.g. {@code 1} for an enterprise. */
    public char entityTypeCode() {
        return value().charAt(1);
    }

    /** The 6-digit administrative region code of the registration. */
    public String regionCode() {
        return value().substring(2, 8);
    }

    /** The 9-character organisation code (组织机构代码) embedded in the code. */
    public String organizationCode() {
        return value().substring(8, 17);
    }

    /** The code itself: it identifies an organisation, not a person, so it is not masked. */
    @Override
    public String toString() {
        return value();
    }

    /** The check character for the first 17 characters, which must be over the alphabet. */
    static char checkChar(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static boolean isOverAlphabet(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
