/**
 * Audit trail (审计日志): an append-only, hash-chained record of every state change and every
 * view of unmasked personal data — who, what, when, from where, before and after. Each entry
 * stores the SHA-256 of the previous entry's hash and its own canonical content, so any edit or
 * deletion is found by {@link org.xiaodai.audit.AuditTrail#verify()}. The database refuses
 * UPDATE and DELETE on the table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail",
        allowedDependencies = {"shared", "platform::web"})
package org.xiaodai.audit;
