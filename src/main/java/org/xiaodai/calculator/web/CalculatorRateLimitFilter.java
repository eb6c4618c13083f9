package org.xiaodai.calculator.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.shared.problem.ProblemDetails;

/**
 * A token bucket per client address for the public calculator: {@code capacity} requests at once,
 * refilled at {@code capacity} per minute. Over the limit a client gets 429 with Retry-After: as
 * problem details from the API, as the error page from the calculator page's form. Both draw on
 * the same bucket, since both run the same computation.
 */
@Component
class CalculatorRateLimitFilter extends OncePerRequestFilter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;
    private final ProblemDetails problems;

    CalculatorRateLimitFilter(Clock clock, @Value("${xiaodai.calculator.requests-per-minute:120}") int capacity,
                              ProblemDetails problems) {
        this.clock = clock;
        this.capacity = capacity;
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
        long nowNanos = Duration.ofMillis(clock.millis()).toNanos();
        if (buckets.size() > 100_000) {
            buckets.clear(); // a crude bound on memory under an address-spraying attack
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), a -> new Bucket(capacity, nowNanos));
        if (!bucket.tryTake(nowNanos, capacity)) {
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

    /** Tokens refill continuously at capacity per minute. */
    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(int capacity, long nowNanos) {
            this.tokens = capacity;
            this.lastNanos = nowNanos;
        }

        synchronized boolean tryTake(long nowNanos, int capacity) {
            double refill = (nowNanos - lastNanos) / 60e9 * capacity;
            tokens = Math.min(capacity, tokens + Math.max(0, refill));
            lastNanos = Math.max(lastNanos, nowNanos);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
