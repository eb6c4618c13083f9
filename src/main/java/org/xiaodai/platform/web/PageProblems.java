package org.xiaodai.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemDetails;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Turns a {@link ProblemException} from a service into {@link FormErrors} in the user's language,
 * so a page controller re-shows the form with each message beside its field instead of failing.
 */
@Component
public class PageProblems {

    private final ProblemDetails details;
    private final MessageSource messages;

    PageProblems(ProblemDetails details, MessageSource messages) {
        this.details = details;
        this.messages = messages;
    }

    /** The messages for {@code problem} in the current request's language. */
    public FormErrors errors(ProblemException problem) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FieldProblem field : problem.fieldProblems()) {
            fields.computeIfAbsent(field.field(), f -> new ArrayList<>()).add(details.fieldMessage(field, locale));
        }
        List<String> general = fields.isEmpty() ? List.of(title(problem, locale)) : List.of();
        return new FormErrors(fields, general);
    }

    /**
     * The messages for {@code problem} worded for one page: each field's message is
     * {@code <wording>.<field>.<rule>} when the bundles have it, else {@code <wording>.<rule>}, else
     * the general one. A page that speaks to the public (the calculator) says "enter a number such
     * as 10000.00" where the API says the value "must be a plain decimal number".
     */
    public FormErrors errors(ProblemException problem, String wording) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FieldProblem field : problem.fieldProblems()) {
            Object[] args = field.args().toArray();
            String message = messages.getMessage(wording + "." + field.field() + "." + field.rule(), args, null, locale);
            if (message == null) {
                message = messages.getMessage(wording + "." + field.rule(), args, null, locale);
            }
            fields.computeIfAbsent(field.field(), f -> new ArrayList<>())
                    .add(message != null ? message : details.fieldMessage(field, locale));
        }
        List<String> general = fields.isEmpty() ? List.of(title(problem, locale)) : List.of();
        return new FormErrors(fields, general);
    }

    /** The problem's title ({@code problem.<code>.title}), or a generic sentence when the bundle has none. */
    private String title(ProblemException problem, Locale locale) {
        String title = messages.getMessage("problem." + problem.code() + ".title", problem.args(), null, locale);
        return title != null ? title : messages.getMessage("common.error.generic", null, "?", locale);
    }
}
