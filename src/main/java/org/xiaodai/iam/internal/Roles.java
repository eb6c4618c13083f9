package org.xiaodai.iam.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.domain.BuiltInRole;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roles and their permissions. Built-in roles are shared by all organisations; an institution can
 * define custom ones. Granting a role goes through maker-checker: {@link #requestGrant} files the
 * change and a second user's approval applies it ({@link GrantHandler}).
 */
@Service
public class Roles {

    static final String GRANT_KIND = "iam.role.grant";
    private final JdbcClient jdbc;
    private final IamRepository repository;
    private final Users users;
    private final ChangeRequests changes;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccessCatalogue catalogue;

    Roles(JdbcClient jdbc, IamRepository repository, Users users, ChangeRequests changes, AuditTrail audit, Clock clock,
          AccessCatalogue catalogue) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.repository = repository;
        this.users = users;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** A role as shown on screens and in the API; {@code institutionId} null for built-in roles. */
    @Schema(description = "A built-in or custom role.")
    public record RoleView(UUID id, @Schema(description = "The owning organisation; null for built-in roles.")
                           @Nullable UUID institutionId,
                           @Schema(example = "LOAN_OFFICER") String code, @Schema(example = "客户经理") String name,
                           boolean builtIn, @ArraySchema(schema = @Schema(example = "loan:view")) List<String> permissions) {
    }

    public record NewRole(String code, String name, List<String> permissions) {
    }

    /** Payload of a grant waiting for approval. */
    public record Grant(UUID userId, UUID roleId) {
    }

    @Transactional(readOnly = true)
    public List<RoleView> visibleTo(CurrentUser caller) {
        return roles(caller, null);
    }

    @Transactional(readOnly = true)
    public RoleView get(CurrentUser caller, UUID roleId) {
        return roles(caller, roleId).stream().findFirst().orElseThrow(() -> ProblemException.notFound("role"));
    }

    /**
     * Built-in roles and the custom roles the tenant wall shows (the caller's institution's; every
     * institution's region-wide); one or all.
     */
    private List<RoleView> roles(CurrentUser caller, UUID roleIdOrNull) {
        return jdbc.sql("""
                select r.*, coalesce(array_agg(p.permission order by p.permission) filter (where p.permission is not null), '{}') as perms
                from iam_role r left join iam_role_permission p on p.role_id = r.id
                where cast(:id as uuid) is null or r.id = :id
                group by r.id order by r.built_in desc, r.code
                """).param("id", roleIdOrNull)
                .query(Roles::role).list();
    }

    /** How the role list may be sorted: built-in first (the default), by code or by name. */
    public static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("kind", false, "kind", "code", "name");
    private static final Map<String, String> SORTS = Map.of("kind", "t.built_in desc, t.code", "code", "t.code",
            "name", "t.name");

    /** One page of the roles the caller sees, searched by code, name and permission code. */
    @Transactional(readOnly = true)
    public PageResult<RoleView> page(CurrentUser caller, ListQuery query) {
        return PagedQuery.over(jdbc, """
                        select r.*, coalesce(array_agg(p.permission order by p.permission)
                                 filter (where p.permission is not null), '{}') as perms
                        from iam_role r left join iam_role_permission p on p.role_id = r.id group by r.id""")
                .search("t.code", "t.name", "array_to_string(t.perms, ' ')").sortable(SORTS).tieBreaker("t.id")
                .fetch(query, Roles::role);
    }

    private static RoleView role(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RoleView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getString("code"), rs.getString("name"), rs.getBoolean("built_in"),
                List.of((String[]) rs.getArray("perms").getArray()));
    }

    /** The permissions a custom role of the caller's organisation may contain: its kind's, sorted. */
    @Transactional(readOnly = true)
    public List<String> assignablePermissions(CurrentUser caller) {
        return catalogue.codesFor(organisationKind(caller.organisationId()));
    }

    /** A custom role of the caller's institution. */
    @Transactional
    public RoleView create(CurrentUser caller, NewRole request) {
        Organisations.requirePermission(caller, Permission.ROLE_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        if (request.code() == null || !request.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(FieldProblem.of("code", request.code() == null ? "required" : "format"));
        }
        Organisations.requireText(problems, "name", request.name(), 60);
        List<String> permissions = request.permissions() == null ? List.of() : request.permissions();
        if (permissions.isEmpty()) {
            problems.add(FieldProblem.of("permissions", "required"));
        }
        OrganisationKind kind = organisationKind(caller.organisationId());
        for (String permission : permissions) {
            if (!catalogue.isKnown(permission)) {
                problems.add(FieldProblem.of("permissions", "unknown", permission));
            } else if (!catalogue.mayHold(kind, permission)) {
                problems.add(FieldProblem.of("permissions", "wrongOrganisationKind", permission));
            } else if (!caller.permissions().contains(permission)) {
                problems.add(FieldProblem.of("permissions", "exceedsGrantorPermissions", permission));
            }
        }
        if (problems.isEmpty() && visibleTo(caller).stream().anyMatch(r -> r.code().equals(request.code()))) {
            problems.add(FieldProblem.of("code", "duplicate"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UUID id = insert(caller.organisationId(), request.code(), request.name().trim(), false, permissions);
        RoleView view = get(caller, id);
        audit.record(AuditRecord.created("iam.role.created", "role", id, caller.organisationId(), view));
        return view;
    }

    /** Stores a role and its permissions; callers audit (creation here, synchronisation in the bootstrap). */
    UUID insert(UUID institutionId, String code, String name, boolean builtIn, List<String> permissions) {
        UUID id = jdbc.sql("insert into iam_role (institution_id, code, name, built_in, created_at) values (?, ?, ?, ?, ?) returning id")
                .params(institutionId, code, name, builtIn, Timestamp.from(clock.instant())).query(UUID.class).single();
        permissions.stream().distinct().forEach(p -> jdbc.sql("insert into iam_role_permission (role_id, permission) values (?, ?)")
                .params(id, p).update());
        return id;
    }

    /** Files a grant for approval by a second user; returns the change request id. */
    @Transactional
    public UUID requestGrant(CurrentUser maker, UUID userId, UUID roleId) {
        Organisations.requirePermission(maker, Permission.ROLE_GRANT);
        Users.UserView user = users.get(maker, userId);
        RoleView role = get(maker, roleId);
        if (user.roles().contains(role.code())) {
            throw ProblemException.invalid("roleId", "alreadyGranted");
        }
        checkGrantable(role, user, maker.permissions(), maker.scope().level() == ScopeLevel.ALL);
        return changes.submit(maker, user.institutionId(), GRANT_KIND,
                role.code() + " → " + user.username(), new Grant(userId, roleId));
    }

    /**
     * Refuses a grant unless the role fits the user — a custom role only inside its own institution,
     * a built-in role only for the kind of organisation it is made for (no platform admin in a
     * lender), every permission one the user's kind may hold — and the grantor itself holds every
     * permission the role carries (nobody hands out more power than they have). The platform
     * operator is the one exception for built-in roles: it staffs a newly registered organisation
     * (its first administrator) with powers its own kind may not hold.
     */
    void checkGrantable(RoleView role, Users.UserView user, java.util.Set<String> grantorPermissions,
                        boolean platformGrantor) {
        OrganisationKind userKind = organisationKind(user.institutionId());
        boolean fits = role.builtIn()
                ? BuiltInRole.byCode(role.code()).map(b -> b.organisationKind() == userKind).orElse(false)
                : user.institutionId().equals(role.institutionId());
        if (!fits || role.permissions().stream().anyMatch(p -> !catalogue.mayHold(userKind, p))) {
            throw ProblemException.invalid("roleId", "wrongOrganisationKind");
        }
        if (!(platformGrantor && role.builtIn()) && !grantorPermissions.containsAll(role.permissions())) {
            throw ProblemException.invalid("roleId", "exceedsGrantorPermissions");
        }
    }

    private OrganisationKind organisationKind(UUID organisationId) {
        return jdbc.sql("select kind from iam_organisation where id = ?").param(organisationId)
                .query(String.class).optional().map(OrganisationKind::valueOf)
                .orElseThrow(() -> ProblemException.notFound("organisation"));
    }

    /**
     * Takes a role away from a user at once (less power needs no second person) and ends the
     * user's sessions and API tokens, so the lost permissions stop working on the next request.
     * The caller needs {@code iam:role:grant} and must be allowed to manage the user.
     */
    @Transactional
    public UserViewAfterRevoke revoke(CurrentUser caller, UUID userId, UUID roleId) {
        Organisations.requirePermission(caller, Permission.ROLE_GRANT);
        UserRow target = users.manageable(caller, userId);
        RoleView role = get(caller, roleId);
        if (role.permissions().contains(Permission.USER_MANAGE.code()) && target.enabled()
                && !repository.holdsWithout(userId, roleId, Permission.USER_MANAGE.code())) {
            users.requireAnotherAdmin(target, userId);
        }
        List<String> before = repository.roleCodesOf(userId);
        int removed = jdbc.sql("delete from iam_user_role where user_id = ? and role_id = ?").params(userId, roleId).update();
        if (removed == 0) {
            throw ProblemException.invalid("roleId", "notGranted");
        }
        int tokens = users.endAccess(userId);
        List<String> after = repository.roleCodesOf(userId);
        UUID institutionId = repository.user(userId).orElseThrow().institutionId();
        audit.record(AuditRecord.changed("iam.role.revoked", "user", userId, institutionId, Map.of("roles", before),
                Map.of("roles", after, "revoked", role.code(), "by", caller.username(), "tokensRevoked", tokens)));
        return new UserViewAfterRevoke(userId, after);
    }

    /** The user's roles after a revocation. */
    @Schema(description = "A user's role codes after a revocation.")
    public record UserViewAfterRevoke(UUID userId, @ArraySchema(schema = @Schema(example = "LOAN_OFFICER")) List<String> roles) {
    }

    /**
     * Records a grant that needs no (further) approval: an approved change request, bootstrap or
     * demo data. Audited with the user's roles before and after.
     */
    @Transactional
    public void grantUnchecked(UUID userId, UUID roleId, UUID grantedBy, UUID approvedBy) {
        List<String> before = repository.roleCodesOf(userId);
        jdbc.sql("""
                insert into iam_user_role (user_id, role_id, institution_id, granted_at, granted_by, approved_by)
                select ?, ?, u.institution_id, ?, ?, ? from iam_user u where u.id = ?
                on conflict do nothing
                """).params(userId, roleId, Timestamp.from(clock.instant()), grantedBy, approvedBy, userId).update();
        UUID institutionId = jdbc.sql("select institution_id from iam_user where id = ?").param(userId)
                .query(UUID.class).single();
        audit.record(AuditRecord.changed("iam.role.granted", "user", userId, institutionId,
                Map.of("roles", before), Map.of("roles", repository.roleCodesOf(userId), "grantedBy", String.valueOf(grantedBy),
                        "approvedBy", String.valueOf(approvedBy))));
    }

    @Transactional(readOnly = true)
    public UUID builtInRoleId(String code) {
        return jdbc.sql("select id from iam_role where institution_id is null and code = ?").param(code)
                .query(UUID.class).single();
    }

    /** Applies an approved role grant. */
    @org.springframework.stereotype.Component
    static class GrantHandler implements ChangeRequests.ChangeHandler {
        private final Roles roles;
        private final Users users;
        private final JsonMapper json;
        private final IamRepository repository;

        GrantHandler(@org.springframework.context.annotation.Lazy Roles roles, Users users, JsonMapper json,
                     IamRepository repository) {
            this.roles = roles;
            this.users = users;
            this.json = json;
            this.repository = repository;
        }

        @Override
        public String kind() {
            return GRANT_KIND;
        }

        @Override
        public List<ChangeRequests.Detail> describe(String payloadJson, CurrentUser viewer) {
            Grant grant = json.readValue(payloadJson, Grant.class);
            Users.UserView user = users.get(viewer, grant.userId());
            RoleView role = roles.get(viewer, grant.roleId());
            return List.of(
                    new ChangeRequests.Detail("console.changes.user",
                            List.of(user.displayName() + " (" + user.username() + ")"), null),
                    new ChangeRequests.Detail("console.changes.role", List.of(role.code()), "role."),
                    new ChangeRequests.Detail("console.changes.permissions", role.permissions(), "permission."));
        }

        @Override
        public void apply(String payloadJson, UUID institutionId, CurrentUser checker, UUID makerId) {
            Grant grant = json.readValue(payloadJson, Grant.class);
            Users.UserView user = users.get(checker, grant.userId());
            RoleView role = roles.get(checker, grant.roleId());
            // checked again at approval: the maker may have lost permissions since filing
            UserRow maker = repository.user(makerId).orElseThrow();
            roles.checkGrantable(role, user, repository.permissionsOf(makerId), maker.dataScope() == ScopeLevel.ALL);
            roles.grantUnchecked(grant.userId(), grant.roleId(), makerId, checker.userId());
        }
    }
}
