package org.xiaodai.eod.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.problem.ProblemException;

/**
 * This instance's share of end of day: {@code xiaodai.eod.workers} threads on every running run
 * it knows of — one it was just asked for, or one it finds in the database every
 * {@code xiaodai.eod.poll-interval} (another instance's, or one a crash left running, which is how
 * a run resumes after {@code kill -9}) — and the nightly schedule ({@code xiaodai.eod.schedule}),
 * which asks for a run through yesterday's calendar date for every lender whose business date is
 * behind it, so dates missed while the platform was down are caught up in order. Not during an
 * operations command, which must see the database as it is.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class EodWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EodWorkers.class);

    private final EndOfDayRunner runner;
    private final EodProperties properties;
    private final Clock clock;
    /** Runs this instance works on, with how many of its threads are on each. */
    private final Map<UUID, AtomicInteger> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private ScheduledThreadPoolExecutor timer;
    private ExecutorService drivers;

    EodWorkers(EndOfDayRunner runner, EodProperties properties, Clock clock) {
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
    }

    /** Puts this instance's workers on the run (no-op when they are on it already). */
    void work(UUID institutionId, UUID runId) {
        if (stopping || drivers == null || active.putIfAbsent(runId, new AtomicInteger(properties.workers())) != null) {
            return;
        }
        for (int i = 0; i < properties.workers(); i++) {
            try {
                drivers.execute(() -> drive(institutionId, runId));
            } catch (RejectedExecutionException shuttingDown) {
                finished(runId);
            }
        }
    }

    private void drive(UUID institutionId, UUID runId) {
        try {
            runner.drive(institutionId, runId, () -> stopping);
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("End of day run {} stopped on this instance: {}; the next poll picks it up again", runId, e.toString());
            }
        } finally {
            finished(runId);
        }
    }

    private void finished(UUID runId) {
        active.computeIfPresent(runId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        stopping = false;
        drivers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("eod-worker-", 0).factory());
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("eod-timer").daemon().factory());
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long poll = Math.max(100, properties.pollInterval().toMillis());
        timer.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
        if (properties.scheduled()) {
            scheduleNext(CronExpression.parse(properties.schedule()));
        } else {
            log.info("End of day schedule off (xiaodai.eod.schedule=-): days close when an administrator asks");
        }
    }

    private void poll() {
        if (stopping) {
            return;
        }
        try {
            for (UUID[] run : runner.runningEverywhere()) {
                work(run[1], run[0]);
            }
        } catch (RuntimeException e) {
            log.debug("End of day poll failed: {}", e.toString());
        }
    }

    private void scheduleNext(CronExpression cron) {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), clock.getZone());
        ZonedDateTime next = cron.next(now);
        if (next == null) {
            log.warn("End of day schedule {} never fires", properties.schedule());
            return;
        }
        log.info("End of day scheduled ({} in {}): next at {}", properties.schedule(), clock.getZone(), next);
        long delay = Math.max(0, next.toInstant().toEpochMilli() - clock.instant().toEpochMilli());
        try {
            timer.schedule(() -> {
                closeBehind();
                scheduleNext(cron);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // no next round
        }
    }

    /** Every lender's dates before today's calendar date. */
    void closeBehind() {
        if (stopping) {
            return;
        }
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), clock.getZone()).minusDays(1);
        try {
            for (UUID institutionId : runner.lendersBehind(yesterday)) {
                try {
                    EodRun run = runner.request(institutionId, yesterday, EndOfDayRunner.SCHEDULE, null);
                    work(institutionId, run.id());
                } catch (ProblemException running) {
                    log.info("End of day for {} not scheduled: {}", institutionId, running.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled end of day failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        stopping = true;
        timer.shutdownNow();
        drivers.shutdown();
        try {
            if (!drivers.awaitTermination(20, TimeUnit.SECONDS)) {
                drivers.shutdownNow();
            }
        } catch (InterruptedException e) {
            drivers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer = null;
        drivers = null;
        active.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
