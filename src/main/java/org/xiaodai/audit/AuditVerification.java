package org.xiaodai.audit;

/**
 * Result of walking the chain.
 *
 * @param ok            true when every entry's hashes are intact
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number of the first entry that fails, or null
 * @param firstBrokenId  its id, or null
 * @param reason         {@code hashMismatch} (content edited) or {@code chainBroken} (an entry before it was removed or changed), or null
 */
public record AuditVerification(boolean ok, long entriesChecked, Long firstBrokenSeq, String firstBrokenId, String reason) {

    public static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null, null);
    }
}
