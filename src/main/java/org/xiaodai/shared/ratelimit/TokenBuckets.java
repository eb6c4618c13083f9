package org.xiaodai.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a client address, an account): {@code capacity} at once, refilled
 * continuously at {@code capacity} per minute. Memory is bounded crudely: past 100,000 keys (an
 * address-spraying attack) every bucket starts afresh.
 */
public final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    public TokenBuckets(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Takes one token for {@code key}; false when its bucket is empty. */
    public boolean tryTake(String key) {
        long nowNanos = Duration.ofMillis(clock.millis()).toNanos();
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos)).tryTake(nowNanos, capacity);
    }

    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(int capacity, long nowNanos) {
            this.tokens = capacity;
            this.lastNanos = nowNanos;
        }

        synchronized boolean tryTake(long nowNanos, int capacity) {
            double refill = (nowNanos - lastNanos) / 60e9 * capacity;
            tokens = Math.min(capacity, tokens + Math.max(0, refill));
            lastNanos = Math.max(lastNanos, nowNanos);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
