package org.xiaodai.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.xiaodai.shared.problem.ProblemException;

/**
 * A {@link ProblemException} that a page controller did not turn into form errors (a row outside
 * the caller's scope, a refused action) becomes its HTTP status and the matching localised error
 * page ({@code templates/error/404.html} …), never a 500. Runs after the {@code @ExceptionHandler}
 * advice, so JSON endpoints keep their problem details.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(PageProblemResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!(ex instanceof ProblemException problem) || response.isCommitted()) {
            return null;
        }
        try {
            log.debug("Page request refused: {} {}", problem.status(), problem.code());
            response.sendError(problem.status().value());
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }
}
