package org.xiaodai.iam.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * The permissions of the lending and supervision modules that are not built yet (reporting,
 * analytics, portal; the built modules declare their own), so the built-in roles of DOMAIN.md §1 exist with their intended powers from
 * the start. Each module takes its lines into its own {@link AccessContributor} when it lands and
 * deletes them here; the catalogue refuses to start if a code is defined twice.
 */
@Component
class LendingAccess implements AccessContributor {

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of("loan:view", LENDER, REGULATOR),
                PermissionDefinition.of("loan:disburse", LENDER),
                PermissionDefinition.of("repayment:record", LENDER),
                PermissionDefinition.of("ledger:view", LENDER),
                PermissionDefinition.of("ledger:post", LENDER),
                PermissionDefinition.of("classification:review", LENDER),
                PermissionDefinition.of("report:submit", LENDER),
                PermissionDefinition.of("statistics:view", LENDER, REGULATOR),
                PermissionDefinition.of("portal:self", LENDER));
    }

    /**
     * The institution administrator holds every lending power except the borrower's own, because a
     * grantor may only grant what it holds and someone in each institution has to staff it.
     */
    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.ofEntries(
                Map.entry("INSTITUTION_ADMIN", Set.of("loan:view", "loan:disburse", "repayment:record",
                        "ledger:view", "ledger:post", "classification:review",
                        "report:submit", "statistics:view")),
                Map.entry("LOAN_OFFICER", Set.of("loan:view")),
                Map.entry("REVIEWER", Set.of("loan:view")),
                Map.entry("APPROVER", Set.of("loan:view")),
                Map.entry("FINANCE", Set.of("loan:view", "loan:disburse", "repayment:record", "ledger:view", "ledger:post")),
                Map.entry("COLLECTOR", Set.of("loan:view")),
                Map.entry("RISK_MANAGER", Set.of("loan:view", "classification:review",
                        "report:submit", "statistics:view")),
                Map.entry("REGULATOR", Set.of("statistics:view", "loan:view")),
                Map.entry("ASSOCIATION", Set.of("statistics:view")),
                Map.entry("BORROWER", Set.of("portal:self")));
    }
}
