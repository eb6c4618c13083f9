package org.xiaodai.approval.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Escalates tasks whose SLA has passed: marks them escalated (the queues show them first, in red)
 * and records it, once per task. Runs every minute on one background thread, for every institution
 * (a batch over the region, one statement; each escalation is audited under its own institution).
 */
@Component
@ConditionalOnExpression("'${xiaodai.ops.command:}'.isEmpty()")
public class SlaEscalation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private ScheduledExecutorService executor;

    SlaEscalation(JdbcClient jdbc, AuditTrail audit, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Escalates every open task past its due time that is not escalated yet; returns how many. */
    public int escalateOverdue() {
        return TenantWall.regionWide(() -> transactions.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            record Escalated(UUID application, UUID institution, String level) {
            }
            List<Escalated> done = jdbc.sql("""
                    update approval_task set escalated_at = ?
                    where status = 'OPEN' and escalated_at is null and due_at < ?
                    returning application_id, institution_id, level""")
                    .params(now, now).query((rs, n) -> new Escalated(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getString(3))).list();
            for (Escalated e : done) {
                audit.record(AuditRecord.changed("approval.task.escalated", "application", e.application(),
                        e.institution(), null, Map.of("level", e.level())));
            }
            return done.size();
        }));
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("approval-sla").daemon().factory());
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.scheduleWithFixedDelay(() -> {
            try {
                escalateOverdue();
            } catch (RuntimeException e) {
                log.warn("SLA escalation round failed: {}", e.toString());
            }
        }, 60, 60, TimeUnit.SECONDS);
        executor = thread;
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
}
