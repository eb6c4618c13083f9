package org.xiaodai.approval;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An application's latest approval case.
 *
 * @param route       AUTO_APPROVE, AUTO_DECLINE, L1, L1_L2 or COMMITTEE
 * @param status      OPEN, APPROVED, DECLINED, RETURNED or CANCELLED
 * @param openLevel   the level waiting for a decision, null when none
 * @param matrixVersion the authority-matrix version that chose the route (0: the built-in default)
 */
public record CaseView(UUID id, int round, String route, String status, @Nullable String openLevel, int matrixVersion,
                       int ruleIndex) {
}
