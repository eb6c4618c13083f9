package org.xiaodai.approval.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.validation.DecimalNumber;
import org.xiaodai.shared.validation.ValidationResult;

/** Collects the field problems of one request while its text fields are read. */
final class Fields {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** A decimal string, or null when blank and not required. */
    BigDecimal decimal(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "required"));
            }
            return null;
        }
        ValidationResult<BigDecimal> result = DecimalNumber.validate(value);
        result.errors().forEach(v -> problems.add(new FieldProblem(field, v.rule(), v.messageKey(), v.args())));
        return result.toOptional().orElse(null);
    }

    UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "format"));
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problems.add(FieldProblem.of(field, "oneOf", String.join(", ", names)));
            return null;
        }
    }

    void add(FieldProblem problem) {
        problems.add(problem);
    }

    /** Throws the collected problems as one 400, if any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
