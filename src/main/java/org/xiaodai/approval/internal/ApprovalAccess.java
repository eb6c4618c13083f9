package org.xiaodai.approval.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * Approval's permissions: one per level (a reviewer never decides above it), the authority matrix,
 * and the statistics (for the institution and, read-only, the regulator).
 */
@Component
class ApprovalAccess implements AccessContributor {

    static final String L1 = "loan:approve:l1";
    static final String L2 = "loan:approve:l2";
    static final String COMMITTEE = "loan:approve:committee";
    static final String MATRIX_MANAGE = "approval:matrix:manage";
    static final String STATISTICS = "approval:statistics:view";
    static final String ANY_LEVEL = "hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(L1, LENDER), PermissionDefinition.of(L2, LENDER),
                PermissionDefinition.of(COMMITTEE, LENDER), PermissionDefinition.of(MATRIX_MANAGE, LENDER),
                PermissionDefinition.of(STATISTICS, LENDER, REGULATOR));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(L1, L2, COMMITTEE, MATRIX_MANAGE, STATISTICS),
                "REVIEWER", Set.of(L1),
                "APPROVER", Set.of(L1, L2, COMMITTEE, STATISTICS),
                "RISK_MANAGER", Set.of(MATRIX_MANAGE, STATISTICS),
                "REGULATOR", Set.of(STATISTICS));
    }
}
