package org.xiaodai.shared.problem;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds localised problem details, for the API exception handler, and writes them straight to the
 * response, for the filters that answer before any controller runs (security, size and rate limits).
 */
@Component
public class ProblemDetails {

    public static final String TYPE_BASE = "https://xiaodai.org/problems/";

    private final MessageSource messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    public ProblemDetails(MessageSource messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    /** Answers the request with a problem detail without field errors, in the caller's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), build(status, code, List.of(), locales.resolveLocale(request)));
    }

    public ProblemDetail build(HttpStatusCode status, String code, List<FieldProblem> fields, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(message("problem." + code + ".title", locale, args));
        problem.setDetail(fields.isEmpty()
                ? message("problem." + code + ".detail", locale, args)
                : fields.stream().map(f -> f.field() + ": " + fieldMessage(f, locale)).collect(Collectors.joining("; ")));
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
