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
