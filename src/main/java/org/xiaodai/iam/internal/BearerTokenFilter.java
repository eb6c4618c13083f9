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
 * Such a read runs statement by statement ({@link TenantWall#readsPerStatement}): no {@code BEGIN}
 * or {@code COMMIT}, the setting sent with each statement and the check with the first, whose rows
 * are read only after the check. When the check fails there, the request's code has begun: it is
 * stopped ({@link TenantWall.RetryRequest}) before any row reached it, its response (not yet sent)
 * is reset and the request is answered afresh in one transaction as above. A request whose code
 * made no statement is checked in a statement of its own before its response leaves.
 * <p>
 * Writes keep their own transactions (a service's failure must not take back what another call
 * of the same request committed). A write whose token resolved before, with a small body read as a
 * stream (JSON or none), is buffered ({@link ReplayableRequest}) and carries the same check in its first
 * transaction's setting statement: a refusal stops that transaction as it begins, before any row is
 * read or written, and every later transaction of the request; the response is then reset and the
 * request answered afresh with the token resolved again (401 when it no longer stands for anyone). A
 * write that made no transaction is checked in a statement of its own before its answer leaves. Other
 * writes confirm the principal in a round trip before them ({@link ApiTokens#resolve}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemDetails problems;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    BearerTokenFilter(ApiTokens tokens, ProblemDetails problems, TransactionTemplate transactions) {
        this.tokens = tokens;
        this.problems = problems;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        this.reads.setReadOnly(true);
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
            boolean read = isRead(request);
            Optional<ApiTokens.Remembered> remembered = tokens.remembered(token);
            Optional<ReplayableRequest> write = read || remembered.isEmpty() ? Optional.empty() : ReplayableRequest.of(request);
            if (write.isPresent()) {
                if (!writeCheckedInFirstTransaction(remembered.get(), write.get(), response, chain)) {
                    response.reset();
                    SecurityContextHolder.clearContext();
                    ReplayableRequest again = write.get().again();
                    if (admitted(tokens.resolve(token), again, response)) {
                        chain.doFilter(again, response);
                    }
                }
            } else if (read && remembered.isPresent()) {
                if (!readPerStatement(remembered.get(), request, response, chain)) {
                    response.reset();
                    SecurityContextHolder.clearContext();
                    Optional<ApiTokens.Remembered> again = tokens.remembered(token);
                    if (again.isPresent()) {
                        readInOneTransaction(again.get(), request, response, chain);
                    } else if (admitted(tokens.resolve(token), request, response)) {
                        chain.doFilter(request, response);
                    }
                }
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

    /**
     * The read statement by statement; false when the remembered principal's check failed on the way
     * and the request must be answered afresh (its response is not yet sent).
     */
    private boolean readPerStatement(ApiTokens.Remembered remembered, HttpServletRequest request,
                                     HttpServletResponse response, FilterChain chain) {
        authenticate(remembered.user());
        CheckedResponse checked = new CheckedResponse(response, remembered);
        return answeredOn(remembered, response, () -> TenantWall.withRider(remembered,
                () -> TenantWall.readsPerStatement(() -> reads.execute(status -> {
                    filterChecked(chain, request, checked);
                    if (status.isRollbackOnly()) {
                        status.setRollbackOnly(); // a service failed and the response says so: roll back quietly
                    }
                    return null;
                }))));
    }

    /**
     * A write on the remembered principal, checked in its first transaction's setting statement; false
     * when the check failed before anything was committed or answered, and the request must be answered
     * afresh. A refused check stops that transaction as it begins ({@link TenantWall.RetryRequest}) and
     * every later one of the request (the rider holds until confirmed), so no write of the request
     * commits on a principal that no longer holds; a request that made no transaction is checked in a
     * statement of its own before its answer leaves.
     */
    private boolean writeCheckedInFirstTransaction(ApiTokens.Remembered remembered, HttpServletRequest request,
                                                   HttpServletResponse response, FilterChain chain) {
        authenticate(remembered.user());
        CheckedResponse checked = new CheckedResponse(response, remembered);
        return answeredOn(remembered, response, () -> TenantWall.withRider(new FirstTransactionCheck(remembered), () -> {
            filterChecked(chain, request, checked);
            return null;
        }));
    }

    /**
     * Runs {@code answer} on the remembered principal; false when its check failed before the response was
     * sent, and the request must be answered afresh. A failure that is not the check's, or that comes after the
     * response was sent, goes on up.
     */
    private static boolean answeredOn(ApiTokens.Remembered remembered, HttpServletResponse response, Runnable answer) {
        try {
            answer.run();
        } catch (RuntimeException e) {
            if (!(retried(e) || refused(remembered)) || response.isCommitted()) {
                throw e;
            }
            return false;
        }
        // a refusal swallowed on the way (an exception handler that failed) still means: answer afresh
        if (refused(remembered) && response.isCommitted()) {
            throw new TenantWall.RetryRequest("the remembered principal was found no longer current after its answer was sent");
        }
        return !refused(remembered);
    }

    /** The rest of the chain on the checked response, then the check made if the request's code made none. */
    private static void filterChecked(FilterChain chain, HttpServletRequest request, CheckedResponse checked) {
        try {
            chain.doFilter(request, checked);
        } catch (IOException | ServletException e) {
            throw new Failed(e);
        }
        checked.check();
    }

    /** The remembered principal's check for a write: a refusal stops the transaction as it begins, and the next ones. */
    private record FirstTransactionCheck(ApiTokens.Remembered remembered) implements TenantWall.Rider {

        @Override
        public String sql() {
            return remembered.sql();
        }

        @Override
        public int parameterCount() {
            return remembered.parameterCount();
        }

        @Override
        public void bind(java.sql.PreparedStatement statement, int firstIndex) throws java.sql.SQLException {
            remembered.bind(statement, firstIndex);
        }

        @Override
        public void answer(boolean value) {
            remembered.answer(value);
            if (!value) {
                throw new TenantWall.RetryRequest("the remembered principal is no longer current");
            }
        }

        @Override
        public boolean holdsUntilConfirmed() {
            return true;
        }
    }

    private static boolean refused(ApiTokens.Remembered remembered) {
        return remembered.answered() && !remembered.confirmed();
    }

    /**
     * The response of a read whose principal is checked in its first statement: before its first byte
     * (or an error or a redirect) it makes sure the check was made — in a statement of its own when the
     * request's code made none — and refuses to go on when it failed, so that the answer can still be
     * reset and made afresh.
     */
    private static final class CheckedResponse extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final ApiTokens.Remembered remembered;

        CheckedResponse(HttpServletResponse response, ApiTokens.Remembered remembered) {
            super(response);
            this.remembered = remembered;
        }

        void check() {
            if (!remembered.answered()) {
                remembered.checkNow();
            }
            if (!remembered.confirmed()) {
                throw new TenantWall.RetryRequest("the remembered principal is no longer current");
            }
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            check();
            return super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            check();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            check();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc) throws IOException {
            check();
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            check();
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            check();
            super.sendRedirect(location);
        }
    }

    private static boolean retried(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TenantWall.RetryRequest) {
                return true;
            }
        }
        return false;
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
