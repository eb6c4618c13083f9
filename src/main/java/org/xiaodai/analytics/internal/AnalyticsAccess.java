package org.xiaodai.analytics.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * Analytics' permissions: an institution's dashboard (its own for a lender's administrator, risk
 * manager and finance; any institution's for the regulator), and the region's dashboard (the
 * regulator and the industry association; the association sees aggregates only — no institution
 * table, no borrower — because it holds no {@link #VIEW}).
 */
@Component
public class AnalyticsAccess implements AccessContributor {

    public static final String VIEW = "analytics:view";
    public static final String REGION_VIEW = "analytics:region:view";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(VIEW, LENDER, REGULATOR), PermissionDefinition.of(REGION_VIEW, REGULATOR));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of("REGULATOR", Set.of(VIEW, REGION_VIEW), "ASSOCIATION", Set.of(REGION_VIEW),
                "INSTITUTION_ADMIN", Set.of(VIEW), "RISK_MANAGER", Set.of(VIEW), "FINANCE", Set.of(VIEW));
    }
}
