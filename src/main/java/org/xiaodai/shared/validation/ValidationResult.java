package org.xiaodai.shared.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating one input: either {@link Valid} with the parsed value, or
 * {@link Invalid} with the errors that say why. Either may carry warnings, which never block
 * (a bank card that fails Luhn, for instance).
 *
 * <p>Validators return this instead of throwing: bad input is an expected business outcome,
 * not an exception. Switch over the two cases, or use {@link #toOptional()}.
 *
 * @param <T> the type of the validated value
 */
public sealed interface ValidationResult<T> permits ValidationResult.Valid, ValidationResult.Invalid {

    /** The errors; empty exactly when the input is valid. */
    List<Violation> errors();

    /** Findings that do not block acceptance; possibly empty. */
    List<Violation> warnings();

    /** The same result with every violation reported against another field name. */
    ValidationResult<T> forField(String field);

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The validated value if the input was valid. */
    default Optional<T> toOptional() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** Whether an error or a warning has the given rule code. */
    default boolean hasViolation(String rule) {
        return errors().stream().anyMatch(v -> v.rule().equals(rule))
                || warnings().stream().anyMatch(v -> v.rule().equals(rule));
    }

    /**
     * A valid input.
     *
     * @param value    the validated, normalised value; never {@code null}
     * @param warnings findings that do not block acceptance
     */
    record Valid<T>(T value, List<Violation> warnings) implements ValidationResult<T> {

        public Valid {
            Objects.requireNonNull(value, "value must not be null");
            warnings = List.copyOf(warnings);
        }

        @Override
        public List<Violation> errors() {
            return List.of();
        }

        @Override
        public Valid<T> forField(String field) {
            return new Valid<>(value, warnings.stream().map(v -> v.withField(field)).toList());
        }
    }

    /**
     * An invalid input.
     *
     * @param errors   why the input was rejected; never empty
     * @param warnings findings that would not have blocked acceptance on their own
     */
    record Invalid<T>(List<Violation> errors, List<Violation> warnings) implements ValidationResult<T> {

        public Invalid {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }

        @Override
        public Invalid<T> forField(String field) {
            return new Invalid<>(errors.stream().map(v -> v.withField(field)).toList(),
                    warnings.stream().map(v -> v.withField(field)).toList());
        }
    }
}
