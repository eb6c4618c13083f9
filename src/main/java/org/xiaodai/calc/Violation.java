package org.xiaodai.calc;

import java.util.Objects;

/**
 * One reason why a calculation was refused: the offending input field, a stable rule code and a
 * default English message. Callers (e.g. the REST calculator) map violations to problem details;
 * {@code field} and {@code rule} are stable API, the message is not.
 *
 * @param field the JSON field name of {@link LoanTerms} (or of the request) at fault, never null
 * @param rule a stable camel-case rule code such as {@code min} or {@code outsideSpec}, never null
 * @param message a default English explanation, never null
 */
public record Violation(String field, String rule, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
