package org.xiaodai.collection.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.REGULATOR;

/**
 * The collection module's permissions: working cases (collectors), managing the queue (assignment,
 * escalation and outsourcing flags) and reading the statistics (also the regulator).
 */
@Component
class CollectionAccess implements AccessContributor {

    static final String WORK = "collection:work";
    static final String MANAGE = "collection:manage";
    static final String STATISTICS = "collection:statistics";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of(WORK, LENDER),
                PermissionDefinition.of(MANAGE, LENDER),
                PermissionDefinition.of(STATISTICS, LENDER, REGULATOR));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "INSTITUTION_ADMIN", Set.of(WORK, MANAGE, STATISTICS),
                "COLLECTOR", Set.of(WORK),
                "RISK_MANAGER", Set.of(STATISTICS),
                "REGULATOR", Set.of(STATISTICS));
    }
}
