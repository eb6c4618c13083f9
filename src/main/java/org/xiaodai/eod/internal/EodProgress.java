package org.xiaodai.eod.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * How far a run has come. The unit of progress is the partition (every step's partitions of every
 * date); dates not planned yet count as many partitions as the last planned date.
 *
 * @param businessDate  the institution's business date now
 * @param closing       the date being closed, null once the run is over
 * @param daysClosed    dates the run has closed
 * @param processed     partitions done
 * @param total         partitions in all (estimated for dates not planned yet)
 * @param items         items (loans, vouchers…) the steps reported so far
 * @param itemsPerSecond items per second since the run started
 * @param etaSeconds    estimated seconds left, null before the first partition is done or after the end
 */
public record EodProgress(LocalDate businessDate, @Nullable LocalDate closing, long daysClosed, long processed,
                          long total, long items, double itemsPerSecond, @Nullable Long etaSeconds) {

    /** Percent done, 0–100. */
    public int percent() {
        if (total == 0) {
            return closing == null ? 100 : 0;
        }
        return (int) Math.min(100, processed * 100 / total);
    }
}
