package org.xiaodai.iam;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdentityApiIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void issuesTokenForValidCredentialsAndStoresOnlyItsHash() {
        Api.Response response = api.post("/api/v1/auth/token", null, Map.of("username", "a-admin", "password", Api.DEMO_PASSWORD));
        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("token").asString();
        assertThat(response.json().get("expiresAt").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from iam_api_token where token_hash = ?").param(token).query(Long.class).single())
                .isZero();
        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(200);
    }

    @Test
    void refusesWrongPasswordWithProblemDetailInUsersLanguage() {
        Api.Response zh = api.send("POST", "/api/v1/auth/token", null,
                Api.json(Map.of("username", "a-admin", "password", "nope")), "application/json", "zh-CN");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.isProblem()).isTrue();
        assertThat(zh.json().get("title").asString()).isEqualTo("用户名或密码错误");
        Api.Response en = api.send("POST", "/api/v1/auth/token", null,
                Api.json(Map.of("username", "a-admin", "password", "nope")), "application/json", "en");
        assertThat(en.json().get("title").asString()).isEqualTo("Wrong username or password");
    }

    @Test
    void locksAccountAfterFiveWrongPasswordsEvenWithTheRightOneAfterwards() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        createUser(admin, "lock-me", "Lockme@2026x");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/token", null, Map.of("username", "lock-me", "password", "Wrong@2026x")).status())
                    .isEqualTo(401);
        }
        Api.Response locked = api.post("/api/v1/auth/token", null, Map.of("username", "lock-me", "password", "Lockme@2026x"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("type").asString()).as("locked is answered like a wrong password")
                .endsWith("/bad-credentials");
        assertThat(jdbc.sql("select locked_until is not null from iam_user where username = 'lock-me'")
                .query(Boolean.class).single()).as("but the account is locked").isTrue();
    }

    @Test
    void newUserMustChangePasswordBeforeGettingAToken() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        createUser(admin, "first-login", "First@2026x");
        Api.Response refused = api.post("/api/v1/auth/token", null, Map.of("username", "first-login", "password", "First@2026x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/password-change-required");

        Api.Response weak = api.post("/api/v1/auth/password", null,
                Map.of("username", "first-login", "oldPassword", "First@2026x", "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

        assertThat(api.post("/api/v1/auth/password", null,
                Map.of("username", "first-login", "oldPassword", "First@2026x", "newPassword", "Second@2026y")).status())
                .isEqualTo(204);
        assertThat(api.token("first-login", "Second@2026y")).startsWith("xd_");
    }

    @Test
    void revokedTokenIsRefused() {
        String token = api.token("a-officer", Api.DEMO_PASSWORD);
        JsonNode tokens = api.get("/api/v1/auth/tokens", token).json();
        String newest = tokens.get(0).get("id").asString();
        assertThat(api.send("DELETE", "/api/v1/auth/tokens/" + newest, token, null).status()).isEqualTo(204);
        Api.Response after = api.get("/api/v1/auth/tokens", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("type").asString()).endsWith("/invalid-token");
    }

    @Test
    void roleGrantWaitsForASecondUsersApproval() {
        String maker = api.token("a-admin", Api.DEMO_PASSWORD);
        String userId = createUser(maker, "grant-me", "Grantme@2026x");
        String roleId = roleId(maker, "FINANCE");

        Api.Response filed = api.post("/api/v1/users/" + userId + "/role-grants", maker, Map.of("roleId", roleId));
        assertThat(filed.status()).isEqualTo(202);
        String request = filed.json().get("changeRequestId").asString();
        assertThat(roles(maker, userId)).doesNotContain("FINANCE");

        Api.Response selfApproval = api.post("/api/v1/change-requests/" + request + "/approve", maker, Map.of("note", "ok"));
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.json().get("type").asString()).endsWith("/maker-cannot-check");

        String checker = api.token("a-approver", Api.DEMO_PASSWORD);
        assertThat(api.post("/api/v1/change-requests/" + request + "/approve", checker, Map.of("note", "ok")).status())
                .isEqualTo(200);
        assertThat(roles(maker, userId)).contains("FINANCE");
        assertThat(api.post("/api/v1/change-requests/" + request + "/approve", checker, Map.of()).status()).isEqualTo(409);
    }

    @Test
    void refusesToGrantABuiltInRoleMadeForAnotherKindOfOrganisation() {
        String maker = api.token("a-admin", Api.DEMO_PASSWORD);
        String userId = createUser(maker, "no-platform", "Noplat@2026x");
        Api.Response refused = api.post("/api/v1/users/" + userId + "/role-grants", maker,
                Map.of("roleId", roleId(maker, "PLATFORM_ADMIN")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("wrongOrganisationKind");
    }

    @Test
    void refusesABranchOfAnotherInstitution() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String foreignBranch = jdbc.sql("""
                select b.id from iam_branch b join iam_organisation o on o.id = b.institution_id where o.code = 'NBXD' limit 1
                """).query(String.class).single();
        Api.Response refused = api.post("/api/v1/users", admin, Map.of("username", "wrong-branch", "displayName", "测试",
                "dataScope", "BRANCH", "branchId", foreignBranch, "initialPassword", "Branch@2026x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("branchId");
        assertThat(jdbc.sql("select count(*) from iam_user where username = 'wrong-branch'").query(Long.class).single()).isZero();
    }

    @Test
    void readingUsersRolesAndApprovalsNeedsThePermission() {
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);
        assertThat(api.get("/api/v1/users", officer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roles", officer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/change-requests", officer).status()).isEqualTo(403);
        String self = jdbc.sql("select id from iam_user where username = 'a-officer'").query(String.class).single();
        assertThat(api.get("/api/v1/users/" + self, officer).status()).as("everyone reads themself").isEqualTo(200);
    }

    @Test
    void aBranchScopedUserSeesOnlyTheUsersOfItsBranchSubtree() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String east = jdbc.sql("""
                select b.id from iam_branch b join iam_organisation o on o.id = b.institution_id
                where o.code = 'HZXD' and b.code = 'E01'
                """).query(String.class).single();
        Api.Response created = api.post("/api/v1/users", admin, Map.of("username", "east-lead", "displayName", "东区主管",
                "dataScope", "BRANCH", "branchId", east, "initialPassword", "Eastlead@2026"));
        String userId = created.json().get("id").asString();
        Api.Response role = api.post("/api/v1/roles", admin, Map.of("code", "BRANCH_USER_VIEWER", "name", "网点用户查看",
                "permissions", java.util.List.of("iam:user:view")));
        String request = api.post("/api/v1/users/" + userId + "/role-grants", admin,
                Map.of("roleId", role.json().get("id").asString())).json().get("changeRequestId").asString();
        api.post("/api/v1/change-requests/" + request + "/approve", api.token("a-approver", Api.DEMO_PASSWORD), Map.of());
        api.post("/api/v1/auth/password", null, Map.of("username", "east-lead", "oldPassword", "Eastlead@2026",
                "newPassword", "Eastlead@2027"));

        JsonNode visible = api.get("/api/v1/users", api.token("east-lead", "Eastlead@2027")).json();
        java.util.List<String> names = new java.util.ArrayList<>();
        visible.forEach(u -> names.add(u.get("username").asString()));
        assertThat(names).contains("east-lead", "a-officer", "a-reviewer").doesNotContain("a-admin", "a-finance", "b-admin");
    }

    @Test
    void bootstrapAdminUsesTheConfiguredPassword() {
        assertThat(api.token("admin", Api.ADMIN_PASSWORD)).startsWith("xd_");
    }

    @Test
    void branchesFormATreeAndSubtreesArePrefixes() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String institution = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(String.class).single();
        JsonNode branches = api.get("/api/v1/institutions/" + institution + "/branches", admin).json();
        String hq = branches.get(0).get("id").asString();
        Api.Response child = api.post("/api/v1/institutions/" + institution + "/branches", admin,
                Map.of("parentId", hq, "code", "T" + UUID.randomUUID().toString().substring(0, 5), "name", "测试支行"));
        assertThat(child.status()).isEqualTo(201);
        assertThat(child.json().get("depth").asInt()).isEqualTo(1);
        String path = jdbc.sql("select path from iam_branch where id = ?").param(UUID.fromString(child.json().get("id").asString()))
                .query(String.class).single();
        assertThat(path).startsWith("/" + hq + "/");
    }

    @Test
    void theUserListShowsEachUsersRolesAsTheUserViewDoesAndOnlyTheCallersInstitution() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String bare = createUser(admin, "no-roles-" + UUID.randomUUID().toString().substring(0, 6), "Noroles@2027x");
        String several = createUser(admin, "two-roles-" + UUID.randomUUID().toString().substring(0, 6), "Tworoles@2027x");
        for (String code : new String[] {"FINANCE", "LOAN_OFFICER"}) {
            jdbc.sql("""
                    insert into iam_user_role (user_id, role_id, granted_at, institution_id)
                    select u.id, ?::uuid, now(), u.institution_id from iam_user u where u.id = ?::uuid""")
                    .params(roleId(admin, code), several).update();
        }
        JsonNode listed = api.get("/api/v1/users", admin).json();
        assertThat(listed.size()).isGreaterThan(2);
        int withSeveralRoles = 0;
        boolean sawBare = false;
        for (JsonNode user : listed) {
            String id = user.get("id").asString();
            assertThat(user.get("roles").toString()).as(user.get("username").asString()).isEqualTo(roles(admin, id));
            withSeveralRoles += user.get("roles").size() > 1 ? 1 : 0;
            sawBare |= id.equals(bare);
        }
        assertThat(sawBare).isTrue();
        assertThat(listed.findValuesAsString("id")).contains(bare);
        String ownInstitution = jdbc.sql("select institution_id::text from iam_user where username = 'a-admin'").query(String.class).single();
        assertThat(jdbc.sql("select count(*) from iam_user where institution_id::text = ?").param(ownInstitution)
                .query(Long.class).single()).isEqualTo(listed.size());
        assertThat(api.get("/api/v1/users/" + bare, admin).json().get("roles").size()).isZero();
        assertThat(roles(admin, several)).isEqualTo("[\"FINANCE\",\"LOAN_OFFICER\"]");
        assertThat(withSeveralRoles).as("users listed with more than one role").isPositive();
    }

    private String createUser(String token, String username, String password) {
        Api.Response created = api.post("/api/v1/users", token, Map.of("username", username, "displayName", "测试",
                "dataScope", "OWN", "initialPassword", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String roleId(String token, String code) {
        for (JsonNode role : api.get("/api/v1/roles", token).json()) {
            if (role.get("code").asString().equals(code)) {
                return role.get("id").asString();
            }
        }
        throw new AssertionError("no role " + code);
    }

    private String roles(String token, String userId) {
        return api.get("/api/v1/users/" + userId, token).json().get("roles").toString();
    }
}
