package org.xiaodai.iam.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;

/** Until a user with a temporary password sets their own, every page leads to the password form. */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean mustChange = CurrentUsers.current().map(CurrentUser::passwordChangeRequired).orElse(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (mustChange && !path.equals(PASSWORD_PAGE) && !path.equals("/logout") && !isStatic(path)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/img/") || path.equals("/locale");
    }
}
