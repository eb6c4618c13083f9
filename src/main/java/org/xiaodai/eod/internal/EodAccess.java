package org.xiaodai.eod.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;

/**
 * End of day's permissions: every lender's staff sees its business date and the runs; closing a
 * date (which books the day's accruals, penalties, grades and provisions and cannot be undone) is
 * for the institution administrator and finance. The regulator reads loans and reports, not an
 * institution's batch.
 */
@Component
class EodAccess implements AccessContributor {

    static final String VIEW = "eod:view";
    static final String RUN = "eod:run";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(VIEW, LENDER), PermissionDefinition.of(RUN, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        Set<String> staff = Set.of(VIEW);
        return Map.ofEntries(
                Map.entry("INSTITUTION_ADMIN", Set.of(VIEW, RUN)),
                Map.entry("FINANCE", Set.of(VIEW, RUN)),
                Map.entry("LOAN_OFFICER", staff),
                Map.entry("REVIEWER", staff),
                Map.entry("APPROVER", staff),
                Map.entry("COLLECTOR", staff),
                Map.entry("RISK_MANAGER", staff));
    }
}
