/**
 * Audit trail (审计日志): an append-only, hash-chained record of every state change and every
 * view of unmasked personal data — who, what, when, from where, before and after. An entry is
 * recorded in the business transaction and sealed into the region-wide chain shortly after it
 * commits: its seal stores the SHA-256 of the previous seal's hash and the entry's canonical
 * content, so any edit or deletion is found by {@link org.xiaodai.audit.AuditTrail#verify()}.
 * The database refuses UPDATE and DELETE on entries and seals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail",
        allowedDependencies = {"shared", "platform::web"})
package org.xiaodai.audit;
