package org.xiaodai.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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
 * see that has no seal yet, ordered by writing transaction and then {@code seq}. An entry becomes
 * visible when its transaction commits, and an entry sealed by a later round was not visible to an
 * earlier one, so chain order follows commit order from round to round; a rolled-back business
 * change leaves nothing to seal. Positions continue the last seal's without a gap, and the
 * primary key on {@code position} and uniqueness of {@code entry_seq} back the lock: the chain
 * never forks and no entry is sealed twice.
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
 * entries are reported as pending, never as broken. {@link SealBacklog} keeps that window short
 * when writers outrun the sealer.
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
    private final SealBacklog backlog;
    /** The last round this instance completed: everything below its horizon is sealed. */
    private volatile Round lastRound;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactionManager, Clock clock,
                AuditProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.batchSize = Math.max(1, properties.sealBatch());
        this.backlog = SealBacklog.of(properties);
    }

    /** Called once an entry's transaction has committed; may wait while the chain is far behind. */
    void committed() {
        backlog.committed();
    }

    /** True when entries committed here are piling up faster than rounds seal them. */
    boolean behind() {
        return backlog.behind();
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
        long mark = backlog.roundStarting();
        Round round = TenantWall.regionWide(() -> transactions.execute(tx -> {
            if (!lock(everything)) {
                return null;
            }
            Tip tip = tip();
            long from = everything ? 0 : tip.scanFrom(lastRound);
            int count = 0;
            List<Unsealed> next;
            do {
                next = unsealed(from);
                tip = tip.after(next, seal(next, tip));
                count += next.size();
            } while (next.size() == batchSize);
            return new Round(count, tip.position(), tip.horizon());
        }));
        if (round == null) {
            return 0;
        }
        lastRound = round;
        backlog.roundSealed(mark);
        return round.sealed();
    }

    /**
     * Background rounds give way to a running one; a round asked for by verification waits for it.
     * A round's statements are planned for its actual horizon (a generic plan cannot know that the
     * entries from the horizon on are the newest few, and would scan both tables), and a
     * background round, which reads a few hundred rows, starts no parallel workers.
     */
    private boolean lock(boolean wait) {
        return jdbc.sql(wait
                        ? "select set_config('plan_cache_mode', 'force_custom_plan', true), pg_advisory_xact_lock(?) is not null"
                        : "select set_config('plan_cache_mode', 'force_custom_plan', true), "
                                + "set_config('max_parallel_workers_per_gather', '0', true), pg_try_advisory_xact_lock(?)")
                .param(SEAL_LOCK).query((rs, n) -> rs.getBoolean(rs.getMetaData().getColumnCount())).single();
    }

    /** Read once the lock is held, so it sees the last round's seals; with the horizon in the same round trip. */
    private Tip tip() {
        return jdbc.sql("""
                select coalesce(t.position, 0) as position, coalesce(t.hash, :genesis) as hash,
                       coalesce(t.sealed_below::text::bigint, 0) as below,
                       pg_snapshot_xmin(pg_current_snapshot())::text::bigint as horizon
                from (select 1) one
                left join (select position, hash, sealed_below from audit_seal order by position desc limit 1) t on true
                """)
                .param("genesis", GENESIS)
                .query((rs, n) -> new Tip(rs.getLong("position"), rs.getString("hash"), rs.getLong("below"),
                        rs.getLong("horizon")))
                .single();
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

    /**
     * Chains {@code entries} after {@code tip} in one statement: positions continue the tip's
     * without a gap, so chain order never depends on the order rows happen to be inserted.
     *
     * @return the hash of the last entry sealed, or the tip's when there was none
     */
    private String seal(List<Unsealed> entries, Tip tip) {
        if (entries.isEmpty()) {
            return tip.hash();
        }
        int size = entries.size();
        Long[] seqs = new Long[size];
        UUID[] ids = new UUID[size];
        String[] prevs = new String[size];
        String[] hashes = new String[size];
        String link = tip.hash();
        for (int i = 0; i < size; i++) {
            Unsealed entry = entries.get(i);
            seqs[i] = entry.seq();
            ids[i] = entry.id();
            prevs[i] = link;
            link = Sha256.hex(link + entry.content().canonical());
            hashes[i] = link;
        }
        Timestamp sealedAt = Timestamp.from(clock.instant());
        batch.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_seal (position, entry_seq, entry_id, prev_hash, hash, sealed_below, sealed_at)
                    select ? + t.n, t.seq, t.id, t.prev, t.hash, cast(cast(? as text) as xid8), ?
                    from unnest(?, ?, ?, ?) with ordinality as t(seq, id, prev, hash, n)
                    """);
            insert.setLong(1, tip.position());
            insert.setLong(2, tip.horizon());
            insert.setTimestamp(3, sealedAt);
            insert.setArray(4, connection.createArrayOf("bigint", seqs));
            insert.setArray(5, connection.createArrayOf("uuid", ids));
            insert.setArray(6, connection.createArrayOf("text", prevs));
            insert.setArray(7, connection.createArrayOf("text", hashes));
            return insert;
        });
        return link;
    }

    /**
     * The end of the chain: the last seal, the horizon below which its round sealed everything,
     * and this round's horizon (the oldest transaction running now).
     */
    private record Tip(long position, String hash, long sealedBelow, long horizon) {

        Tip after(List<Unsealed> sealed, String lastHash) {
            return sealed.isEmpty() ? this : new Tip(position + sealed.size(), lastHash, sealedBelow, horizon);
        }

        /**
         * The smallest transaction id with entries that may lack a seal: the horizon of this
         * instance's last round if nobody has sealed since (it advances even when a round sealed
         * nothing), else the last seal's. A stored horizon beyond this cluster's own (another
         * cluster's backup restored) says nothing about this cluster's transactions: look at all.
         */
        long scanFrom(Round last) {
            if (last != null && last.position() == position && last.horizon() <= horizon) {
                return last.horizon();
            }
            return sealedBelow <= horizon ? sealedBelow : 0;
        }
    }

    /** What a completed round left: how many it sealed, the chain's last position, its horizon. */
    private record Round(int sealed, long position, long horizon) {
    }

    private record Unsealed(long seq, UUID id, AuditContent content) {
        static Unsealed from(ResultSet rs) throws SQLException {
            return new Unsealed(rs.getLong("seq"), rs.getObject("id", UUID.class), AuditContent.from(rs));
        }
    }
}
