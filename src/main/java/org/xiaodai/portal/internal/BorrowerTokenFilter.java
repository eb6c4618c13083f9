package org.xiaodai.portal.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.shared.problem.ProblemDetails;

/** Authenticates {@code Authorization: Bearer xdp_…} on the portal API; a bad token is a 401. */
class BorrowerTokenFilter extends OncePerRequestFilter {

    private final Borrowers borrowers;
    private final ProblemDetails problems;

    BorrowerTokenFilter(Borrowers borrowers, ProblemDetails problems) {
        this.borrowers = borrowers;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        // registration and sign-in are public: whatever token comes along is not looked at there
        boolean publicAuth = request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/portal/auth/");
        if (!publicAuth && header != null && header.startsWith("Bearer ")) {
            var borrower = borrowers.byToken(header.substring(7).strip());
            if (borrower.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer");
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(authentication(borrower.get()));
        }
        chain.doFilter(request, response);
    }

    static UsernamePasswordAuthenticationToken authentication(BorrowerPrincipal borrower) {
        return UsernamePasswordAuthenticationToken.authenticated(borrower, null,
                List.of(new SimpleGrantedAuthority(BorrowerPrincipal.AUTHORITY)));
    }
}
