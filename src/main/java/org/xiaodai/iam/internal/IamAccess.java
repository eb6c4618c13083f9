package org.xiaodai.iam.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.Permission;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.iam.Permission.*;

/** Identity and access's own permissions, what the built-in roles hold of them, and the regulator's own writes. */
@Component
class IamAccess implements AccessContributor {

    @Override
    public List<PermissionDefinition> permissions() {
        return Arrays.stream(Permission.values()).map(Permission::definition).toList();
    }

    @Override
    public Map<String, Set<String>> roleGrants() {
        return Map.of(
                "PLATFORM_ADMIN", codes(Permission.values()),
                "INSTITUTION_ADMIN", codes(BRANCH_MANAGE, USER_VIEW, USER_MANAGE, ROLE_MANAGE, ROLE_GRANT, CHANGE_APPROVE,
                        TOKEN_MANAGE),
                "APPROVER", codes(CHANGE_APPROVE),
                "REGULATOR", codes(USER_VIEW));
    }

    /** Its own sign-in, password and API tokens. */
    @Override
    public List<String> regulatorWritablePaths() {
        return List.of("/api/v1/auth/**", "/login", "/logout", "/account/**", "/tokens/**");
    }

    private static Set<String> codes(Permission... permissions) {
        return Arrays.stream(permissions).map(Permission::code).collect(Collectors.toSet());
    }
}
