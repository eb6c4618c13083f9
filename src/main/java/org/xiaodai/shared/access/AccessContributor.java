package org.xiaodai.shared.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Implemented (as a bean) by every module that guards endpoints: the permissions it defines, the
 * ones the built-in roles of {@code DOMAIN.md} §1 hold of them, and the paths a regulator user
 * may write to. Identity and access collects every contribution into one catalogue at start and
 * refuses to start on an unknown or duplicate code, so adding a module never means editing a
 * central list.
 */
public interface AccessContributor {

    /** Permissions this module defines. */
    default List<PermissionDefinition> permissions() {
        return List.of();
    }

    /** Of this module's permissions, those each built-in role holds: role code → permission codes. */
    default Map<String, Set<String>> roleGrants() {
        return Map.of();
    }

    /**
     * Path patterns (e.g. {@code /api/v1/supervision/**}) where a regulator user may send writes;
     * everything else is read-only for the regulator whatever its permissions.
     */
    default List<String> regulatorWritablePaths() {
        return List.of();
    }
}
