package org.xiaodai.scoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;

/**
 * Runs the stability check of every institution with active models once a day
 * ({@code xiaodai.scoring.monitoring-interval}, default 24 h; the first run an interval after
 * start), each institution inside its own tenant wall at its own business date. Not during an
 * operations command.
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
class StabilitySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StabilitySchedule.class);

    private final StabilityMonitor monitor;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final Duration interval;
    private ScheduledThreadPoolExecutor executor;

    StabilitySchedule(StabilityMonitor monitor, JdbcClient jdbc, TransactionTemplate transactions,
            BusinessDate businessDate, Clock clock,
            @Value("${xiaodai.scoring.monitoring-interval:24h}") Duration interval) {
        this.monitor = monitor;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.businessDate = businessDate;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null || interval.isZero() || interval.isNegative()) {
            return;
        }
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("scoring-stability").daemon().factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** One round over every institution; @return how many models were checked */
    int runOnce() {
        List<UUID> institutions = TenantWall.regionWide(() -> transactions.execute(tx ->
                jdbc.sql("select distinct institution_id from scoring_assignment").query(UUID.class).list()));
        int checked = 0;
        for (UUID institution : institutions) {
            LocalDate asOf = today(institution);
            checked += TenantWall.asInstitution(institution, () -> monitor.checkActiveModels(asOf).size());
        }
        return checked;
    }

    private void runQuietly() {
        try {
            log.info("Scoring stability check: {} models checked", runOnce());
        } catch (RuntimeException e) {
            log.warn("Scoring stability check failed: {}", e.getMessage());
        }
    }

    private LocalDate today(UUID institution) {
        try {
            return businessDate.of(institution);
        } catch (NoSuchElementException e) {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }
    }
}
