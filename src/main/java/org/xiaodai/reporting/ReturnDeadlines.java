package org.xiaodai.reporting;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (risk's early warnings) read of the monthly return's deadline: a period's
 * return is due by the 5th of the next month (DOMAIN.md §6).
 */
public interface ReturnDeadlines {

    /**
     * The return of the month before {@code on}'s month when it is due (the 5th has passed by
     * {@code on}) and no version of it is submitted or accepted; empty otherwise. Runs in the
     * caller's transaction and tenant wall.
     */
    Optional<LateReturn> late(UUID institutionId, LocalDate on);

    /**
     * A return not submitted by its due date.
     *
     * @param period   {@code YYYY-MM}
     * @param dueOn    the last day it could be submitted on time
     * @param daysLate days from the due date to the date asked about (≥ 1)
     */
    record LateReturn(UUID institutionId, String period, LocalDate dueOn, int daysLate) {
    }
}
