package org.xiaodai.platform.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

/**
 * Operations' permission: scraping {@code /actuator/prometheus}, whose figures (request counts per
 * endpoint, pool sizes) are the platform operator's business, not the public's.
 */
@Component
class OperationsAccess implements AccessContributor {

    static final String METRICS = "ops:metrics:view";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(PermissionDefinition.of(METRICS, PermissionDefinition.PLATFORM));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of("PLATFORM_ADMIN", Set.of(METRICS));
    }
}
