package org.xiaodai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.xiaodai.audit.AuditVerification;
import org.xiaodai.shared.Sha256;

/**
 * Walks the seals in chain order, each joined with its entry, and finds the first that fails:
 * a link that does not continue the previous seal's hash ({@code chainBroken}), an entry whose
 * content no longer gives the sealed hash ({@code hashMismatch}), or a seal whose entry is gone
 * ({@code entryMissing}).
 */
final class AuditChainWalker implements RowCallbackHandler {

    /** Seals in chain order with their entries' columns, as {@link AuditContent#from} reads them. */
    static final String QUERY = """
            select s.position, s.entry_seq, s.entry_id, s.prev_hash, s.hash, e.*
            from audit_seal s left join audit_entry e on e.seq = s.entry_seq
            order by s.position
            """;

    private String expectedPrev = AuditSealer.GENESIS;
    private long checked;
    private Break broken;

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        if (broken != null) {
            return;
        }
        checked++;
        long seq = rs.getLong("entry_seq");
        UUID sealedId = rs.getObject("entry_id", UUID.class);
        UUID id = rs.getObject("id", UUID.class);
        String prev = rs.getString("prev_hash");
        String hash = rs.getString("hash");
        if (id == null) {
            broken = new Break(seq, sealedId, "entryMissing");
        } else if (!prev.equals(expectedPrev)) {
            broken = new Break(seq, id, "chainBroken");
        } else if (!id.equals(sealedId) || !Sha256.hex(prev + AuditContent.from(rs).canonical()).equals(hash)) {
            broken = new Break(seq, id, "hashMismatch");
        }
        expectedPrev = hash;
    }

    AuditVerification result(long pending) {
        return broken == null ? AuditVerification.intact(checked, pending)
                : new AuditVerification(false, checked, broken.seq(), broken.id().toString(), broken.reason(), pending);
    }

    private record Break(long seq, UUID id, String reason) {
    }
}
