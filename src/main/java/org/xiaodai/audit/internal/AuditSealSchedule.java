package org.xiaodai.audit.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a sealing round every {@code xiaodai.audit.seal-interval} on one background thread, from
 * start-up until shutdown begins (before the database pool closes). Not during an operations
 * command ({@code xiaodai.ops.command}), which must see the database exactly as it is.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class AuditSealSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSealSchedule.class);

    private final AuditSealer sealer;
    private final Duration interval;
    private ScheduledExecutorService executor;

    AuditSealSchedule(AuditSealer sealer, AuditProperties properties) {
        this.sealer = sealer;
        this.interval = properties.sealInterval();
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-sealer").daemon().factory());
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::sealQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A failed round (database restarting, a restore replacing the tables) is retried by the next one. */
    private void sealQuietly() {
        try {
            int sealed = sealer.sealRecent();
            if (sealed > 0) {
                log.debug("Sealed {} audit entries", sealed);
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the audit chain failed, retrying in {}: {}", interval, e.toString());
            log.debug("Sealing failure", e);
        }
    }
}
