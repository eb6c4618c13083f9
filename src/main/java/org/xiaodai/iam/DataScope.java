package org.xiaodai.iam;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the current caller may read: the one place that turns a user's scope into a SQL predicate,
 * so no controller or query decides this on its own. Tenant-owned tables carry
 * {@code institution_id}; branch-scoped data also carries a branch path column, and
 * own-records data an owner column (names given per query).
 *
 * @param level          how far reads reach
 * @param institutionId  the caller's organisation (meaningless for ALL/REGION)
 * @param branchPath     the caller's branch path ({@code /id/.../}) for BRANCH scope
 * @param userId         the caller, for OWN scope
 */
public record DataScope(ScopeLevel level, UUID institutionId, String branchPath, UUID userId)
        implements java.io.Serializable {

    public DataScope {
        Objects.requireNonNull(level, "level must not be null");
        if (level != ScopeLevel.ALL && level != ScopeLevel.REGION) {
            Objects.requireNonNull(institutionId, "institutionId must not be null below region scope");
        }
    }

    /** True when rows of {@code rowInstitutionId} are visible at all. */
    public boolean canSeeInstitution(UUID rowInstitutionId) {
        UUID only = institutionFilter();
        return only == null || only.equals(rowInstitutionId);
    }

    /**
     * The one institution whose rows the caller may read, or null when the scope spans every
     * institution (platform operator, regulator). Narrower scopes (branch, own) still return the
     * institution; use {@link #predicate} where rows carry a branch path or owner.
     */
    public UUID institutionFilter() {
        return level == ScopeLevel.ALL || level == ScopeLevel.REGION ? null : institutionId;
    }

    /**
     * A predicate restricting {@code alias} rows to this scope, with its named parameters.
     *
     * @param alias        table alias, e.g. {@code c}
     * @param branchColumn the row's branch path column, or null when the table has none
     * @param ownerColumn  the row's owning user column, or null when the table has none
     */
    public Predicate predicate(String alias, String branchColumn, String ownerColumn) {
        String institution = alias + ".institution_id = :scopeInstitutionId";
        return switch (level) {
            case ALL, REGION -> new Predicate("true", Map.of());
            case INSTITUTION -> new Predicate(institution, Map.of("scopeInstitutionId", institutionId));
            case BRANCH -> branchColumn == null
                    ? new Predicate(institution, Map.of("scopeInstitutionId", institutionId))
                    : new Predicate(institution + " and " + alias + "." + branchColumn + " like :scopeBranchPath",
                            Map.of("scopeInstitutionId", institutionId, "scopeBranchPath", branchPath + "%"));
            case OWN -> ownerColumn == null
                    ? new Predicate(institution, Map.of("scopeInstitutionId", institutionId))
                    : new Predicate(institution + " and " + alias + "." + ownerColumn + " = :scopeUserId",
                            Map.of("scopeInstitutionId", institutionId, "scopeUserId", userId));
        };
    }

    /** A SQL boolean expression and the parameters it names. */
    public record Predicate(String sql, Map<String, Object> parameters) {
    }
}
