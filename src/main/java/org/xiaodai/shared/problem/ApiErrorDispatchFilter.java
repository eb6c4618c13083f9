package org.xiaodai.shared.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the error dispatch of an {@code /api} request with a problem detail instead of Spring
 * Boot's default {@code /error} body. That dispatch happens whenever no controller advice could
 * answer: an unknown path (404), a wrong method (405, with the {@code Allow} header Spring MVC
 * set), a media type no handler consumes or produces (415, 406), or an exception thrown by a
 * filter (500). Pages keep their HTML error pages: only requests that were for {@code /api/}
 * are answered here.
 */
class ApiErrorDispatchFilter extends OncePerRequestFilter {

    static final String API_PREFIX = "/api/";
    private final ProblemDetails problems;
    private final MessageSource messages;

    ApiErrorDispatchFilter(ProblemDetails problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !uri.startsWith(request.getContextPath() + API_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.isCommitted()) {
            return;
        }
        HttpStatusCode status = status(request);
        response.resetBuffer();
        problems.write(request, response, status, code(status));
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int value = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        return HttpStatusCode.valueOf(value < 400 ? HttpStatus.INTERNAL_SERVER_ERROR.value() : value);
    }

    /**
     * The problem code of a status: the same codes the API's exception handler and filters use,
     * else {@code http-<status>} where the bundles explain it, else the generic 400 or 500.
     */
    String code(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 413 -> "payload-too-large";
            case 429 -> "rate-limited";
            case 500 -> "internal";
            default -> {
                String specific = "http-" + status.value();
                boolean explained = messages.getMessage("problem." + specific + ".title", null, null,
                        java.util.Locale.ROOT) != null;
                yield explained ? specific : status.is5xxServerError() ? "internal" : "http-400";
            }
        };
    }
}
