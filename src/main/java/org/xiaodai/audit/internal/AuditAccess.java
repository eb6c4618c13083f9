package org.xiaodai.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

/** The audit trail's one permission: reading entries in one's scope and verifying the chain. */
@Component
class AuditAccess implements AccessContributor {

    static final String VIEW = "audit:view";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(VIEW, PermissionDefinition.EVERY_KIND));
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of("PLATFORM_ADMIN", Set.of(VIEW), "INSTITUTION_ADMIN", Set.of(VIEW), "REGULATOR", Set.of(VIEW));
    }
}
