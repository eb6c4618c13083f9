package org.xiaodai.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Result of walking the chain.
 *
 * @param ok            true when every entry's hashes are intact
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number of the first entry that fails, or null
 * @param firstBrokenId  its id, or null
 * @param reason         {@code hashMismatch} (content edited) or {@code chainBroken} (an entry before it was removed or changed), or null
 */
@Schema(description = "Result of recomputing the audit chain.")
public record AuditVerification(boolean ok, long entriesChecked, @Nullable Long firstBrokenSeq, @Schema(format = "uuid") @Nullable String firstBrokenId,
                                @Schema(allowableValues = {"hashMismatch", "chainBroken"}) @Nullable String reason) {

    public static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null, null);
    }
}
