package org.xiaodai.iam.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
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
 * Checks a username and password for form login and token requests: refuses disabled and locked
 * accounts, counts failures and locks after too many, in its own transaction so a failed login
 * is remembered even though the request fails.
 */
@Component
class Authenticator implements AuthenticationProvider {

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

    /** The user for these credentials, or a Spring Security exception saying why not. */
    CurrentUser check(String username, String password) {
        // region-wide: the user's institution is what we are about to find out
        Object outcome = TenantWall.regionWide(() -> transactions.execute(tx -> attempt(username, password)));
        if (outcome instanceof RuntimeException refusal) {
            throw refusal; // thrown after commit, so the failure count and lock stay recorded
        }
        return (CurrentUser) outcome;
    }

    private Object attempt(String username, String password) {
        Optional<UserRow> found = repository.userByUsername(username == null ? "" : username.trim());
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash); // same work as a real check: no user enumeration by timing
            return new BadCredentialsException("bad credentials");
        }
        UserRow user = found.get();
        Instant now = clock.instant();
        if (!user.enabled()) {
            return new DisabledException("disabled");
        }
        if (lockout.isLocked(user.lockedUntil(), now)) {
            return new LockedException("locked");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            int failures = user.failedAttempts() + 1;
            Instant lockedUntil = lockout.lockAfterFailure(failures, now);
            repository.recordFailure(user.id(), failures, lockedUntil);
            audit.record(AuditRecord.changed(lockedUntil == null ? "iam.login.failed" : "iam.user.locked", "user",
                    user.id(), user.institutionId(), Map.of("failedAttempts", user.failedAttempts()),
                    lockedUntil == null ? Map.of("failedAttempts", failures)
                            : Map.of("failedAttempts", failures, "lockedUntil", lockedUntil.toString())));
            return new BadCredentialsException("bad credentials");
        }
        repository.recordSuccess(user.id());
        audit.record(AuditRecord.changed("iam.login.succeeded", "user", user.id(), user.institutionId(),
                Map.of("failedAttempts", user.failedAttempts()), Map.of("failedAttempts", 0)));
        return principals.of(user);
    }
}
