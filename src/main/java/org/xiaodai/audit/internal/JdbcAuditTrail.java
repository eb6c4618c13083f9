package org.xiaodai.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import java.util.function.Consumer;

import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditFilter;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.audit.AuditVerification;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.tenant.TenantWall;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL. Recording is one INSERT in the caller's transaction, so an entry
 * commits or rolls back with the change it describes, and takes no lock: concurrent writers do
 * not wait for each other. {@link AuditSealer} chains committed entries shortly afterwards, and
 * verification seals what has committed before it walks the chain.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final AuditSealer sealer;
    private final TransactionTemplate snapshot;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, JsonMapper json, AuditSealer sealer,
                   PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.sealer = sealer;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        append(currentActor(), record.action(), record.entityType(), record.entityId(), record.institutionId(),
                toJson(record.before()), toJson(record.after()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(Actor actor, AuditRecord record) {
        append(actor, record.action(), record.entityType(), record.entityId(), record.institutionId(),
                toJson(record.before()), toJson(record.after()));
    }

    @Override
    @Transactional
    public void recordSensitiveRead(String entityType, Object entityId, UUID institutionId, String fields) {
        append(currentActor(), "pii.viewed", entityType, String.valueOf(entityId), institutionId, null, toJson(java.util.Map.of("fields", fields)));
    }

    /**
     * Appends one entry to the current transaction's pending entries; they are inserted with one
     * multi-row INSERT per tenant-wall setting just before the transaction commits (a submission
     * records some ten entries). They commit or roll back with the change as before; an entry
     * recorded while the pending ones are being written (a late before-commit callback) or outside
     * transaction synchronisation is inserted at once.
     */
    private void append(Actor actor, String action, String entityType, String entityId, UUID institutionId,
                        String before, String after) {
        AuditContent content = new AuditContent(
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                actor == null ? null : actor.actorId(),
                actor == null ? "system" : actor.actorName(),
                actor == null ? null : actor.actorOrganisationId(),
                clientAddress(), action, entityType, entityId, institutionId, before, after);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(List.of(content));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(pendingKey);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(pendingKey, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.flushed) {
            insert(List.of(content));
        } else {
            pending.add(TenantWall.current(), content);
        }
        pending.count++;
    }

    private final Object pendingKey = new Object();

    /** Rows per INSERT (11 parameters a row, well below the driver's 65,535). */
    private static final int ROWS_PER_INSERT = 1000;

    private void insert(List<AuditContent> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            List<AuditContent> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("""
                    insert into audit_entry (occurred_at, actor_id, actor_name, organisation_id, client_address, action,
                        entity_type, entity_id, institution_id, before_state, after_state) values """);
            List<Object> params = new java.util.ArrayList<>(chunk.size() * 11);
            for (int i = 0; i < chunk.size(); i++) {
                AuditContent c = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(java.sql.Timestamp.from(c.occurredAt()), c.actorId(), c.actorName(),
                        c.organisationId(), c.clientAddress(), c.action(), c.entityType(), c.entityId(), c.institutionId(),
                        c.before(), c.after()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /**
     * One transaction's entries not inserted yet, in recording order, in runs of the tenant-wall
     * setting they were recorded under (each run is inserted under its own setting, as a single
     * INSERT would have been). Follows its transaction through suspension.
     */
    private final class Pending implements TransactionSynchronization {

        private final List<java.util.Map.Entry<TenantWall.Setting, List<AuditContent>>> runs = new java.util.ArrayList<>();
        private boolean flushed;
        private int count;

        void add(TenantWall.Setting wall, AuditContent content) {
            if (runs.isEmpty() || !runs.getLast().getKey().equals(wall)) {
                runs.add(java.util.Map.entry(wall, new java.util.ArrayList<>()));
            }
            runs.getLast().getValue().add(content);
        }

        @Override
        public int getOrder() {
            // after every other before-commit callback, which may still record
            return LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushed = true;
            TenantWall.Setting now = TenantWall.current();
            for (var run : runs) {
                TenantWall.Setting wall = run.getKey();
                List<AuditContent> entries = run.getValue();
                if (wall.equals(now) || !wall.regionWide() && wall.institutionId() == null) {
                    insert(entries);
                } else if (wall.regionWide()) {
                    TenantWall.regionWide(() -> insert(entries));
                } else {
                    TenantWall.asInstitution(wall.institutionId(), () -> insert(entries));
                }
            }
            runs.clear();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(pendingKey, this);
        }

        @Override
        public void afterCommit() {
            for (int i = 0; i < count; i++) {
                sealer.committed();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
        }
    }

    /**
     * Seals what has committed, then checks the whole region-wide chain in one snapshot, whoever
     * asks: the chain spans every institution, and the answer names at most one entry.
     */
    @Override
    public AuditVerification verify() {
        sealer.sealAll();
        return TenantWall.regionWide(() -> snapshot.execute(tx -> {
            AuditChainWalker walker = new AuditChainWalker();
            jdbc.sql(AuditChainWalker.QUERY).withFetchSize(1000).query((RowCallbackHandler) walker);
            // every seal names a distinct entry (unique), so the difference is what awaits a seal
            long pending = jdbc.sql("select (select count(*) from audit_entry) - (select count(*) from audit_seal)")
                    .query(Long.class).single();
            return walker.result(Math.max(0, pending));
        }));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntryView> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by seq desc limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query(AuditQueries::view).list();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<AuditEntryView> search(AuditFilter filter, ListQuery query) {
        return AuditQueries.filtered(jdbc, filter).fetch(query, AuditQueries::view);
    }

    @Override
    @Transactional(readOnly = true)
    public long export(AuditFilter filter, int max, Consumer<AuditEntryView> sink) {
        return AuditQueries.filtered(jdbc, filter).forEach(ListQuery.first(SORTING), max, AuditQueries::view, sink);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_entry order by action").query(String.class).list();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.writeValueAsString(value);
    }

    private static Actor currentActor() {
        return Actor.current().orElse(null);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

}
