package org.xiaodai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.audit.AuditVerification;
import org.xiaodai.shared.Actor;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.tenant.TenantWall;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL. Appends are serialised with a transaction-scoped advisory lock so
 * the chain has exactly one successor per entry; the lock is held until the business transaction
 * commits, which is the price of a linear chain.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x5844_4155_4449_5400L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        append(record.action(), record.entityType(), record.entityId(), record.institutionId(),
                toJson(record.before()), toJson(record.after()));
    }

    @Override
    @Transactional
    public void recordSensitiveRead(String entityType, Object entityId, UUID institutionId, String fields) {
        append("pii.viewed", entityType, String.valueOf(entityId), institutionId, null, toJson(java.util.Map.of("fields", fields)));
    }

    private void append(String action, String entityType, String entityId, UUID institutionId,
                        String before, String after) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        String prev = jdbc.sql("select hash from audit_entry order by seq desc limit 1")
                .query(String.class).optional().orElse(GENESIS);
        Actor actor = currentActor();
        AuditContent content = new AuditContent(
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                actor == null ? null : actor.actorId(),
                actor == null ? "system" : actor.actorName(),
                actor == null ? null : actor.actorOrganisationId(),
                clientAddress(), action, entityType, entityId, institutionId, before, after);
        String hash = Sha256.hex(prev + content.canonical());
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor_id, actor_name, organisation_id, client_address, action,
                    entity_type, entity_id, institution_id, before_state, after_state, prev_hash, hash)
                values (:at, :actorId, :actorName, :orgId, :client, :action, :entityType, :entityId, :institutionId,
                    :before, :after, :prev, :hash)
                """)
                .param("at", java.sql.Timestamp.from(content.occurredAt()))
                .param("actorId", content.actorId()).param("actorName", content.actorName())
                .param("orgId", content.organisationId()).param("client", content.clientAddress())
                .param("action", action).param("entityType", entityType).param("entityId", entityId)
                .param("institutionId", institutionId).param("before", before).param("after", after)
                .param("prev", prev).param("hash", hash)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        // the chain links every institution's entries, so it is walked region-wide; only the
        // verdict (and the first broken entry's seq and id) leaves this method
        return TenantWall.regionWide(() -> {
            ChainWalker walker = new ChainWalker();
            jdbc.sql("select * from audit_entry order by seq").query((RowCallbackHandler) walker);
            return walker.result();
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntryView> latest(int limit) {
        return jdbc.sql("select * from audit_entry order by seq desc limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new AuditEntryView(rs.getLong("seq"), rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"),
                        rs.getString("client_address"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getObject("institution_id", UUID.class),
                        rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }

    /** Walks rows in order, checking each link and each entry's own hash. */
    private static final class ChainWalker implements RowCallbackHandler {
        private String expectedPrev = GENESIS;
        private long checked;
        private AuditVerification broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            checked++;
            AuditContent content = AuditContent.from(rs);
            String prev = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            if (!prev.equals(expectedPrev)) {
                broken = new AuditVerification(false, checked, rs.getLong("seq"), rs.getString("id"), "chainBroken");
            } else if (!Sha256.hex(prev + content.canonical()).equals(hash)) {
                broken = new AuditVerification(false, checked, rs.getLong("seq"), rs.getString("id"), "hashMismatch");
            }
            expectedPrev = hash;
        }

        AuditVerification result() {
            return broken != null ? broken : AuditVerification.intact(checked);
        }
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
