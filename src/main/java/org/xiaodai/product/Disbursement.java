package org.xiaodai.product;

import java.math.BigDecimal;
import java.util.List;

/**
 * What disbursing a loan under a product moves: the whole principal to the borrower, and the
 * product's fees as separate charges. There is no field for a deduction: 砍头息 (an amount kept back
 * from the principal) cannot be expressed.
 *
 * @param principal the amount lent
 * @param paidOut what the borrower receives: always {@code principal}
 * @param chargedAtDisbursement fees the borrower pays beside the loan at disbursement
 * @param chargedPerInstallment fees added to every installment
 */
public record Disbursement(BigDecimal principal, BigDecimal paidOut, List<Charge> chargedAtDisbursement,
                           List<Charge> chargedPerInstallment) {

    public Disbursement {
        chargedAtDisbursement = List.copyOf(chargedAtDisbursement);
        chargedPerInstallment = List.copyOf(chargedPerInstallment);
    }

    /** One fee in money. */
    public record Charge(String name, BigDecimal amount) {
    }

    /** The disbursement of {@code principal} under {@code definition}: the full principal paid out, fees charged. */
    public static Disbursement of(ProductDefinition definition, BigDecimal principal) {
        int digits = definition.scheduleConventions().currencyDigits();
        var rounding = definition.scheduleConventions().roundingMode().mode();
        List<Charge> upfront = definition.fees().stream().filter(f -> f.charge() == FeeCharge.AT_DISBURSEMENT)
                .map(f -> new Charge(f.name(), f.amount(principal, digits, rounding))).toList();
        List<Charge> perInstallment = definition.fees().stream().filter(f -> f.charge() == FeeCharge.PER_INSTALLMENT)
                .map(f -> new Charge(f.name(), f.amount(principal, digits, rounding))).toList();
        return new Disbursement(principal, principal, upfront, perInstallment);
    }
}
