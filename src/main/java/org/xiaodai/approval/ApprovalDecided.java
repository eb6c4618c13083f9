package org.xiaodai.approval;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The final decision of an approval case: published by approval inside the deciding transaction
 * (the submit for automatic decisions); origination moves the application on in the same transaction.
 *
 * @param outcome         approved, declined or returned for more information
 * @param approvedAmount  the amount approved (the requested one or lower); null unless approved
 * @param approvedAnnualRatePercent the rate approved (the requested one or lower); null unless approved
 * @param conditions      conditions attached to an approval, may be null
 * @param reasons         decline reasons as codes ({@code BLACKLIST}, {@code GRADE_E}, … or {@code REVIEWER});
 *                        empty otherwise
 * @param comment         the deciding comment (automatic decisions: the rule that decided)
 * @param automatic       decided by the matrix without a person
 */
public record ApprovalDecided(UUID applicationId, UUID institutionId, Outcome outcome,
                              @Nullable BigDecimal approvedAmount, @Nullable BigDecimal approvedAnnualRatePercent,
                              @Nullable String conditions, List<String> reasons, String comment, boolean automatic) {

    public ApprovalDecided {
        reasons = List.copyOf(reasons);
    }

    /** How a case ended. */
    public enum Outcome { APPROVED, DECLINED, RETURNED }
}
