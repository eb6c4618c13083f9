package org.xiaodai.iam.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Ends a signed-in session at its next request once the user's password was changed or reset, the
 * user was disabled or lost a role: the principal in the session remembers the user's security
 * version, and every request compares it with the stored one. Because the check reads the
 * database, it holds on every instance behind a load balancer, with no session replication.
 */
class SessionValidityFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SessionValidityFilter(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = CurrentUsers.current();
        if (user.isEmpty() || stillValid(user.get())) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        String login = request.getContextPath() + "/login?expired";
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(login);
    }

    private boolean stillValid(CurrentUser user) {
        Integer stored = TenantWall.asActor(user, () -> transactions.execute(tx -> jdbc.sql(
                        "select security_version from iam_user where id = ? and enabled")
                .param(user.userId()).query(Integer.class).optional().orElse(null)));
        return stored != null && stored == user.securityVersion();
    }
}
