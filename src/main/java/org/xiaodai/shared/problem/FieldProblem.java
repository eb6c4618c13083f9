package org.xiaodai.shared.problem;

import java.util.List;

/**
 * One broken rule on one input field.
 *
 * @param field      the field as the client named it (JSON property or form field)
 * @param rule       stable rule code, e.g. {@code required}, {@code checkDigit}
 * @param messageKey message bundle key of the explanation in the user's language
 * @param args       arguments of that message
 */
public record FieldProblem(String field, String rule, String messageKey, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldProblem of(String field, String rule, Object... args) {
        return new FieldProblem(field, rule, "problem.field." + rule, List.of(args));
    }
}
