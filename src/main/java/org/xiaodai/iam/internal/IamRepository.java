package org.xiaodai.iam.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.iam.DataScope;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.shared.query.ListQuery;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.shared.query.PagedQuery;

/** SQL for organisations, branches and users. */
@Repository
class IamRepository {

    private final JdbcClient jdbc;

    IamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganisationRow> organisation(UUID id) {
        return jdbc.sql("select * from iam_organisation where id = ?").param(id).query(IamRepository::organisation).optional();
    }

    Optional<OrganisationRow> organisationByCode(String code) {
        return jdbc.sql("select * from iam_organisation where code = ?").param(code).query(IamRepository::organisation).optional();
    }

    List<OrganisationRow> organisations() {
        return jdbc.sql("select * from iam_organisation order by kind, code").query(IamRepository::organisation).list();
    }

    UUID insertOrganisation(OrganisationKind kind, String code, String name, String uscc, String region, Instant at) {
        return jdbc.sql("""
                insert into iam_organisation (kind, code, name, uscc, region_code, created_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(kind.name(), code, name, uscc, region, Timestamp.from(at)).query(UUID.class).single();
    }

    Optional<UserRow> userByUsername(String username) {
        return jdbc.sql("select * from iam_user where username = ?").param(username).query(IamRepository::user).optional();
    }

    /** Whether any institution already has this username (hit/miss only: usernames are unique region-wide). */
    boolean usernameTaken(String username) {
        return jdbc.sql("select iam_username_taken(?)").param(username).query(Boolean.class).single();
    }

    Optional<UserRow> user(UUID id) {
        return jdbc.sql("select * from iam_user where id = ?").param(id).query(IamRepository::user).optional();
    }

    /** One user, if it lies inside the scope (branch subtree and own records included). */
    Optional<UserRow> userInScope(DataScope scope, UUID id) {
        return userWithRolesInScope(scope, id).map(UserWithRoles::user);
    }

    /** A user with the codes of its roles, read in the same statement (what a user view shows). */
    record UserWithRoles(UserRow user, List<String> roleCodes) {
    }

    /**
     * Users inside the scope — an institution, a branch subtree (by the user's branch path) or only
     * oneself — with each user's role codes, in one statement.
     */
    List<UserWithRoles> usersWithRoles(DataScope scope) {
        DataScope.Predicate visible = scope.predicate("t", "branch_path", "id");
        return jdbc.sql(LISTED_USERS_WITH_ROLES + "where %s order by t.username".formatted(visible.sql()))
                .params(visible.parameters()).query(IamRepository::userWithRoles).list();
    }

    /** {@link #userInScope} with the user's role codes, in one statement. */
    Optional<UserWithRoles> userWithRolesInScope(DataScope scope, UUID id) {
        DataScope.Predicate visible = scope.predicate("t", "branch_path", "id");
        return jdbc.sql(USERS_WITH_ROLES + "where t.id = :onlyId and %s".formatted(visible.sql()))
                .params(visible.parameters()).param("onlyId", id).query(IamRepository::userWithRoles).optional();
    }

    /** Oneself, whatever the scope, with the role codes. */
    Optional<UserWithRoles> userWithRoles(UUID id) {
        return jdbc.sql(USERS_WITH_ROLES + "where t.id = :id").param("id", id)
                .query(IamRepository::userWithRoles).optional();
    }

    private static final String USERS_WITH_ROLES = """
            select * from (select u.*, b.path as branch_path,
                                  array(select r.code from iam_user_role ur join iam_role r on r.id = ur.role_id
                                        where ur.user_id = u.id order by r.code) as role_codes
                           from iam_user u left join iam_branch b on b.id = u.branch_id) t
            """;

    /**
     * {@link #USERS_WITH_ROLES} for a list: the role codes aggregated once for all users and joined,
     * instead of one sub-query per listed user (about 40 % less database time for a list of 50).
     */
    private static final String LISTED_USERS_WITH_ROLES = """
            select t.*, coalesce(rc.codes, '{}') as role_codes
            from (select u.*, b.path as branch_path from iam_user u left join iam_branch b on b.id = u.branch_id) t
                 left join (select ur.user_id, array_agg(r.code order by r.code) as codes
                            from iam_user_role ur join iam_role r on r.id = ur.role_id
                            group by ur.user_id) rc on rc.user_id = t.id
            """;

    private static UserWithRoles userWithRoles(ResultSet rs, int n) throws SQLException {
        return new UserWithRoles(user(rs, n), List.of((String[]) rs.getArray("role_codes").getArray()));
    }

    static final String USERS_WITH_BRANCH_PATH = """
            select u.*, b.path as branch_path, b.name as branch_name, o.name as organisation_name
            from iam_user u left join iam_branch b on b.id = u.branch_id join iam_organisation o on o.id = u.institution_id
            """;

    /** Sort keys of the user list and what they sort by. */
    static final Map<String, String> USER_SORTS = Map.of("username", "t.username", "name", "t.display_name",
            "organisation", "t.organisation_name", "branch", "t.branch_name", "status", "t.enabled");

    /** One page of the users inside the scope, searched by username and name. */
    PageResult<UserRow> users(DataScope scope, ListQuery query, UserStatus status, Instant now) {
        DataScope.Predicate visible = scope.predicate("t", "branch_path", "id");
        PagedQuery page = PagedQuery.over(jdbc, USERS_WITH_BRANCH_PATH).where(visible.sql(), visible.parameters());
        if (status != null) {
            page = page.where(status.condition(), Map.of("now", Timestamp.from(now)));
        }
        return page.search("t.username", "t.display_name").sortable(USER_SORTS).tieBreaker("t.id")
                .fetch(query, IamRepository::user);
    }

    /** The user list's status filter. */
    enum UserStatus {
        ENABLED("t.enabled and :now is not null"), DISABLED("not t.enabled and :now is not null"),
        LOCKED("t.locked_until > :now");

        private final String condition;

        UserStatus(String condition) {
            this.condition = condition;
        }

        String condition() {
            return condition;
        }

        static UserStatus of(String text) {
            for (UserStatus s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Ends every API token of a user at once (password changed or reset, user disabled, role revoked). */
    int revokeTokensOf(UUID userId, Instant at) {
        return jdbc.sql("update iam_api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), userId).update();
    }

    /** Bumps the user's security version: every session signed in before now ends at its next request. */
    void endSessionsOf(UUID userId) {
        jdbc.sql("update iam_user set security_version = security_version + 1 where id = ?").param(userId).update();
    }

    UUID insertUser(NewUser user, String passwordHash, Instant at) {
        return jdbc.sql("""
                insert into iam_user (institution_id, branch_id, username, display_name, password_hash,
                    must_change_password, data_scope, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(user.institutionId(), user.branchId(), user.username(), user.displayName(), passwordHash,
                        user.mustChangePassword(), user.scope().name(), Timestamp.from(at))
                .query(UUID.class).single();
    }

    /**
     * Takes the next login attempt slot of an enabled, unlocked account in one atomic statement and
     * returns its number (1 = first attempt since the last success), or empty when the account is
     * disabled, locked, or all {@code maxFailures} slots are taken by attempts still being checked.
     * An expired lock starts the count afresh.
     */
    Optional<Integer> takeAttemptSlot(UUID userId, int maxFailures, Instant now) {
        return jdbc.sql("""
                update iam_user set
                    failed_attempts = case when locked_until <= :now then 1 else failed_attempts + 1 end,
                    locked_until = case when locked_until <= :now then null else locked_until end
                where id = :id and enabled
                  and (locked_until is null or locked_until <= :now)
                  and (failed_attempts < :max or locked_until <= :now)
                returning failed_attempts
                """).param("id", userId).param("now", Timestamp.from(now)).param("max", maxFailures)
                .query(Integer.class).optional();
    }

    void lock(UUID userId, Instant until) {
        jdbc.sql("update iam_user set locked_until = ? where id = ?").params(Timestamp.from(until), userId).update();
    }

    /** Replaces an old-algorithm hash after a successful login; not a password change. */
    void rehashPassword(UUID userId, String hash) {
        jdbc.sql("update iam_user set password_hash = ? where id = ?").params(hash, userId).update();
    }

    void recordSuccess(UUID userId) {
        jdbc.sql("update iam_user set failed_attempts = 0, locked_until = null where id = ? and failed_attempts <> 0")
                .param(userId).update();
    }

    void updatePassword(UUID userId, String hash, boolean mustChange, Instant at) {
        jdbc.sql("""
                update iam_user set password_hash = ?, must_change_password = ?, password_changed_at = ?,
                    failed_attempts = 0, locked_until = null, version = version + 1 where id = ?
                """).params(hash, mustChange, Timestamp.from(at), userId).update();
    }

    void setEnabled(UUID userId, boolean enabled) {
        jdbc.sql("update iam_user set enabled = ?, version = version + 1 where id = ?").params(enabled, userId).update();
    }

    /** What a principal needs beyond the user row: its organisation's kind, its branch path, its permissions. */
    record AccessFacts(OrganisationKind organisationKind, String branchPath, Set<String> permissions) {
    }

    AccessFacts accessFacts(UserRow user) {
        return jdbc.sql("""
                select o.kind,
                       (select b.path from iam_branch b where b.id = :branch) as branch_path,
                       array(select distinct rp.permission from iam_user_role ur
                             join iam_role_permission rp on rp.role_id = ur.role_id where ur.user_id = :user) as permissions
                from iam_organisation o where o.id = :organisation
                """).param("branch", user.branchId()).param("user", user.id()).param("organisation", user.institutionId())
                .query(IamRepository::accessFacts)
                .single();
    }

    static AccessFacts accessFacts(ResultSet rs, int n) throws SQLException {
        return new AccessFacts(OrganisationKind.valueOf(rs.getString("kind")), rs.getString("branch_path"),
                new TreeSet<>(List.of((String[]) rs.getArray("permissions").getArray())));
    }

    /** The permissions a user holds through its roles (unfiltered by organisation kind). */
    Set<String> permissionsOf(UUID userId) {
        return new TreeSet<>(jdbc.sql("""
                select distinct rp.permission from iam_user_role ur join iam_role_permission rp on rp.role_id = ur.role_id
                where ur.user_id = ?
                """).param(userId).query(String.class).list());
    }

    /** Enabled users of an organisation other than {@code except} who hold {@code permission} through a role. */
    long otherEnabledHoldersOf(UUID organisationId, UUID except, String permission) {
        return jdbc.sql("""
                select count(distinct u.id) from iam_user u join iam_user_role ur on ur.user_id = u.id
                join iam_role_permission rp on rp.role_id = ur.role_id
                where u.institution_id = ? and u.id <> ? and u.enabled and rp.permission = ?
                """).params(organisationId, except, permission).query(Long.class).single();
    }

    /** Whether the user would still hold {@code permission} without the role {@code withoutRole}. */
    boolean holdsWithout(UUID userId, UUID withoutRole, String permission) {
        return jdbc.sql("""
                select exists (select from iam_user_role ur join iam_role_permission rp on rp.role_id = ur.role_id
                               where ur.user_id = ? and ur.role_id <> ? and rp.permission = ?)
                """).params(userId, withoutRole, permission).query(Boolean.class).single();
    }

    List<String> roleCodesOf(UUID userId) {
        return jdbc.sql("select r.code from iam_user_role ur join iam_role r on r.id = ur.role_id where ur.user_id = ? order by r.code")
                .param(userId).query(String.class).list();
    }

    /** Role codes of many users in one query (a page of users). */
    Map<UUID, List<String>> roleCodesOf(List<UUID> userIds) {
        Map<UUID, List<String>> roles = new HashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        jdbc.sql("""
                select ur.user_id, r.code from iam_user_role ur join iam_role r on r.id = ur.role_id
                where ur.user_id = any(?) order by r.code
                """).param(userIds.toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> roles.computeIfAbsent(rs.getObject("user_id", UUID.class),
                        id -> new ArrayList<>()).add(rs.getString("code")));
        return roles;
    }

    Optional<String> branchPath(UUID branchId) {
        return branchId == null ? Optional.empty()
                : jdbc.sql("select path from iam_branch where id = ?").param(branchId).query(String.class).optional();
    }

    boolean branchBelongsTo(UUID branchId, UUID institutionId) {
        return jdbc.sql("select count(*) from iam_branch where id = ? and institution_id = ?")
                .params(branchId, institutionId).query(Long.class).single() > 0;
    }

    private static OrganisationRow organisation(ResultSet rs, int n) throws SQLException {
        return new OrganisationRow(rs.getObject("id", UUID.class), OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("name"), rs.getString("uscc"), rs.getString("region_code"),
                rs.getString("status"));
    }

    static UserRow user(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserRow(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                rs.getObject("branch_id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("must_change_password"),
                ScopeLevel.valueOf(rs.getString("data_scope")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(), rs.getInt("security_version"));
    }
}
