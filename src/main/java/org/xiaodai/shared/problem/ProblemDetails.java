package org.xiaodai.shared.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds localised problem details; shared by the API exception handler and security entry points. */
@Component
public class ProblemDetails {

    public static final String TYPE_BASE = "https://xiaodai.org/problems/";

    private final MessageSource messages;

    ProblemDetails(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail build(HttpStatusCode status, String code, List<FieldProblem> fields, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(message("problem." + code + ".title", locale, args));
        problem.setDetail(fields.isEmpty()
                ? message("problem." + code + ".detail", locale, args)
                : fields.stream().map(f -> f.field() + ": " + fieldMessage(f, locale)).reduce((a, b) -> a + "; " + b).orElse(""));
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream().map(f -> Map.of(
                    "field", f.field(), "rule", f.rule(), "message", fieldMessage(f, locale))).toList());
        }
        return problem;
    }

    public String fieldMessage(FieldProblem field, Locale locale) {
        return message(field.messageKey(), locale, field.args().toArray());
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
