package org.xiaodai.audit.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Runs a sealing round {@code xiaodai.audit.seal-interval} after the last one ended, or at once
 * while entries pile up, on one background thread, from start-up until shutdown begins (before
 * the database pool closes). Not during an operations command ({@code xiaodai.ops.command}),
 * which must see the database exactly as it is.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class AuditSealSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSealSchedule.class);

    private final AuditSealer sealer;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** Only the sealer thread reads and writes it. */
    private boolean failing;

    AuditSealSchedule(AuditSealer sealer, AuditProperties properties) {
        this.sealer = sealer;
        this.interval = properties.sealInterval();
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || executor != null) {
            return;
        }
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("audit-sealer").daemon().factory());
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.schedule(() -> round(thread), interval.toNanos(), TimeUnit.NANOSECONDS);
        executor = thread;
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

    private void round(ScheduledExecutorService thread) {
        boolean sealed = sealQuietly();
        if (!thread.isShutdown()) {
            try {
                long delay = sealed && sealer.behind() ? 0 : interval.toNanos();
                thread.schedule(() -> round(thread), delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // no next round
            }
        }
    }

    /**
     * A failed round (database restarting, a restore replacing the tables) is retried by the next
     * one; a run of failures is logged once, and the recovery too.
     *
     * @return false when the round failed
     */
    private boolean sealQuietly() {
        try {
            long start = System.nanoTime();
            int sealed = sealer.sealRecent();
            if (sealed > 0) {
                log.debug("Sealed {} audit entries in {} ms", sealed, (System.nanoTime() - start) / 1_000_000);
            }
            if (failing) {
                failing = false;
                log.info("Sealing the audit chain works again");
            }
            return true;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Sealing the audit chain failed, retrying every {}: {}", interval,
                        NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            }
            log.debug("Sealing failure", e);
            return false;
        }
    }
}
