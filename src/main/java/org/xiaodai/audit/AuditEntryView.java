package org.xiaodai.audit;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry as shown to readers.
 *
 * @param before the entity's state before the change (JSON text), null for creations and reads
 * @param after  its state after the change (JSON text), null for deletions
 */
@Schema(description = "One entry of the audit trail.")
public record AuditEntryView(
        @Schema(description = "Position in the chain, ascending with time.", example = "1042") long seq,
        UUID id,
        Instant occurredAt,
        @Schema(description = "Username of the actor, or `system`.", example = "a-admin") String actorName,
        @Schema(description = "The client's IP address, when the change came over HTTP.", example = "203.0.113.7")
        @Nullable String clientAddress,
        @Schema(example = "iam.user.created") String action,
        @Schema(example = "user") String entityType,
        @Schema(description = "The entity's key as text; opaque: a UUID for most kinds of entity, not for all.")
        @Nullable String entityId,
        @Nullable UUID institutionId,
        @Schema(description = "State before the change, as JSON text.") @Nullable String before,
        @Schema(description = "State after the change, as JSON text.") @Nullable String after,
        @Schema(description = "The acting user; null for system work.") @Nullable UUID actorId,
        @Schema(description = "The organisation the actor belongs to; null for system work.") @Nullable UUID actorOrganisationId) {
}
