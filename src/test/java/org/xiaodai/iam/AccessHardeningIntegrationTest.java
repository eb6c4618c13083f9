package org.xiaodai.iam;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;
import org.xiaodai.support.IamFixtures;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways out of an institution an attacker tried on the foundation, each closed: a scope wider
 * than the creator's, branch and own scope ignored by id, custom roles with powers of another
 * kind of organisation, and grants of more than the grantor holds.
 */
@IntegrationTest
class AccessHardeningIntegrationTest {

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Api api;
    IamFixtures fixtures;
    String admin;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new IamFixtures(api, jdbc);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
    }

    @Test
    void anInstitutionAdminCannotCreateAUserWhoSeesBeyondTheInstitution() {
        for (String scope : List.of("ALL", "REGION")) {
            String name = IamFixtures.unique("escape");
            Api.Response refused = api.post("/api/v1/users", admin, Map.of("username", name, "displayName", "越权",
                    "dataScope", scope, "initialPassword", "Escape@2026pw"));
            assertThat(refused.status()).as(scope).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("dataScope");
            assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("notAllowedForOrganisation");
            assertThat(jdbc.sql("select count(*) from iam_user where username = ?").param(name).query(Long.class).single())
                    .isZero();
        }
    }

    @Test
    void aBranchScopedUserManagerStaysInsideItsBranchSubtree() {
        String manager = branchUserManager();
        String token = api.token(manager, IamFixtures.PASSWORD);

        Api.Response wider = api.post("/api/v1/users", token, Map.of("username", IamFixtures.unique("wide"),
                "displayName", "宽", "dataScope", "INSTITUTION", "branchId", branchId("E01"),
                "initialPassword", "Wider@2026pw"));
        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.json().get("errors").get(0).get("rule").asString()).isEqualTo("exceedsOwnScope");
        Api.Response elsewhere = api.post("/api/v1/users", token, Map.of("username", IamFixtures.unique("west"),
                "displayName", "西", "dataScope", "OWN", "branchId", branchId("W01"), "initialPassword", "Wests@2026pw"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asString()).isEqualTo("branchId");

        String adminId = fixtures.userId("a-admin");
        assertThat(api.get("/api/v1/users/" + adminId, token).status()).as("read by id").isEqualTo(404);
        assertThat(api.post("/api/v1/users/" + adminId + "/password-reset", token, Map.of()).status())
                .as("the institution admin's password").isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/users/" + adminId + "/enabled", token, Api.json(Map.of("enabled", false)))
                .status()).isEqualTo(404);
        assertThat(api.token("a-admin", Api.DEMO_PASSWORD)).as("a-admin untouched").startsWith("xd_");

        Api.Response inside = api.post("/api/v1/users", token, Map.of("username", IamFixtures.unique("east"),
                "displayName", "东", "dataScope", "OWN", "branchId", branchId("E01"), "initialPassword", "Easts@2026pw"));
        assertThat(inside.status()).as(inside.body()).isEqualTo(201);
        String created = inside.json().get("id").asString();
        assertThat(api.post("/api/v1/users/" + created + "/password-reset", token, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anOwnScopedUserReadsOnlyItself() {
        String name = IamFixtures.unique("own");
        String id = fixtures.user(admin, name, "OWN", "E01");
        fixtures.grant(admin, id, fixtures.role(admin, "OWN_VIEW", List.of("iam:user:view")), "a-approver");
        String token = api.token(name, IamFixtures.PASSWORD);
        assertThat(api.get("/api/v1/users/" + id, token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + fixtures.userId("a-officer"), token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users", token).json()).hasSize(1);
    }

    @Test
    void aUserManagerCannotTakeOverAMorePowerfulAccount() {
        String name = IamFixtures.unique("mgr");
        String id = fixtures.user(admin, name, "INSTITUTION", null);
        fixtures.grant(admin, id, fixtures.role(admin, "USER_MGR", List.of("iam:user:view", "iam:user:manage")),
                "a-approver");
        String token = api.token(name, IamFixtures.PASSWORD);
        Api.Response refused = api.post("/api/v1/users/" + fixtures.userId("a-admin") + "/password-reset", token, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/target-more-powerful");
        assertThat(api.token("a-admin", Api.DEMO_PASSWORD)).startsWith("xd_");
    }

    @Test
    void aLenderCannotBuildARoleWithPowersOfAnotherKindOfOrganisation() {
        for (String permission : List.of("iam:institution:manage", "supervision:view", "ops:metrics:view")) {
            Api.Response refused = api.post("/api/v1/roles", admin, Map.of("code", "BAD_" + permission.length(),
                    "name", "越权角色", "permissions", List.of(permission)));
            assertThat(refused.status()).as(permission).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("wrongOrganisationKind");
        }
        assertThat(api.get("/api/v1/roles/permissions", admin).json().toString())
                .contains("loan:view").doesNotContain("iam:institution:manage", "supervision:view");
        Api.Response register = api.post("/api/v1/institutions", admin, Map.of("kind", "REGULATOR", "code", "FAKE",
                "name", "假监管局", "regionCode", "330000"));
        assertThat(register.status()).isEqualTo(403);
    }

    @Test
    void aPlatformPowerSmuggledIntoAnOldRoleNeverTakesEffect() {
        String name = IamFixtures.unique("smuggle");
        String id = fixtures.user(admin, name, "INSTITUTION", null);
        String institution = jdbc.sql("select institution_id from iam_user where id = ?::uuid").param(id)
                .query(String.class).single();
        String role = jdbc.sql("""
                insert into iam_role (institution_id, code, name, built_in, created_at)
                values (?::uuid, ?, 'old bad role', false, now()) returning id""")
                .params(institution, "OLD_" + name.substring(name.length() - 8).toUpperCase()).query(String.class).single();
        jdbc.sql("insert into iam_role_permission values (?::uuid, 'iam:institution:manage')").param(role).update();
        jdbc.sql("insert into iam_user_role (user_id, role_id, institution_id, granted_at) values (?::uuid, ?::uuid, ?::uuid, now())")
                .params(id, role, institution).update();
        Api.Response register = api.post("/api/v1/institutions", api.token(name, IamFixtures.PASSWORD),
                Map.of("kind", "LENDER", "code", "SMUGGLED", "name", "走私机构", "regionCode", "330100"));
        assertThat(register.status()).isEqualTo(403);
    }

    @Test
    void aGrantorCannotCreateOrGrantMoreThanItHolds() {
        String name = IamFixtures.unique("granter");
        String id = fixtures.user(admin, name, "INSTITUTION", null);
        fixtures.grant(admin, id, fixtures.role(admin, "ROLE_ADMIN",
                List.of("iam:user:view", "iam:role:manage", "iam:role:grant")), "a-approver");
        String token = api.token(name, IamFixtures.PASSWORD);

        Api.Response role = api.post("/api/v1/roles", token, Map.of("code", "DISBURSER", "name", "放款",
                "permissions", List.of("loan:disburse")));
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().get("errors").get(0).get("rule").asString()).isEqualTo("exceedsGrantorPermissions");

        String target = fixtures.user(admin, IamFixtures.unique("target"), "OWN", null);
        Api.Response grant = api.post("/api/v1/users/" + target + "/role-grants", token,
                Map.of("roleId", fixtures.builtInRole(token, "FINANCE")));
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().get("errors").get(0).get("rule").asString()).isEqualTo("exceedsGrantorPermissions");
        Api.Response self = api.post("/api/v1/users/" + id + "/role-grants", token,
                Map.of("roleId", fixtures.builtInRole(token, "INSTITUTION_ADMIN")));
        assertThat(self.status()).as("no grant of admin power to oneself").isEqualTo(400);
    }

    @Test
    void aUsernameTakenInAnotherInstitutionIsADuplicateNotAServerError() {
        Api.Response taken = api.post("/api/v1/users", admin, Map.of("username", "b-officer", "displayName", "重名",
                "dataScope", "OWN", "initialPassword", "Twins@2026pw"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(400);
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        assertThat(taken.json().get("errors").get(0).get("rule").asString()).isEqualTo("duplicate");
    }

    /** A user with user management limited to the 东区支行 (E01) subtree. */
    private String branchUserManager() {
        String name = IamFixtures.unique("east-mgr");
        String id = fixtures.user(admin, name, "BRANCH", "E01");
        fixtures.grant(admin, id, fixtures.role(admin, "BRANCH_USERS", List.of("iam:user:view", "iam:user:manage")),
                "a-approver");
        return name;
    }

    private String branchId(String code) {
        return jdbc.sql("""
                select b.id from iam_branch b join iam_organisation o on o.id = b.institution_id
                where o.code = 'HZXD' and b.code = ?""").param(code).query(String.class).single();
    }
}
