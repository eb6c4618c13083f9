package org.xiaodai.iam;

import java.util.Set;

import org.xiaodai.shared.access.PermissionDefinition;

import static org.xiaodai.shared.access.PermissionDefinition.EVERY_KIND;
import static org.xiaodai.shared.access.PermissionDefinition.LENDER;
import static org.xiaodai.shared.access.PermissionDefinition.PLATFORM;

/**
 * The permissions identity and access itself defines (other modules define theirs through their
 * own {@link org.xiaodai.shared.access.AccessContributor}). A permission's {@link #code()} is what
 * roles store and endpoints declare.
 */
public enum Permission {
    /** Register organisations (the regulator, institutions): the platform operator only. */
    INSTITUTION_MANAGE("iam:institution:manage", Set.of(PLATFORM)),
    BRANCH_MANAGE("iam:branch:manage", Set.of(PLATFORM, LENDER)),
    USER_VIEW("iam:user:view", EVERY_KIND),
    USER_MANAGE("iam:user:manage", EVERY_KIND),
    ROLE_MANAGE("iam:role:manage", EVERY_KIND),
    ROLE_GRANT("iam:role:grant", EVERY_KIND),
    CHANGE_APPROVE("iam:change:approve", EVERY_KIND),
    TOKEN_MANAGE("iam:token:manage", EVERY_KIND);

    private final String code;
    private final Set<String> holders;

    Permission(String code, Set<String> holders) {
        this.code = code;
        this.holders = holders;
    }

    /** The stored and checked name, e.g. {@code iam:user:manage}. */
    public String code() {
        return code;
    }

    public PermissionDefinition definition() {
        return new PermissionDefinition(code, holders);
    }
}
