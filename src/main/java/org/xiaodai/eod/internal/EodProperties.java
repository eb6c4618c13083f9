package org.xiaodai.eod.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * End-of-day settings ({@code xiaodai.eod.*}).
 *
 * @param schedule     when every lender's business dates before the calendar date are closed, as a
 *                     Spring cron expression (seconds first) in the region's zone; {@code -} turns
 *                     the schedule off (closing is then only triggered by an administrator)
 * @param workers      threads per app instance working one run's partitions
 * @param pollInterval how often an instance looks for running runs it does not work on yet (another
 *                     instance's, or one left by a crash)
 * @param closeWait    how long {@code POST /api/v1/eod/close} waits for its run to finish before it
 *                     answers 202 with the run still running
 * @param maxAttempts  failures of one partition before its run is marked failed
 * @param maxDays      the most business dates one request may close
 */
@ConfigurationProperties("xiaodai.eod")
public record EodProperties(
        @DefaultValue("0 5 0 * * *") String schedule,
        @DefaultValue("2") int workers,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("20s") Duration closeWait,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("3660") int maxDays) {

    /** The value of {@link #schedule} that turns it off. */
    public static final String OFF = "-";

    public EodProperties {
        if (!OFF.equals(schedule) && !CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("xiaodai.eod.schedule is not a cron expression (six fields, seconds first) "
                    + "nor '-': " + schedule);
        }
        if (workers < 1 || maxAttempts < 1 || maxDays < 1) {
            throw new IllegalArgumentException("xiaodai.eod.workers, max-attempts and max-days must be at least 1");
        }
    }

    public boolean scheduled() {
        return !OFF.equals(schedule);
    }
}
