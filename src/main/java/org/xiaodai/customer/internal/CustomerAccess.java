package org.xiaodai.customer.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/** The customer module's permissions and what the built-in roles hold of them. */
@Component
class CustomerAccess implements AccessContributor {

    static final String VIEW = "customer:view";
    static final String MANAGE = "customer:manage";
    static final String PII_VIEW = "customer:pii:view";
    static final String BLACKLIST_MANAGE = "customer:blacklist:manage";
    static final String BLACKLIST_CHECK = "customer:blacklist:check";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of(VIEW, LENDER, REGULATOR),
                PermissionDefinition.of(MANAGE, LENDER),
                PermissionDefinition.of(PII_VIEW, LENDER),
                PermissionDefinition.of(BLACKLIST_MANAGE, LENDER),
                PermissionDefinition.of(BLACKLIST_CHECK, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(VIEW, MANAGE, PII_VIEW, BLACKLIST_MANAGE, BLACKLIST_CHECK),
                "LOAN_OFFICER", Set.of(VIEW, MANAGE, BLACKLIST_CHECK),
                "REVIEWER", Set.of(VIEW, BLACKLIST_CHECK),
                "APPROVER", Set.of(VIEW, BLACKLIST_CHECK),
                "COLLECTOR", Set.of(VIEW),
                "RISK_MANAGER", Set.of(VIEW, BLACKLIST_MANAGE, BLACKLIST_CHECK),
                "REGULATOR", Set.of(VIEW));
    }
}
