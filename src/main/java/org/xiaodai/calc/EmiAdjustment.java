package org.xiaodai.calc;

/**
 * Optional one-step correction of the equal installment (README §3.4).
 */
public enum EmiAdjustment {
    /** No correction (the default when the field is absent). */
    NONE,
    /** Fineract's progressive check, applied exactly once. */
    FINERACT_PROGRESSIVE
}
