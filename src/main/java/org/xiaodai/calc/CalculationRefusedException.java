package org.xiaodai.calc;

import java.util.List;

/**
 * Thrown only by {@link Outcome#value()} on a failure, i.e. when a caller asserts that inputs it
 * already validated are valid. Business code should inspect the {@link Outcome} instead.
 */
public final class CalculationRefusedException extends RuntimeException {

    private final transient List<Violation> violations;

    /** @param violations the reasons, not empty */
    public CalculationRefusedException(List<Violation> violations) {
        super("calculation refused: " + violations);
        this.violations = List.copyOf(violations);
    }

    /** @return the reasons the calculation was refused */
    public List<Violation> violations() {
        return violations;
    }
}
