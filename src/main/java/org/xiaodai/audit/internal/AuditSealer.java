package org.xiaodai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.shared.Sha256;
import org.xiaodai.shared.tenant.TenantWall;

/**
 * Seals recorded entries into the hash chain (封存) once their transactions have committed.
 * Recording an entry is a plain INSERT in the business transaction; it takes no lock and reads no
 * previous hash, so audited writes no longer queue behind each other until commit. The chain
 * lives in the insert-only {@code audit_seal} table: one row per entry, in chain order, with
 * {@code hash = SHA-256(prev_hash + canonical content)} exactly as entries were chained before.
 * <p>
 * A round runs in its own region-wide transaction under an advisory lock, so one sealer at a time
 * extends the chain across all instances (the background schedule skips a round when another
 * instance holds the lock; verification waits for it). A round seals every committed entry it can
 * see that has no seal yet, ordered by writing transaction and then {@code seq}: every entry of a
 * round committed before the round began, and every entry sealed later committed after an earlier
 * round looked, so chain order follows commit order from round to round. An entry is visible only
 * once committed, so a rolled-back business change leaves nothing to seal, and a uniqueness
 * constraint on {@code entry_seq} backs the lock: no entry is sealed twice.
 * <p>
 * Finding the unsealed entries must not mean scanning the whole trail every round. Each entry
 * carries its writing transaction's id ({@code xid}, {@code pg_current_xact_id()}), and each seal
 * records the round's horizon {@code pg_snapshot_xmin}: the oldest transaction still running when
 * the round began. Every transaction below the horizon has ended, so after the round every entry
 * with a smaller {@code xid} is sealed, and the next round only looks at entries from the horizon
 * on. (A horizon greater than this cluster's own, e.g. after restoring another cluster's backup,
 * cannot be trusted; that round, like every round verification asks for, looks at all entries.)
 * A long-running writing transaction elsewhere holds the horizon back, which only widens the next
 * scan; it never delays sealing of entries that have committed.
 * <p>
 * Per-institution chains were the alternative: they still serialise every writer of one
 * institution (a large lender is most of the load), and a region-wide order of events would be
 * lost. Sealing after commit keeps one linear, region-wide chain at the cost of a short window in
 * which a committed entry is not yet sealed (about {@code xiaodai.audit.seal-interval}); such
 * entries are reported as pending, never as broken.
 */
@Component
class AuditSealer {

    static final String GENESIS = "0".repeat(64);
    /** "XDAUDIT" + 1: one sealer at a time across every instance of the application. */
    private static final long SEAL_LOCK = 0x5844_4155_4449_5401L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactionManager, Clock clock,
                AuditProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.batchSize = Math.max(1, properties.sealBatch());
    }

    /**
     * Seals what committed since the last round, unless another sealer is at work (the background
     * schedule: that sealer will seal it).
     *
     * @return how many entries were sealed
     */
    int sealRecent() {
        return round(false);
    }

    /**
     * Seals every committed entry without a seal, waiting for a running round to finish first:
     * afterwards every entry committed before this call is in the chain.
     *
     * @return how many entries were sealed
     */
    int sealAll() {
        return round(true);
    }

    private int round(boolean everything) {
        Integer sealed = TenantWall.regionWide(() -> transactions.execute(tx -> {
            if (!lock(everything)) {
                return 0;
            }
            Tip tip = tip();
            long horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .query(Long.class).single();
            long from = everything || tip.sealedBelow() > horizon ? 0 : tip.sealedBelow();
            String prev = tip.hash();
            int count = 0;
            List<Unsealed> next;
            do {
                next = unsealed(from);
                prev = seal(next, prev, horizon);
                count += next.size();
            } while (next.size() == batchSize);
            return count;
        }));
        return sealed == null ? 0 : sealed;
    }

    /** Background rounds give way to a running one; a round asked for by verification waits for it. */
    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(SEAL_LOCK).query().singleRow();
            return true;
        }
        return jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEAL_LOCK).query(Boolean.class).single();
    }

    private Tip tip() {
        return jdbc.sql("select hash, sealed_below::text::bigint as below from audit_seal order by position desc limit 1")
                .query((rs, n) -> new Tip(rs.getString("hash"), rs.getLong("below")))
                .optional().orElse(new Tip(GENESIS, 0));
    }

    private List<Unsealed> unsealed(long fromXid) {
        return jdbc.sql("""
                select e.* from audit_entry e
                where e.xid >= cast(cast(:from as text) as xid8)
                  and not exists (select from audit_seal s where s.entry_seq = e.seq)
                order by e.xid, e.seq
                limit :limit
                """)
                .param("from", fromXid).param("limit", batchSize)
                .query((rs, n) -> Unsealed.from(rs))
                .list();
    }

    /** @return the hash of the last entry sealed, or {@code prev} when there was none */
    private String seal(List<Unsealed> entries, String prev, long horizon) {
        if (entries.isEmpty()) {
            return prev;
        }
        Timestamp sealedAt = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(entries.size());
        String link = prev;
        for (Unsealed entry : entries) {
            String hash = Sha256.hex(link + entry.content().canonical());
            rows.add(new Object[] {entry.seq(), entry.id(), link, hash, horizon, sealedAt});
            link = hash;
        }
        batch.batchUpdate("""
                insert into audit_seal (entry_seq, entry_id, prev_hash, hash, sealed_below, sealed_at)
                values (?, ?, ?, ?, cast(cast(? as text) as xid8), ?)
                """, rows);
        return link;
    }

    /** The end of the chain: the last seal's hash and the horizon below which everything is sealed. */
    private record Tip(String hash, long sealedBelow) {
    }

    private record Unsealed(long seq, UUID id, AuditContent content) {
        static Unsealed from(ResultSet rs) throws SQLException {
            return new Unsealed(rs.getLong("seq"), rs.getObject("id", UUID.class), AuditContent.from(rs));
        }
    }
}
