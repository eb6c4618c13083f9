package org.xiaodai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditFilter;
import org.xiaodai.shared.query.PagedQuery;

/** The filtered reads of the trail; the tenant wall decides which entries a reader sees at all. */
final class AuditQueries {

    static final Map<String, String> SORTS = Map.of("seq", "t.seq", "action", "t.action", "actor", "lower(t.actor_name)");

    private AuditQueries() {
    }

    /** The entries matching {@code filter}, unsorted and unpaged. */
    static PagedQuery filtered(JdbcClient jdbc, AuditFilter filter) {
        PagedQuery query = PagedQuery.over(jdbc, "select * from audit_entry")
                .whereIf(timestamp(filter.from()), "t.occurred_at >= :from", "from")
                .whereIf(timestamp(filter.to()), "t.occurred_at < :to", "to")
                .whereIf(filter.action(), "t.action = :action", "action")
                .whereIf(filter.institutionId(), "t.institution_id = :institution", "institution");
        String actor = blankToNull(filter.actor());
        if (actor != null) {
            UUID actorId = uuid(actor);
            query = actorId != null
                    ? query.where("t.actor_id = :actorId", Map.of("actorId", actorId))
                    : query.where("lower(t.actor_name) = :actorName", Map.of("actorName", actor.toLowerCase(Locale.ROOT)));
        }
        String object = blankToNull(filter.object());
        if (object != null) {
            int colon = object.indexOf(':');
            if (colon > 0) {
                query = query.where("t.entity_type = :entityType and t.entity_id = :entityId",
                        Map.of("entityType", object.substring(0, colon), "entityId", object.substring(colon + 1)));
            } else {
                query = query.where("t.entity_id = :object or t.entity_type = :object", Map.of("object", object));
            }
        }
        return query.sortable(SORTS).tieBreaker("t.seq");
    }

    static AuditEntryView view(ResultSet rs, int n) throws SQLException {
        return new AuditEntryView(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"),
                rs.getString("client_address"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("institution_id", UUID.class),
                rs.getString("before_state"), rs.getString("after_state"),
                rs.getObject("actor_id", UUID.class), rs.getObject("organisation_id", UUID.class));
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
