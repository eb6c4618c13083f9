package org.xiaodai.eod.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.eod.EndOfDayStep;

/**
 * The SQL of end of day: runs, planned days and the partition work queue. Every method works in
 * the transaction and tenant wall its caller opened; only {@link #running()} and
 * {@link #lendersBehind} are meant for region-wide transactions (the instance's own scheduling).
 */
@Repository
class EodRunStore {

    private static final String RUN_COLUMNS = """
            id, institution_id, first_date, through_date, status, trigger, requested_by_name, started_at,
            finished_at, error""";

    private final JdbcClient jdbc;

    EodRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EodRun> find(UUID id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from eod_run where id = ?").param(id).query(EodRunStore::run).optional();
    }

    List<EodRun> recent(int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from eod_run order by started_at desc, id limit ?").param(limit)
                .query(EodRunStore::run).list();
    }

    Optional<EodRun> runningFor(UUID institutionId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from eod_run where institution_id = ? and status = 'RUNNING'")
                .param(institutionId).query(EodRunStore::run).optional();
    }

    Optional<LocalDate> businessDate(UUID institutionId) {
        return jdbc.sql("select business_date from eod_business_date where institution_id = ?").param(institutionId)
                .query(LocalDate.class).optional();
    }

    /** Stores a new run; false when the institution has a running one already. */
    boolean insert(EodRun run, UUID requestedBy) {
        return jdbc.sql("""
                insert into eod_run (id, institution_id, first_date, through_date, status, trigger, requested_by,
                                     requested_by_name, started_at, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (institution_id) where status = 'RUNNING' do nothing
                """).params(run.id(), run.institutionId(), run.firstDate(), run.throughDate(), run.status(), run.trigger(),
                        requestedBy, run.requestedByName(), Timestamp.from(run.startedAt()),
                        run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()))
                .update() == 1;
    }

    /** Ends a running run; false when it was not running any more (another instance ended it). */
    boolean finish(UUID runId, String status, String error, Instant at) {
        return jdbc.sql("update eod_run set status = ?, error = ?, finished_at = ? where id = ? and status = 'RUNNING'")
                .params(status, error, Timestamp.from(at), runId).update() == 1;
    }

    /**
     * Plans a date: its day row (taken over by {@code runId} while it is open) and every step's
     * partitions, each step asked once per date. Safe to repeat and to race: the primary keys decide.
     */
    void plan(UUID institutionId, LocalDate date, UUID runId, List<EndOfDayStep> steps, Instant at) {
        jdbc.sql("""
                insert into eod_day (institution_id, business_date, run_id, planned_at) values (?, ?, ?, ?)
                on conflict (institution_id, business_date) do update set run_id = excluded.run_id
                where eod_day.closed_at is null and eod_day.run_id <> excluded.run_id
                """).params(institutionId, date, runId, Timestamp.from(at)).update();
        for (EndOfDayStep step : steps) {
            boolean planned = jdbc.sql("""
                    select exists (select from eod_partition where institution_id = ? and business_date = ? and step = ?)
                    """).params(institutionId, date, step.name()).query(Boolean.class).single();
            if (planned) {
                continue;
            }
            int partitions = step.partitions(institutionId, date);
            if (partitions < 1) {
                partitions = 1;
            }
            jdbc.sql("""
                    insert into eod_partition (institution_id, business_date, step, step_order, partition, partitions)
                    select ?, ?, ?, ?, p, ? from generate_series(0, ? - 1) p
                    on conflict do nothing
                    """).params(institutionId, date, step.name(), step.order(), partitions, partitions).update();
        }
    }

    /** A partition of the step claimed by this transaction: {partition, partitions}; empty when none is free. */
    Optional<int[]> claim(UUID institutionId, LocalDate date, String step) {
        return jdbc.sql("""
                select partition, partitions from eod_partition
                where institution_id = ? and business_date = ? and step = ? and done_at is null
                order by partition limit 1 for update skip locked
                """).params(institutionId, date, step)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional();
    }

    /** Partitions of the step not done yet (claimed by others, or free). */
    long open(UUID institutionId, LocalDate date, String step) {
        return jdbc.sql("""
                select count(*) from eod_partition where institution_id = ? and business_date = ? and step = ? and done_at is null
                """).params(institutionId, date, step).query(Long.class).single();
    }

    long openOnDate(UUID institutionId, LocalDate date) {
        return jdbc.sql("select count(*) from eod_partition where institution_id = ? and business_date = ? and done_at is null")
                .params(institutionId, date).query(Long.class).single();
    }

    void done(PartitionKey key, long items, String worker, long millis, Instant at) {
        int updated = jdbc.sql("""
                update eod_partition set done_at = ?, items = ?, worker = ?, millis = ?
                where institution_id = ? and business_date = ? and step = ? and partition = ? and done_at is null
                """).params(Timestamp.from(at), items, worker, millis, key.institutionId(), key.date(), key.step(),
                        key.partition()).update();
        if (updated != 1) {
            throw new IllegalStateException("Partition " + key + " was not claimed by this transaction");
        }
    }

    /** Counts a failed attempt at a partition; how many there were. */
    int failed(PartitionKey key, String error) {
        return jdbc.sql("""
                update eod_partition set attempts = attempts + 1, error = ?
                where institution_id = ? and business_date = ? and step = ? and partition = ?
                returning attempts
                """).params(error, key.institutionId(), key.date(), key.step(), key.partition())
                .query(Integer.class).optional().orElse(0);
    }

    /** Moves the business date from {@code date} to the next day; false when it is not {@code date} (any more). */
    boolean advance(UUID institutionId, LocalDate date, Instant at) {
        JdbcBusinessDate.changedHere();
        boolean moved = jdbc.sql("""
                update eod_business_date set business_date = ?, updated_at = ? where institution_id = ? and business_date = ?
                """).params(date.plusDays(1), Timestamp.from(at), institutionId, date).update() == 1;
        if (moved) {
            jdbc.sql("update eod_day set closed_at = ? where institution_id = ? and business_date = ?")
                    .params(Timestamp.from(at), institutionId, date).update();
        }
        return moved;
    }

    EodProgress progress(EodRun run, Instant now) {
        LocalDate businessDate = businessDate(run.institutionId()).orElse(run.firstDate());
        record Counts(long days, long closed, long done, long total, long items, long lastDayPartitions) {
        }
        Counts counts = jdbc.sql("""
                select (select count(*) from eod_day where run_id = :run) as days,
                       (select count(*) from eod_day where run_id = :run and closed_at is not null) as closed,
                       count(p.*) filter (where p.done_at is not null) as done, count(p.*) as total,
                       coalesce(sum(p.items), 0) as items,
                       (select count(*) from eod_partition q where q.institution_id = :institution and q.business_date =
                            (select max(business_date) from eod_day where run_id = :run)) as last_day
                from eod_day d join eod_partition p on p.institution_id = d.institution_id and p.business_date = d.business_date
                where d.run_id = :run
                """).param("run", run.id()).param("institution", run.institutionId())
                .query((rs, n) -> new Counts(rs.getLong("days"), rs.getLong("closed"), rs.getLong("done"),
                        rs.getLong("total"), rs.getLong("items"), rs.getLong("last_day"))).single();
        long total = counts.total() + Math.max(0, run.days() - counts.days()) * counts.lastDayPartitions();
        long processed = counts.done();
        if (!run.running() && EodRun.COMPLETED.equals(run.status())) {
            total = processed;
        }
        Instant end = run.finishedAt() == null ? now : run.finishedAt();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end).toMillis() / 1000.0);
        Long eta = run.running() && processed > 0 ? Math.round(seconds * (total - processed) / processed) : null;
        LocalDate closing = run.running() && !businessDate.isAfter(run.throughDate()) ? businessDate : null;
        return new EodProgress(businessDate, closing, counts.closed(), processed, total, counts.items(),
                counts.items() / seconds, eta);
    }

    /** Every running run of the region: {run id, institution id}. Region-wide transactions only. */
    List<UUID[]> running() {
        return jdbc.sql("select id, institution_id from eod_run where status = 'RUNNING' order by started_at")
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    /** Lenders whose business date is on or before {@code through}. Region-wide transactions only. */
    List<UUID> lendersBehind(LocalDate through) {
        return jdbc.sql("""
                select institution_id from eod_business_date where business_date <= ? and (kind = 'LENDER' or kind is null)
                order by institution_id
                """).param(through).query(UUID.class).list();
    }

    private static EodRun run(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new EodRun(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getObject("first_date", LocalDate.class), rs.getObject("through_date", LocalDate.class),
                rs.getString("status"), rs.getString("trigger"), rs.getString("requested_by_name"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), rs.getString("error"));
    }

    /** One partition of one step of one institution's date. */
    record PartitionKey(UUID institutionId, LocalDate date, String step, int partition) {
    }
}
