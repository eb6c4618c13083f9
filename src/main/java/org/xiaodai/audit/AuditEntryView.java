package org.xiaodai.audit;

import java.time.Instant;
import java.util.UUID;

/** An audit entry as shown to readers. */
public record AuditEntryView(long seq, UUID id, Instant occurredAt, String actorName, String clientAddress,
                             String action, String entityType, String entityId, UUID institutionId,
                             String before, String after) {
}
