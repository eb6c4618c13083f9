package org.xiaodai.eod.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.iam.InstitutionRegistered;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.shared.time.BusinessDate;
import org.xiaodai.shared.tx.ReferenceCache;
import org.xiaodai.shared.tx.ReferenceVersion;
import org.xiaodai.shared.tx.TransactionMemo;

/**
 * Business dates stored per institution; a new institution starts on the calendar date of its
 * registration. Each read and write works inside that one institution's tenant wall, so callers
 * (a user's request, a batch job for one institution) need not set it up and can see nothing else.
 */
@Service
class JdbcBusinessDate implements BusinessDate {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    JdbcBusinessDate(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Dates read in the current transaction (a submission asks from several modules); end of day's advance forgets them. */
    static final TransactionMemo<UUID, LocalDate> KEPT = new TransactionMemo<>("business dates");
    /**
     * Dates kept across transactions under the reference version they were read under: every write to
     * {@code eod_business_date} bumps it (a trigger), so a date moved by any instance is read again by
     * the next transaction that begins anywhere.
     */
    private static final ReferenceCache<UUID, LocalDate> ACROSS = new ReferenceCache<>("business dates", 100_000);

    /**
     * Changes to the business dates made in the current transaction: it forgets what it kept and reads
     * the dates from the database until it ends (the version it began with no longer covers them).
     */
    static void changedHere() {
        KEPT.forget();
        ReferenceVersion.changedHere();
    }

    /**
     * Once per transaction and institution: one transaction works on one business date. Between
     * transactions, from memory while the reference version the transaction began with is the one the
     * date was read under.
     */
    @Override
    public LocalDate of(UUID institutionId) {
        return KEPT.get(institutionId, id -> ACROSS.get(id, this::read));
    }

    private LocalDate read(UUID institutionId) {
        return TenantWall.asInstitution(institutionId, () -> transactions.execute(tx -> jdbc.sql(
                        "select business_date from eod_business_date where institution_id = ?")
                .param(institutionId).query(LocalDate.class).optional()))
                .orElseThrow(() -> new NoSuchElementException("No business date for institution " + institutionId));
    }

    /**
     * Opens the new institution's business date. An {@link ApplicationModuleListener}: it runs after
     * the registration committed, in its own transaction, from the JDBC event publication registry,
     * which retries it after a crash until it completes — the pattern every module copies for
     * reactions to another module's events.
     */
    @ApplicationModuleListener
    void open(InstitutionRegistered event) {
        TenantWall.asInstitution(event.institutionId(), () -> {
            changedHere();
            jdbc.sql("""
                    insert into eod_business_date (institution_id, business_date, updated_at, kind)
                    values (?, ?, ?, ?) on conflict (institution_id) do nothing
                    """)
                    .param(event.institutionId()).param(LocalDate.ofInstant(clock.instant(), clock.getZone()))
                    .param(Timestamp.from(clock.instant())).param(event.kind().name())
                    .update();
        });
    }
}
