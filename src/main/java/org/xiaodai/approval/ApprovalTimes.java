package org.xiaodai.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * How long approval took (审批时效), for supervision's daily indicators. Runs inside the caller's
 * tenant wall.
 */
public interface ApprovalTimes {

    /**
     * Approval cases decided (approved or declined, automatically or by people) in {@code [from, to)}:
     * how many, and the hours from submission to decision, summed.
     */
    Decided decided(UUID institutionId, Instant from, Instant to);

    /** @param hours the sum over {@code cases} (divide for the average) */
    record Decided(long cases, BigDecimal hours) {
    }
}
