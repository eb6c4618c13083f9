package org.xiaodai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hashed content of an entry. The canonical form joins every field with a unit separator and
 * writes null as a distinct marker, so no two different entries share a canonical form.
 */
record AuditContent(Instant occurredAt, UUID actorId, String actorName, UUID organisationId, String clientAddress,
                    String action, String entityType, String entityId, UUID institutionId,
                    String before, String after) {

    private static final String NULL = "\u2400";

    String canonical() {
        return Stream.of(occurredAt, actorId, actorName, organisationId, clientAddress, action, entityType,
                        entityId, institutionId, before, after)
                .map(v -> v == null ? NULL : Objects.toString(v).replace("\u001f", "\\u001f"))
                .collect(Collectors.joining("\u001f"));
    }

    static AuditContent from(ResultSet rs) throws SQLException {
        return new AuditContent(rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"), rs.getObject("organisation_id", UUID.class), rs.getString("client_address"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getObject("institution_id", UUID.class), rs.getString("before_state"), rs.getString("after_state"));
    }
}
