package org.xiaodai.customer.domain;

import java.math.BigDecimal;
import java.util.List;

import org.xiaodai.customer.CustomerKind;
import org.xiaodai.shared.validation.Violation;

/**
 * A customer that passed {@link CustomerRules}: identifiers normalised (upper-case check
 * character, no spaces in the card), blanks turned into null. {@code warnings} never block the
 * save and are stored with the record (a bank card that fails Luhn).
 */
public record ValidCustomer(CustomerKind kind, String name, String idNumber, String mobile, String bankCard,
                            String regionCode, String address, String industryCode, String employer,
                            BigDecimal monthlyIncome, String legalRepresentative, BigDecimal registeredCapital,
                            List<Violation> warnings) {

    public ValidCustomer {
        warnings = List.copyOf(warnings);
    }

    public boolean bankCardLuhnWarning() {
        return warnings.stream().anyMatch(w -> w.rule().equals("luhn"));
    }

    /** Masked on purpose: the record holds the full identifiers. */
    @Override
    public String toString() {
        return "ValidCustomer[" + kind + "]";
    }
}
