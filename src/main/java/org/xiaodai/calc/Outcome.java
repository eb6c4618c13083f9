package org.xiaodai.calc;

import java.util.List;
import java.util.Objects;

/**
 * The result of a calculation: either a value or the violations that prevented it. Business
 * refusals are outcomes, never exceptions.
 *
 * @param <T> the type of the computed value
 */
public sealed interface Outcome<T> {

    /** @return true if a value was computed */
    boolean isSuccess();

    /** @return the violations; empty for a success */
    List<Violation> violations();

    /**
     * Returns the value of a success.
     *
     * @return the value
     * @throws CalculationRefusedException if this is a failure; its message lists the violations
     */
    T value();

    /** A computed value. @param value never null */
    record Success<T>(T value) implements Outcome<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isSuccess() {
            return true;
        }

        @Override
        public List<Violation> violations() {
            return List.of();
        }
    }

    /** A refusal. @param violations at least one */
    record Failure<T>(List<Violation> violations) implements Outcome<T> {
        public Failure {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a failure needs at least one violation");
            }
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        @Override
        public T value() {
            throw new CalculationRefusedException(violations);
        }
    }

    /** @return a success holding {@code value} */
    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    /** @return a failure holding {@code violations}, which must not be empty */
    static <T> Outcome<T> failure(List<Violation> violations) {
        return new Failure<>(violations);
    }
}
