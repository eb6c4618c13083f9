package org.xiaodai.calc;

/**
 * How principal is repaid (conformance README §4). 等额本息 is {@link #EQUAL_INSTALLMENTS}, 等额本金 is {@link #EQUAL_PRINCIPAL}.
 */
public enum Amortization {
    /** Equal installments (等额本息): principal = installment − interest. */
    EQUAL_INSTALLMENTS,
    /** Equal principal (等额本金): the same principal every amortizing period. */
    EQUAL_PRINCIPAL,
    /** Interest every period, all principal in the last (先息后本). */
    INTEREST_ONLY_THEN_BULLET,
    /** Principal and simple interest together at maturity (到期一次还本付息). */
    BULLET
}
