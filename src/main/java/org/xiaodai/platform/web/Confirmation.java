package org.xiaodai.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A confirmation step before a destructive action (disable, revoke, reset), shown by the shell's
 * {@code confirm} template. It works without JavaScript: the action's form posts without
 * {@value #PARAMETER}; the handler answers with this page, whose form posts the same fields again
 * with {@code confirm=yes}, and only then acts. A handler never acts on a post that lacks it.
 *
 * @param titleKey    message key of the heading, e.g. {@code console.confirm.disable.title}
 * @param questionKey message key of the question; {@code args} fill it
 * @param args        arguments of the question (names, not ids)
 * @param action      the URL the confirmed form posts to
 * @param fields      the form's other fields, posted again unchanged
 * @param buttonKey   message key of the confirming button
 * @param cancelUrl   where "cancel" goes back to
 */
public record Confirmation(String titleKey, String questionKey, List<Object> args, String action,
                           Map<String, String> fields, String buttonKey, String cancelUrl) {

    /** The request parameter a confirmed post carries. */
    public static final String PARAMETER = "confirm";
    /** The template that renders it ({@code model.addAttribute("confirmation", …)}). */
    public static final String VIEW = "confirm";

    public Confirmation {
        Objects.requireNonNull(titleKey, "titleKey must not be null");
        Objects.requireNonNull(action, "action must not be null");
        args = List.copyOf(args);
        fields = Map.copyOf(fields);
    }

    /** True when a post carries the confirmation. */
    public static boolean confirmed(String value) {
        return "yes".equals(value);
    }
}
