package org.xiaodai.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.PLATFORM;

/** The notification module's permissions and what the built-in roles hold of them. */
@Component
class NotificationAccess implements AccessContributor {

    static final String DELIVERY_VIEW = "notification:delivery:view";
    static final String SIMULATOR_VIEW = "notification:simulator:view";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                PermissionDefinition.of(DELIVERY_VIEW, LENDER, PLATFORM),
                PermissionDefinition.of(SIMULATOR_VIEW, PLATFORM));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "PLATFORM_ADMIN", Set.of(DELIVERY_VIEW, SIMULATOR_VIEW),
                "INSTITUTION_ADMIN", Set.of(DELIVERY_VIEW));
    }
}
