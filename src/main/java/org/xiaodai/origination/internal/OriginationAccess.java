package org.xiaodai.origination.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/** Origination's permissions: entering applications, investigating, reading them, changing a contracted loan's security. */
@Component
@EnableConfigurationProperties(OriginationProperties.class)
class OriginationAccess implements AccessContributor {

    static final String CREATE = "application:create";
    static final String INVESTIGATE = "application:investigate";
    static final String VIEW = "application:view";
    static final String SECURITY_CHANGE = "application:security:change";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(CREATE, LENDER), PermissionDefinition.of(INVESTIGATE, LENDER),
                PermissionDefinition.of(VIEW, LENDER, REGULATOR), PermissionDefinition.of(SECURITY_CHANGE, LENDER));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(CREATE, INVESTIGATE, VIEW, SECURITY_CHANGE),
                "LOAN_OFFICER", Set.of(CREATE, INVESTIGATE, VIEW, SECURITY_CHANGE),
                "REVIEWER", Set.of(VIEW),
                "APPROVER", Set.of(VIEW),
                "RISK_MANAGER", Set.of(VIEW),
                "FINANCE", Set.of(VIEW),
                "REGULATOR", Set.of(VIEW));
    }
}
