package org.xiaodai.contract.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * Contracts: read by the institution's staff (and the regulator); accepted on the borrower's behalf
 * through the API by the officer who signs with the borrower (the borrower portal accepts itself later).
 */
@Component
class ContractAccess implements AccessContributor {

    static final String VIEW = "contract:view";
    static final String ACCEPT = "contract:accept";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(VIEW, LENDER, REGULATOR), PermissionDefinition.of(ACCEPT, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(VIEW, ACCEPT),
                "LOAN_OFFICER", Set.of(VIEW, ACCEPT),
                "REVIEWER", Set.of(VIEW),
                "APPROVER", Set.of(VIEW),
                "FINANCE", Set.of(VIEW),
                "RISK_MANAGER", Set.of(VIEW),
                "REGULATOR", Set.of(VIEW));
    }
}
