package org.xiaodai.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Result of walking the chain.
 *
 * @param ok             true when every sealed entry's hashes are intact
 * @param entriesChecked how many sealed entries were read
 * @param firstBrokenSeq the sequence number of the first entry that fails, or null
 * @param firstBrokenId  its id, or null
 * @param reason         {@code hashMismatch} (content edited), {@code chainBroken} (an entry before it was
 *                       removed or changed) or {@code entryMissing} (a sealed entry was removed), or null
 * @param pending        entries that committed after verification sealed the chain and await their seal:
 *                       not yet checked, and not broken
 */
@Schema(description = "Result of recomputing the audit chain.")
public record AuditVerification(boolean ok, long entriesChecked, @Nullable Long firstBrokenSeq,
                                @Schema(format = "uuid") @Nullable String firstBrokenId,
                                @Schema(description = "Why the chain is broken: `hashMismatch`, `chainBroken` or `entryMissing` "
                                        + "so far; an open list (docs/api-versioning.md), clients must accept other values.",
                                        example = "chainBroken") @Nullable String reason,
                                @Schema(description = "Entries committed since the chain was last sealed: not yet checked, "
                                        + "and not broken.") long pending) {

    public static AuditVerification intact(long checked, long pending) {
        return new AuditVerification(true, checked, null, null, null, pending);
    }
}
