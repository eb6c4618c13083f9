package org.xiaodai.product.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.EVERY_KIND;
import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.PLATFORM;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * The product module's permissions. Products are an institution's own: its staff read them, its
 * administrator edits them, the regulator reads every institution's. The LPR table is region-wide
 * reference data: everybody reads it, and only the platform operator publishes a new rate — it
 * copies a national publication (the National Interbank Funding Center's, on the 20th of each
 * month), it is not a supervisory decision, and the regulator stays read-only on the benchmark it
 * supervises against.
 */
@Component
class ProductAccess implements AccessContributor {

    static final String VIEW = "product:view";
    static final String MANAGE = "product:manage";
    static final String LPR_VIEW = "product:lpr:view";
    static final String LPR_MANAGE = "product:lpr:manage";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of(VIEW, LENDER, REGULATOR),
                PermissionDefinition.of(MANAGE, LENDER),
                new PermissionDefinition(LPR_VIEW, EVERY_KIND),
                PermissionDefinition.of(LPR_MANAGE, PLATFORM));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        Set<String> staff = Set.of(VIEW, LPR_VIEW);
        return Map.ofEntries(
                Map.entry("PLATFORM_ADMIN", Set.of(LPR_VIEW, LPR_MANAGE)),
                Map.entry("INSTITUTION_ADMIN", Set.of(VIEW, MANAGE, LPR_VIEW)),
                Map.entry("LOAN_OFFICER", staff),
                Map.entry("REVIEWER", staff),
                Map.entry("APPROVER", staff),
                Map.entry("FINANCE", staff),
                Map.entry("COLLECTOR", staff),
                Map.entry("RISK_MANAGER", staff),
                Map.entry("REGULATOR", staff),
                Map.entry("ASSOCIATION", Set.of(LPR_VIEW)));
    }
}
