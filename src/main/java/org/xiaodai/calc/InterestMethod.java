package org.xiaodai.calc;

/**
 * Whether interest runs on the outstanding balance or flat on the original principal (README §4/§5).
 */
public enum InterestMethod {
    /** Interest on the balance outstanding during each period. */
    DECLINING_BALANCE,
    /** Interest on the original principal, spread evenly (README §5). */
    FLAT
}
