package org.xiaodai.calc;

/**
 * How the equal installment is sized (README §3); only used with declining balance and equal installments.
 */
public enum InstallmentBasis {
    /** Classic annuity on the nominal periodic rate q. */
    NOMINAL_PERIODIC_RATE,
    /** Exact annuity over the actual rate of every amortizing period (Fineract progressive). */
    ACTUAL_PERIOD_FACTORS
}
