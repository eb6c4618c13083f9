package org.xiaodai.shared.problem;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.xiaodai.shared.tenant.TenantWall;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of a REST endpoint into an RFC 9457 problem detail in the caller's language
 * ({@code Accept-Language}), naming the offending field and rule. A 500 is logged with its stack
 * trace and answered without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ProblemDetails problems;

    ApiExceptionHandler(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ResponseEntity<ProblemDetail> response = respond(e.status(), e.code(), e.fieldProblems(), e.args());
        e.properties().forEach(response.getBody()::setProperty);
        return response;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, "invalid-input", List.of(FieldProblem.of(e.getName(), "type")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Rejected by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return respond(HttpStatus.CONFLICT, "conflict", List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return respond(HttpStatus.CONFLICT, "concurrent-change", List.of());
    }

    /** Not an answer: the bearer-token filter answers the request afresh ({@link TenantWall#readsPerStatement}). */
    @ExceptionHandler(TenantWall.RetryRequest.class)
    void retry(TenantWall.RetryRequest e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream().map(ApiExceptionHandler::fieldProblem).toList();
        return asObject(respond(HttpStatus.BAD_REQUEST, "invalid-input", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> FieldProblem.of(
                        r.getMethodParameter().getParameterName(), rule(err.getCodes()))))
                .toList();
        return asObject(respond(HttpStatus.BAD_REQUEST, "invalid-input", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException || ex.getCause() instanceof PayloadTooLargeException) {
            return asObject(respond(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", List.of()));
        }
        if (ex.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = bind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return asObject(respond(HttpStatus.BAD_REQUEST, "invalid-input", List.of(FieldProblem.of(field, "type"))));
        }
        String rule = ex.getCause() instanceof JacksonException ? "malformed" : "missing";
        return asObject(respond(HttpStatus.BAD_REQUEST, "invalid-input", List.of(FieldProblem.of("body", rule))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (ex instanceof ErrorResponse errorResponse) {
            String code = "http-" + statusCode.value();
            ProblemDetail problem = problems.build(statusCode, code, List.of(), locale());
            return ResponseEntity.status(statusCode).headers(errorResponse.getHeaders()).body(problem);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, List<FieldProblem> fields, Object... args) {
        return ResponseEntity.status(status).body(problems.build(status, code, fields, locale(), args));
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return FieldProblem.of(error.getField(), rule(error.getCodes()));
    }

    /** Maps a Bean Validation constraint name to our rule code (NotNull → required, Size → size, …). */
    private static String rule(String[] codes) {
        String constraint = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Pattern" -> "format";
            case "Email" -> "email";
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "min";
            case "Max", "DecimalMax", "Negative" -> "max";
            default -> Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
        };
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
