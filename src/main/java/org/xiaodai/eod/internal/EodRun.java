package org.xiaodai.eod.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One end-of-day run as stored: it closes {@code institutionId}'s business dates from
 * {@code firstDate} (the business date when it was asked for) through {@code throughDate}.
 *
 * @param status    {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param trigger   {@code ADMIN} (a user asked) or {@code SCHEDULE}
 * @param error     why it failed (the failing step and partition), null otherwise
 */
public record EodRun(UUID id, UUID institutionId, LocalDate firstDate, LocalDate throughDate, String status,
                     String trigger, String requestedByName, Instant startedAt, Instant finishedAt, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    public boolean running() {
        return RUNNING.equals(status);
    }

    /** How many dates it closes in all (0 when its target was already behind the business date). */
    public long days() {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(firstDate, throughDate) + 1);
    }
}
