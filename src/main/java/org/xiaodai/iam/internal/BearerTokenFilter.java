package org.xiaodai.iam.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.ProblemDetails;

/** Authenticates {@code Authorization: Bearer xd_…} requests; a bad token is a 401, never a fallback to anonymous. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemDetails problems;

    BearerTokenFilter(ApiTokens tokens, ProblemDetails problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> user = tokens.resolve(header.substring(7).trim());
        if (user.isEmpty()) {
            SecurityConfiguration.unauthorized(problems, request, response, "invalid-token");
            return;
        }
        if (user.get().passwordChangeRequired()) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Principals.authentication(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
