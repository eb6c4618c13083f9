package org.xiaodai.iam.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Account lockout (账户锁定): after {@code maxFailures} wrong passwords in a row the account is
 * locked for {@code lockDuration}; a successful login resets the count.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    /** Whether an account with {@code lockedUntil} is locked at {@code at}. */
    public boolean isLocked(Instant lockedUntil, Instant at) {
        return lockedUntil != null && lockedUntil.isAfter(at);
    }

    /** The lock end after one more failure, or null when the account stays open. */
    public Instant lockAfterFailure(int failuresIncludingThis, Instant at) {
        return failuresIncludingThis >= maxFailures ? at.plus(lockDuration) : null;
    }
}
