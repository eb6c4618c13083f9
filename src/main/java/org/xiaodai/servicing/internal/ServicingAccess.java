package org.xiaodai.servicing.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;

/**
 * Servicing's own permissions (the older lending ones are still declared by {@code iam}'s
 * {@code LendingAccess}): setting, changing or revoking a loan's auto-debit mandate (代扣授权) is for
 * the institution administrator, finance and the loan officer who handles the borrower's paperwork.
 * The regulator never changes a loan.
 */
@Component
class ServicingAccess implements AccessContributor {

    static final String AUTO_DEBIT = "loan:auto-debit";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(AUTO_DEBIT, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.ofEntries(
                Map.entry("INSTITUTION_ADMIN", Set.of(AUTO_DEBIT)),
                Map.entry("FINANCE", Set.of(AUTO_DEBIT)),
                Map.entry("LOAN_OFFICER", Set.of(AUTO_DEBIT)));
    }
}
