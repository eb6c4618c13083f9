package org.xiaodai.calc;

/** How the remaining schedule is recomputed after a partial prepayment (部分提前还款). */
public enum PrepaymentStrategy {
    /** Keep the installment (or the principal per period) and repay in fewer periods (缩短期限). */
    SHORTER_TERM,
    /** Keep the remaining number of periods and lower the installment (减少月供). */
    LOWER_INSTALLMENT
}
