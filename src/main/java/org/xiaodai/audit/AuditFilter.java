package org.xiaodai.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which entries a reader wants; every field is optional (null: no restriction). The tenant wall
 * still decides which entries the reader may see at all.
 *
 * @param from          entries at or after this instant
 * @param to            entries before this instant
 * @param actor         the actor's username (exact, case-insensitive) or id
 * @param action        the action code, e.g. {@code iam.user.created}
 * @param institutionId entries about this institution's data
 * @param object        the entity: its id, or its kind ({@code user}), or {@code kind:id}
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, UUID institutionId, String object) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
