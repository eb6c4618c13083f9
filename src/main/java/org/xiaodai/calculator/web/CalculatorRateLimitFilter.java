package org.xiaodai.calculator.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.shared.problem.ProblemDetails;
import org.xiaodai.shared.ratelimit.TokenBuckets;

/**
 * A token bucket per client address for the public calculator: {@code capacity} requests at once,
 * refilled at {@code capacity} per minute. Over the limit a client gets 429 with Retry-After: as
 * problem details from the API, as the error page from the calculator page's form. Both draw on
 * the same bucket, since both run the same computation.
 */
@Component
class CalculatorRateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final ProblemDetails problems;

    CalculatorRateLimitFilter(Clock clock, @Value("${xiaodai.calculator.requests-per-minute:120}") int capacity,
                              ProblemDetails problems) {
        this.buckets = new TokenBuckets(clock, capacity);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isApi(request) && !isPageCalculation(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/v1/calculator/");
    }

    private static boolean isPageCalculation(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/calculator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!buckets.tryTake(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "1");
            if (!isApi(request)) {
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
            return;
        }
        chain.doFilter(request, response);
    }
}
