package org.xiaodai.iam.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiaodai.shared.problem.ProblemDetails;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Authenticates {@code Authorization: Bearer xd_…} requests; a bad token is a 401, never a fallback
 * to anonymous. A remembered principal's currency check ({@link ApiTokens#authenticate}) is left to
 * the request's first transaction; a request that begins none makes it before the first byte of its
 * response is written (or, with no body, before the response completes), so an ended token is
 * refused either way.
 */
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
        Optional<ApiTokens.Authentication> authentication = tokens.authenticate(header.substring(7).trim());
        if (authentication.isEmpty()) {
            SecurityConfiguration.unauthorized(problems, request, response, "invalid-token");
            return;
        }
        if (authentication.get().user().passwordChangeRequired()) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Principals.authentication(authentication.get().user()));
        SecurityContextHolder.setContext(context);
        ApiTokens.CurrencyCheck check = authentication.get().check();
        if (check == null) {
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        TenantWall.checkInNextTransaction(check);
        CheckedResponse checked = new CheckedResponse(request, response);
        try {
            chain.doFilter(request, checked);
            checked.ensureChecked();
        } finally {
            TenantWall.takePendingCheck();
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The response of a request whose principal is not yet checked: the first attempt to write it
     * makes the check if no transaction has; an ended token's request gets the 401 instead, and
     * whatever the handler writes goes nowhere.
     */
    private final class CheckedResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private boolean refused;

        CheckedResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
            this.response = response;
        }

        /** Makes a still pending check; true when the token ended and the 401 was written. */
        boolean ensureChecked() throws IOException {
            if (refused) {
                return true;
            }
            Optional<TenantWall.FirstTransactionCheck> pending = TenantWall.takePendingCheck();
            if (pending.isEmpty() || !((ApiTokens.CurrencyCheck) pending.get()).endedNow()) {
                return false;
            }
            refused = true;
            if (!response.isCommitted()) {
                response.reset();
                SecurityConfiguration.unauthorized(problems, request, response, "invalid-token");
            }
            return true;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return ensureChecked() ? Discarding.STREAM : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return ensureChecked() ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!ensureChecked()) {
                super.flushBuffer();
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!ensureChecked()) {
                super.sendError(sc, msg);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (!ensureChecked()) {
                super.sendError(sc);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (!ensureChecked()) {
                super.sendRedirect(location);
            }
        }

        @Override
        public void setStatus(int sc) {
            if (!refused) {
                super.setStatus(sc);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!refused) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!refused) {
                super.setContentType(type);
            }
        }

        @Override
        public void setCharacterEncoding(String charset) {
            if (!refused) {
                super.setCharacterEncoding(charset);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!refused) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!refused) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!refused) {
                super.addHeader(name, value);
            }
        }
    }

    /** Swallows what a refused request's handler still writes. */
    private static final class Discarding extends ServletOutputStream {

        static final Discarding STREAM = new Discarding();

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
