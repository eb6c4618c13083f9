package org.xiaodai.iam.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.domain.LockoutPolicy;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Checks a username and password for form login, token requests and password changes by
 * credentials. Every refusal — unknown user, wrong password, locked or disabled account — is the
 * same {@link BadCredentialsException} after the same work, so nothing tells whether an account
 * exists.
 * <p>
 * Lockout is exact under concurrency: before a password is checked, the attempt takes a numbered
 * slot with one atomic, immediately committed update that succeeds only while fewer than
 * {@code maxFailedLogins} slots are taken and the account is not locked. So at most that many
 * guesses are ever checked per lock period, however many arrive at once; the one that fails the
 * last slot locks the account; a success frees every slot. Each attempt is counted and audited
 * once.
 */
@Component
class Authenticator implements AuthenticationProvider {

    /** The longest password ever checked; the policy allows no longer ones. */
    static final int MAX_PASSWORD_LENGTH = 128;
    private final String dummyHash;
    private final IamRepository repository;
    private final PasswordEncoder passwords;
    private final Principals principals;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final LockoutPolicy lockout;

    Authenticator(IamRepository repository, PasswordEncoder passwords, Principals principals,
                  TransactionTemplate transactions, AuditTrail audit, Clock clock, IamProperties properties) {
        this.repository = repository;
        this.passwords = passwords;
        this.principals = principals;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.lockout = new LockoutPolicy(properties.maxFailedLogins(), properties.lockDuration());
        this.dummyHash = passwords.encode("timing-equaliser");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        CurrentUser user = check(authentication.getName(), String.valueOf(authentication.getCredentials()));
        return Principals.authentication(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The user for these credentials, or a {@link BadCredentialsException}. Region-wide: the user's
     * institution is what we are about to find out.
     */
    CurrentUser check(String username, String password) {
        return TenantWall.regionWide(() -> attempt(username == null ? "" : username.trim(), password));
    }

    private CurrentUser attempt(String username, String password) {
        Optional<UserRow> found = transactions.execute(tx -> repository.userByUsername(username));
        if (found.isEmpty() || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return refuse();
        }
        UserRow user = found.get();
        Instant now = clock.instant();
        Integer slot = transactions.execute(tx -> repository.takeAttemptSlot(user.id(), lockout.maxFailures(), now)
                .orElse(null));
        if (slot == null) {
            return refuse(); // locked or disabled: answered like a wrong password
        }
        if (!passwords.matches(password, user.passwordHash())) {
            Instant lockedUntil = lockout.lockAfterFailure(slot, now);
            transactions.executeWithoutResult(tx -> recordFailure(user, slot, lockedUntil));
            throw new BadCredentialsException("bad credentials");
        }
        return transactions.execute(tx -> succeed(user, password));
    }

    /** Same work as a real check, then the one refusal every failure gets. */
    private CurrentUser refuse() {
        passwords.matches("timing-equaliser-miss", dummyHash);
        throw new BadCredentialsException("bad credentials");
    }

    private void recordFailure(UserRow user, int failures, Instant lockedUntil) {
        if (lockedUntil != null) {
            repository.lock(user.id(), lockedUntil);
        }
        audit.record(AuditRecord.changed(lockedUntil == null ? "iam.login.failed" : "iam.user.locked", "user",
                user.id(), user.institutionId(), Map.of("failedAttempts", failures - 1),
                lockedUntil == null ? Map.of("failedAttempts", failures)
                        : Map.of("failedAttempts", failures, "lockedUntil", lockedUntil.toString())));
    }

    private CurrentUser succeed(UserRow user, String password) {
        repository.recordSuccess(user.id());
        if (passwords.upgradeEncoding(user.passwordHash())) {
            repository.rehashPassword(user.id(), passwords.encode(password));
        }
        CurrentUser signedIn = principals.of(repository.user(user.id()).orElseThrow());
        // nobody is signed in yet while this runs: the entry names the user who just signed in
        audit.recordAs(signedIn, AuditRecord.changed("iam.login.succeeded", "user", user.id(), user.institutionId(),
                Map.of("failedAttempts", user.failedAttempts()), Map.of("failedAttempts", 0)));
        return signedIn;
    }
}
