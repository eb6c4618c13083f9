package org.xiaodai.risk.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * Early warning's permissions: an institution's administrator and risk manager see and handle their
 * institution's alerts; the regulator sees and handles every institution's (alert handling is
 * supervision data, so its risk paths are regulator-writable) and alone changes the rules.
 */
@Component
public class RiskAccess implements AccessContributor {

    public static final String VIEW = "risk:view";
    public static final String MANAGE = "risk:manage";
    public static final String RULE_MANAGE = "risk:rule:manage";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(VIEW, LENDER, REGULATOR),
                PermissionDefinition.of(MANAGE, LENDER, REGULATOR),
                PermissionDefinition.of(RULE_MANAGE, REGULATOR));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of("INSTITUTION_ADMIN", Set.of(VIEW, MANAGE),
                "RISK_MANAGER", Set.of(VIEW, MANAGE),
                "REGULATOR", Set.of(VIEW, MANAGE, RULE_MANAGE));
    }

    @Override
    public List<String> regulatorWritablePaths() {
        return List.of("/api/v1/risk/**", "/risk/**");
    }
}
