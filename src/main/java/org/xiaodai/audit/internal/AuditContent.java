package org.xiaodai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * The hashed content of an entry. The canonical form joins every field with a unit separator and
 * writes null as a distinct marker, so no two different entries share a canonical form.
 */
record AuditContent(Instant occurredAt, UUID actorId, String actorName, UUID organisationId, String clientAddress,
                    String action, String entityType, String entityId, UUID institutionId,
                    String before, String after) {

    private static final String NULL = "\u2400";
    private static final String SEPARATOR = "\u001f";

    /** Built by hand rather than with a stream: the one sealer thread computes it for every entry. */
    String canonical() {
        StringBuilder out = new StringBuilder(128 + length(before) + length(after));
        Object[] fields = {occurredAt, actorId, actorName, organisationId, clientAddress, action, entityType,
                entityId, institutionId, before, after};
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(fields[i] == null ? NULL : fields[i].toString().replace(SEPARATOR, "\\u001f"));
        }
        return out.toString();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    static AuditContent from(ResultSet rs) throws SQLException {
        return new AuditContent(rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"), rs.getObject("organisation_id", UUID.class), rs.getString("client_address"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getObject("institution_id", UUID.class), rs.getString("before_state"), rs.getString("after_state"));
    }
}
