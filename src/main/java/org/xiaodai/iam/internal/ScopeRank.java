package org.xiaodai.iam.internal;

import java.util.Set;

import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;

/** How far scopes reach, in order, and which scopes each kind of organisation's users may have. */
final class ScopeRank {

    private ScopeRank() {
    }

    /** 0 for own records up to 4 for the whole platform. */
    static int of(ScopeLevel level) {
        return switch (level) {
            case OWN -> 0;
            case BRANCH -> 1;
            case INSTITUTION -> 2;
            case REGION -> 3;
            case ALL -> 4;
        };
    }

    /** An institution's users stay inside it; the regulator sees the region; the platform operator everything. */
    static Set<ScopeLevel> allowedFor(OrganisationKind kind) {
        return switch (kind) {
            case LENDER -> Set.of(ScopeLevel.INSTITUTION, ScopeLevel.BRANCH, ScopeLevel.OWN);
            case REGULATOR -> Set.of(ScopeLevel.REGION);
            case PLATFORM -> Set.of(ScopeLevel.ALL);
        };
    }
}
