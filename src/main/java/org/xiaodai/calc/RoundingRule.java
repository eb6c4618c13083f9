package org.xiaodai.calc;

import java.math.RoundingMode;

/**
 * The rounding mode R used by every rounding of a schedule (README §1.1). The constant names are
 * the JSON values.
 */
public enum RoundingRule {
    /** Ties to the even neighbour (banker's rounding). */
    HALF_EVEN(RoundingMode.HALF_EVEN),
    /** Ties away from zero. */
    HALF_UP(RoundingMode.HALF_UP);

    private final RoundingMode mode;

    RoundingRule(RoundingMode mode) {
        this.mode = mode;
    }

    /** @return the {@link RoundingMode} this rule stands for */
    public RoundingMode mode() {
        return mode;
    }
}
