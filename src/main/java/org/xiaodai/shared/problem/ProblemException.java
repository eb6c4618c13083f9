package org.xiaodai.shared.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the user can cause and understand; rendered as an RFC 9457 problem detail with a
 * stable {@code type} ({@code https://xiaodai.org/problems/<code>}), a localised title and detail,
 * and per-field errors.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fieldProblems;
    private final transient Object[] args;
    private final java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code + (fieldProblems.isEmpty() ? "" : " " + fieldProblems.stream()
                .map(f -> f.field() + ":" + f.rule()).toList()));
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.args = args;
    }

    /** 400 with one or more field problems. */
    public static ProblemException invalid(List<FieldProblem> problems) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", problems);
    }

    public static ProblemException invalid(String field, String rule, Object... args) {
        return invalid(List.of(FieldProblem.of(field, rule, args)));
    }

    /** 404: also what a caller gets for a row outside its data scope, so existence is not revealed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", List.of(), what);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, code, List.of(), args);
    }

    public static ProblemException forbidden(String code, Object... args) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, List.of(), args);
    }

    /**
     * 422: the request is well-formed but a business rule refuses it; {@code rule} (a stable code such
     * as {@code quietHours}) is the problem detail's top-level {@code rule} property.
     */
    public static ProblemException refused(String code, String rule, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, List.of(), args).with("rule", rule);
    }

    /** Adds a top-level property of the problem detail (e.g. {@code rule}); returns this exception. */
    public ProblemException with(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** The extra top-level properties of the problem detail. */
    public java.util.Map<String, String> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
