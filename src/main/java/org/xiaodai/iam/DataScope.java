package org.xiaodai.iam;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the current caller may read inside the tenant wall. Which institutions' rows a query sees
 * is decided by PostgreSQL's row-level security (see {@code shared.tenant.TenantWall}), never by
 * a query; this is the one place that narrows further, to a branch subtree or the caller's own
 * records, with {@link #predicate}. Tenant-owned tables carry {@code institution_id};
 * branch-scoped data also carries a branch path column, and own-records data an owner column
 * (names given per query). See docs/architecture.md, "Reading tenant data".
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

    /** True for the scopes that span every institution (the platform operator's and the regulator's). */
    public boolean spansRegion() {
        return level == ScopeLevel.ALL || level == ScopeLevel.REGION;
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
