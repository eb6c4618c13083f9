package org.xiaodai.shared.validation;

import java.util.List;
import java.util.Objects;

/**
 * One reason an input was rejected or flagged, in a form a user interface can translate.
 *
 * <p>{@code rule} is a stable code ({@code required}, {@code length}, {@code format},
 * {@code region}, {@code birthDate}, {@code checkDigit}, {@code luhn}) that callers and API
 * clients may branch on; {@code messageKey} names the text in the {@code messages/validation}
 * bundles, and {@code args} fill its {@code {0}}, {@code {1}} … placeholders. No component is
 * ever {@code null}; the raw input is never an argument, so a violation can be logged without
 * leaking personal information.
 *
 * @param field      the input field, e.g. {@code residentId}
 * @param rule       the stable rule code
 * @param messageKey the message bundle key, e.g. {@code validation.residentId.checkDigit}
 * @param args       the message arguments, unmodifiable
 */
public record Violation(String field, String rule, String messageKey, List<Object> args) {

    public Violation {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(messageKey, "messageKey must not be null");
        args = List.copyOf(args);
    }

    /** The same violation reported against another field name, e.g. {@code guarantor.residentId}. */
    public Violation withField(String newField) {
        return new Violation(newField, rule, messageKey, args);
    }

    /** The arguments as an array, the shape {@code MessageSource.getMessage} takes. */
    public Object[] argsArray() {
        return args.toArray();
    }
}
