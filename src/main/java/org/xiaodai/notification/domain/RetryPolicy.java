package org.xiaodai.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How often a failed delivery is tried again: up to {@code maxAttempts} attempts in all, waiting
 * {@code firstDelay} after the first failure and twice as long after each further one.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay must not be null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * When to try again after attempt number {@code attemptsMade} (1-based) failed at {@code failedAt};
     * empty when that was the last attempt (final failure).
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attemptsMade - 1, 20);
        return Optional.of(failedAt.plus(firstDelay.multipliedBy(factor)));
    }
}
