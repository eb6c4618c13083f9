package org.xiaodai.eod;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One piece of closing a business date (日终), contributed by the module that owns the data
 * (servicing: due and overdue marking, penalties, grades; ledger: accrual and provision vouchers;
 * later collection, notification, risk, reporting). {@code eod} runs every step bean for an
 * institution and date in {@link #order()} order, each split into {@link #partitions} pieces that
 * any app instance may claim ({@code FOR UPDATE SKIP LOCKED}) and process.
 * <p>
 * Contract with {@code eod}:
 * <ul>
 *   <li>{@link #process} runs inside a transaction that {@code eod} opens in the institution's
 *       tenant wall and in which it also records the partition as done: the partition's writes and
 *       its "done" mark commit together or not at all, so a run killed midway resumes without
 *       posting anything twice.</li>
 *   <li>Processing the same institution, date and partition again after it committed never
 *       happens; a step must still be safe to run for a date whose effects are already there
 *       (idempotent on natural keys such as loan id + date), because a crash between partitions
 *       of different steps is possible.</li>
 *   <li>Derive, don't rewrite: a step writes only rows whose state changes that day, and posts
 *       aggregates (per institution, account and day) rather than one row per loan where it can.</li>
 * </ul>
 */
public interface EndOfDayStep {

    /** A stable name, e.g. {@code servicing.overdue}; recorded with every processed partition. */
    String name();

    /** Steps run in ascending order; leave gaps (100, 200, …). */
    int order();

    /**
     * How many partitions the step's work for this institution and date has (1 for small work).
     * Called inside the institution's tenant wall; the answer must not change for a given
     * institution and date once the run started (e.g. derive it from a fixed bucket count).
     */
    int partitions(UUID institutionId, LocalDate businessDate);

    /**
     * Processes partition {@code partition} (0-based, of {@code partitions}) of the day that is
     * being closed, {@code businessDate}. Returns how many items (loans, vouchers…) it handled,
     * for the progress display.
     */
    long process(UUID institutionId, LocalDate businessDate, int partition, int partitions);
}
