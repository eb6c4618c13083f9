package org.xiaodai.iam.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.domain.BuiltInRole;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

/**
 * Every permission, built-in role grant and regulator-writable path the modules contribute, checked
 * once at start: a duplicate or unknown permission code, a grant to an unknown role, or a grant of
 * a permission the role's kind of organisation may not hold stops the application.
 */
@Component
public class AccessCatalogue {

    private final Map<String, PermissionDefinition> permissions = new TreeMap<>();
    private final Map<BuiltInRole, Set<String>> grants = new LinkedHashMap<>();
    private final List<String> regulatorWritablePaths = new ArrayList<>();

    AccessCatalogue(List<AccessContributor> contributors) {
        for (AccessContributor contributor : contributors) {
            for (PermissionDefinition definition : contributor.permissions()) {
                if (permissions.putIfAbsent(definition.code(), definition) != null) {
                    throw new IllegalStateException("Permission " + definition.code() + " is defined twice");
                }
            }
            regulatorWritablePaths.addAll(contributor.regulatorWritablePaths());
        }
        for (BuiltInRole role : BuiltInRole.values()) {
            grants.put(role, new TreeSet<>());
        }
        for (AccessContributor contributor : contributors) {
            contributor.roleGrants().forEach((roleCode, codes) -> addGrants(contributor, roleCode, codes));
        }
    }

    private void addGrants(AccessContributor contributor, String roleCode, Collection<String> codes) {
        BuiltInRole role = BuiltInRole.byCode(roleCode).orElseThrow(() -> new IllegalStateException(
                contributor.getClass().getSimpleName() + " grants to unknown built-in role " + roleCode));
        for (String code : codes) {
            if (!mayHold(role.organisationKind(), code)) {
                throw new IllegalStateException(contributor.getClass().getSimpleName() + " grants " + code + " to "
                        + roleCode + ", which a " + role.organisationKind() + " may not hold");
            }
            grants.get(role).add(code);
        }
    }

    public boolean isKnown(String code) {
        return permissions.containsKey(code);
    }

    /** Whether users of {@code kind} may ever hold {@code code} (false for unknown codes). */
    public boolean mayHold(OrganisationKind kind, String code) {
        PermissionDefinition definition = permissions.get(code);
        return definition != null && definition.holders().contains(kind.name());
    }

    /** The permissions a built-in role holds, sorted. */
    public List<String> grantsOf(BuiltInRole role) {
        return List.copyOf(grants.get(role));
    }

    /** Every permission code, sorted. */
    public List<String> codes() {
        return List.copyOf(permissions.keySet());
    }

    /** The codes users of {@code kind} may hold, sorted (what a custom role of that kind may contain). */
    public List<String> codesFor(OrganisationKind kind) {
        return permissions.keySet().stream().filter(code -> mayHold(kind, code)).toList();
    }

    public List<String> regulatorWritablePaths() {
        return List.copyOf(regulatorWritablePaths);
    }
}
