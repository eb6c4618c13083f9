package org.xiaodai.eod;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A test {@link EndOfDayStep} that writes rows, on the test profile and in the crash test's app
 * ({@code xiaodai.eod.test-step=true}, with the tables of {@code db/eod-test}). It works only for
 * institutions enrolled in {@code eod_test_enrolment} (so the demo institutions' days are left
 * alone): {@code partitions} partitions, each sleeping {@code delay_ms} and then inserting
 * {@code items} rows for the date into {@code eod_test_posting}, which has no unique key, so a
 * partition whose work committed twice shows as duplicates. While {@code failing}, the partition
 * {@code fail_partition} throws after writing its rows (which must roll back).
 */
@Component
@ConditionalOnProperty(name = "xiaodai.eod.test-step", havingValue = "true")
class RowWritingStep implements EndOfDayStep {

    static final String NAME = "test.rows";
    private final JdbcClient jdbc;

    RowWritingStep(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public int partitions(UUID institutionId, LocalDate businessDate) {
        return jdbc.sql("select partitions from eod_test_enrolment where institution_id = ?").param(institutionId)
                .query(Integer.class).optional().orElse(1);
    }

    @Override
    public long process(UUID institutionId, LocalDate businessDate, int partition, int partitions) {
        record Enrolment(int items, int delayMs, Integer failPartition, boolean failing) {
        }
        var enrolment = jdbc.sql("select items, delay_ms, fail_partition, failing from eod_test_enrolment where institution_id = ?")
                .param(institutionId).query((rs, n) -> new Enrolment(rs.getInt(1), rs.getInt(2),
                        (Integer) rs.getObject(3), rs.getBoolean(4))).optional();
        if (enrolment.isEmpty()) {
            return 0;
        }
        if (enrolment.get().delayMs() > 0) {
            try {
                Thread.sleep(enrolment.get().delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        int written = jdbc.sql("""
                insert into eod_test_posting (institution_id, business_date, partition, item, worker)
                select ?, ?, ?, i, ? from generate_series(1, ?) i
                """).params(institutionId, businessDate, partition, Thread.currentThread().getName(),
                        enrolment.get().items()).update();
        if (enrolment.get().failing() && Integer.valueOf(partition).equals(enrolment.get().failPartition())) {
            throw new IllegalStateException("test step fails on partition " + partition);
        }
        return written;
    }
}
