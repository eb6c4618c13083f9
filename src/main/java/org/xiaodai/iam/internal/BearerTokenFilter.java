package org.xiaodai.iam.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.ProblemDetails;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Authenticates {@code Authorization: Bearer xd_…} requests; a bad token is a 401, never a fallback
 * to anonymous.
 * <p>
 * A read ({@code GET}, {@code HEAD}) whose token resolved to a principal before runs in one
 * transaction for the whole request, begun here before anything is authorised: the check that the
 * remembered principal still holds ({@code iam_token_current}) rides in that transaction's
 * tenant-setting statement, and when it no longer holds the token is resolved afresh in the same
 * transaction — refused (401) if it was revoked, expired or its user disabled, locked or given a new
 * password; re-read if a grant, role or branch changed — before the request goes on. So the check
 * costs no round trip of its own and the request's reads share one {@code BEGIN}/{@code COMMIT}. A
 * failed read rolls the transaction back; the response is written by then.
 * <p>
 * Writes keep their own transactions (a service's failure must not take back what another call
 * of the same request committed) and confirm the principal in a round trip before them
 * ({@link ApiTokens#resolve}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemDetails problems;
    private final TransactionTemplate transactions;

    BearerTokenFilter(ApiTokens tokens, ProblemDetails problems, TransactionTemplate transactions) {
        this.tokens = tokens;
        this.problems = problems;
        this.transactions = transactions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        try {
            Optional<ApiTokens.Remembered> remembered = isRead(request) ? tokens.remembered(token) : Optional.empty();
            if (remembered.isPresent()) {
                readInOneTransaction(remembered.get(), request, response, chain);
            } else {
                Optional<CurrentUser> user = tokens.resolve(token);
                if (admitted(user, request, response)) {
                    chain.doFilter(request, response);
                }
            }
        } catch (Failed e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void readInOneTransaction(ApiTokens.Remembered remembered, HttpServletRequest request,
                                      HttpServletResponse response, FilterChain chain) {
        authenticate(remembered.user());
        TenantWall.withRider(remembered, () -> transactions.execute(status -> {
            if (!remembered.confirmed() && !admitted(remembered.resolveAgain(), request, response)) {
                status.setRollbackOnly();
                return null;
            }
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException e) {
                throw new Failed(e);
            }
            if (status.isRollbackOnly()) {
                status.setRollbackOnly(); // a service failed and the response says so: roll back quietly
            }
            return null;
        }));
    }

    /** Puts the user in the security context, or answers 401 / 403 and says no. */
    private boolean admitted(Optional<CurrentUser> user, HttpServletRequest request, HttpServletResponse response) {
        try {
            if (user.isEmpty()) {
                SecurityConfiguration.unauthorized(problems, request, response, "invalid-token");
                return false;
            }
            if (user.get().passwordChangeRequired()) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required");
                return false;
            }
        } catch (IOException e) {
            throw new Failed(e);
        }
        authenticate(user.get());
        return true;
    }

    private static void authenticate(CurrentUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Principals.authentication(user));
        SecurityContextHolder.setContext(context);
    }

    private static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** A servlet exception carried through the transaction callback. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }
}
