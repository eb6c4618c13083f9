package org.xiaodai.iam.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.shared.problem.ProblemDetails;
import org.xiaodai.shared.ratelimit.TokenBuckets;

/**
 * Throttles password guessing per client address, on top of the per-account lockout: the form
 * login, the token request and the password change by credentials share one bucket per address
 * ({@code xiaodai.iam.login-attempts-per-minute}). Over the limit the API answers 429 with a
 * problem detail and the form goes back to the login page with a notice; no password is checked.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final ProblemDetails problems;

    LoginThrottleFilter(Clock clock, int attemptsPerMinute, ProblemDetails problems) {
        this.buckets = new TokenBuckets(clock, attemptsPerMinute);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/login") || path.equals("/api/v1/auth/token") || path.equals("/api/v1/auth/password"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.tryTake(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "60");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
        }
    }
}
