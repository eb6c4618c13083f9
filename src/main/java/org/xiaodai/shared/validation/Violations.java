package org.xiaodai.shared.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the violations of one field while a validator runs; message keys are
 * {@code validation.<field>.<rule>} unless a validator names a more specific one.
 */
final class Violations {

    static final String REQUIRED = "required";
    static final String LENGTH = "length";
    static final String FORMAT = "format";

    private final String field;
    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    Violations(String field) {
        this.field = field;
    }

    Violations error(String rule, Object... args) {
        errors.add(violation(rule, keyFor(rule), args));
        return this;
    }

    Violations errorWithKey(String rule, String messageKey, Object... args) {
        errors.add(violation(rule, messageKey, args));
        return this;
    }

    Violations warning(String rule, Object... args) {
        warnings.add(violation(rule, keyFor(rule), args));
        return this;
    }

    String keyFor(String rule) {
        return "validation." + field + "." + rule;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    <T> ValidationResult<T> invalid() {
        return new ValidationResult.Invalid<>(errors, warnings);
    }

    /** Invalid if any error was recorded, else valid with the value the supplier builds. */
    <T> ValidationResult<T> result(Supplier<T> value) {
        return hasErrors() ? invalid() : new ValidationResult.Valid<>(value.get(), warnings);
    }

    private Violation violation(String rule, String messageKey, Object... args) {
        return new Violation(field, rule, messageKey, List.of(args));
    }
}
