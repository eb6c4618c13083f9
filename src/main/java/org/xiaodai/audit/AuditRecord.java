package org.xiaodai.audit;

import java.util.UUID;

/**
 * One thing to put on the record.
 *
 * @param action        what happened, e.g. {@code iam.user.created}
 * @param entityType    the kind of thing it happened to, e.g. {@code user}
 * @param entityId      its id, may be null
 * @param institutionId the institution whose data it is (scopes who may read the entry), may be null
 * @param before        state before (serialised to JSON), null for creations and reads
 * @param after         state after (serialised to JSON), null for deletions
 */
public record AuditRecord(String action, String entityType, String entityId, UUID institutionId,
                          Object before, Object after) {

    public static AuditRecord created(String action, String entityType, Object id, UUID institutionId, Object after) {
        return new AuditRecord(action, entityType, String.valueOf(id), institutionId, null, after);
    }

    public static AuditRecord changed(String action, String entityType, Object id, UUID institutionId,
                                      Object before, Object after) {
        return new AuditRecord(action, entityType, String.valueOf(id), institutionId, before, after);
    }
}
