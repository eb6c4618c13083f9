package org.xiaodai.calc;

/** Where a loan stands as of a date (servicing README §4 {@code status}). */
public enum LoanStatus {
    /** Something is owed, nothing is past due. */
    ACTIVE,
    /** An installment is past due (days past due &gt; 0). */
    OVERDUE,
    /** Nothing is owed: principal, interest and penalty are all paid. */
    PAID_OFF
}
