package org.xiaodai.origination.domain;

import java.util.Map;
import java.util.Set;

/**
 * The states of an application and the moves between them: DRAFT → SUBMITTED → UNDER_REVIEW →
 * APPROVED | DECLINED | RETURNED | WITHDRAWN; APPROVED → CONTRACTED; RETURNED → SUBMITTED again.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, DECLINED, RETURNED, WITHDRAWN, CONTRACTED;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> MOVES = Map.of(
            DRAFT, Set.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, Set.of(UNDER_REVIEW, WITHDRAWN),
            UNDER_REVIEW, Set.of(APPROVED, DECLINED, RETURNED, WITHDRAWN),
            RETURNED, Set.of(SUBMITTED, WITHDRAWN),
            APPROVED, Set.of(CONTRACTED, WITHDRAWN),
            DECLINED, Set.of(),
            WITHDRAWN, Set.of(),
            CONTRACTED, Set.of());

    public boolean canMoveTo(ApplicationStatus next) {
        return MOVES.get(this).contains(next);
    }
}
