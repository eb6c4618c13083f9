package org.xiaodai.shared.access;

import java.util.Objects;
import java.util.Set;

/**
 * One permission (权限), e.g. {@code loan:approve:l2}: its code as roles store it and endpoints
 * declare it ({@code @PreAuthorize("hasAuthority('loan:approve:l2')")}), and the kinds of
 * organisation whose users may ever hold it — a lender can never be given a platform or a
 * supervision power, whatever role it builds.
 *
 * @param code    {@code module:object:action}, lower case; must not be null
 * @param holders organisation kinds ({@link #PLATFORM}, {@link #REGULATOR}, {@link #LENDER}); not empty
 */
public record PermissionDefinition(String code, Set<String> holders) {

    public static final String PLATFORM = "PLATFORM";
    public static final String REGULATOR = "REGULATOR";
    public static final String LENDER = "LENDER";
    public static final Set<String> EVERY_KIND = Set.of(PLATFORM, REGULATOR, LENDER);

    public PermissionDefinition {
        Objects.requireNonNull(code, "code must not be null");
        if (!code.matches("[a-z]+(:[a-z0-9-]+){1,3}")) {
            throw new IllegalArgumentException("Permission code must look like module:object:action: " + code);
        }
        holders = Set.copyOf(holders);
        if (holders.isEmpty() || !EVERY_KIND.containsAll(holders)) {
            throw new IllegalArgumentException("Permission " + code + " needs holders among " + EVERY_KIND);
        }
    }

    public static PermissionDefinition of(String code, String... holders) {
        return new PermissionDefinition(code, Set.of(holders));
    }
}
