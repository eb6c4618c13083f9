package org.xiaodai.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One decision of the trail: never edited.
 *
 * @param level     AUTO, L1 (初审), L2 (终审) or COMMITTEE
 * @param decision  APPROVE, DECLINE or RETURN
 * @param decidedBy the user, null for an automatic decision
 */
public record DecisionView(UUID id, int round, String level, String decision, String comment, List<String> reasons,
                           @Nullable BigDecimal approvedAmount, @Nullable BigDecimal approvedAnnualInterestRatePercent,
                           @Nullable String conditions, @Nullable UUID decidedBy, @Nullable String decidedByName,
                           Instant decidedAt) {

    public DecisionView {
        reasons = List.copyOf(reasons);
    }
}
