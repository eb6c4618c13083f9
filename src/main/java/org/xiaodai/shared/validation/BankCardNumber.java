package org.xiaodai.shared.validation;

import org.xiaodai.shared.Masking;

/**
 * A bank card number (银行卡号) that has passed {@link #validate(String)}: 16 to 19 ASCII digits.
 *
 * <p>A failed Luhn check is only a <em>warning</em> (rule {@code luhn}): some real Chinese debit
 * cards do not satisfy it, so refusing them would turn away genuine borrowers. The card is
 * checked for real when the payment channel verifies it.
 *
 * <p>Invariants of an instance: 16–19 ASCII digits, no separators. {@link #toString()} is masked.
 */
public final class BankCardNumber extends Identifier {

    /** The field name and message key segment: {@code validation.bankCard.*}. */
    public static final String FIELD = "bankCard";

    static final int MIN_LENGTH = 16;
    static final int MAX_LENGTH = 19;

    private BankCardNumber(String value) {
        super(value);
    }

    /**
     * Validates user input. Surrounding whitespace and the ASCII spaces that group digits as
     * printed on a card ({@code 6222 0212 3456 7890}) are ignored. Never throws for bad input:
     * the error rule codes are {@code required}, {@code length} and {@code format}; a Luhn
     * failure gives a valid result with a {@code luhn} warning.
     *
     * @param raw the input as typed, may be {@code null}
     */
    public static ValidationResult<BankCardNumber> validate(String raw) {
        Violations violations = new Violations(FIELD);
        String digits = Inputs.stripped(raw).replace(" ", "");
        if (digits.isEmpty()) {
            return violations.error(Violations.REQUIRED).invalid();
        }
        int length = Inputs.visibleLength(digits);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return violations.error(Violations.LENGTH, MIN_LENGTH, MAX_LENGTH, length).invalid();
        }
        if (!Inputs.isAsciiDigits(digits, 0, digits.length())) {
            return violations.error(Violations.FORMAT).invalid();
        }
        if (!passesLuhn(digits)) {
            violations.warning("luhn");
        }
        return violations.result(() -> new BankCardNumber(digits));
    }

    /** The first six digits, the issuer identification number (BIN) that names the bank. */
    public String issuerIdentificationNumber() {
        return value().substring(0, 6);
    }

    /** The last four digits, safe to show so a borrower can recognise the card. */
    public String lastFour() {
        return value().substring(value().length() - 4);
    }

    /** Whether the number satisfies the Luhn (mod 10) check. */
    public boolean passesLuhn() {
        return passesLuhn(value());
    }

    /** The number masked for display: first 6 and last 4 digits. */
    public String masked() {
        return Masking.maskBankCard(value());
    }

    /** Masked on purpose: a card number must never reach a log in full. */
    @Override
    public String toString() {
        return masked();
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
