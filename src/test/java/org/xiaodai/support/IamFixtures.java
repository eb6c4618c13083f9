package org.xiaodai.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds users and roles through the real API, as an institution's administrator would: a user
 * is created, given roles through maker-checker (filed by {@code maker}, approved by
 * {@code a-approver} or {@code b-approver}) and has set its own password, so it can sign in.
 */
public final class IamFixtures {

    /** The password every fixture user ends up with. */
    public static final String PASSWORD = "Fixture@2026pw";
    private final Api api;
    private final JdbcClient superuser;

    public IamFixtures(Api api, JdbcClient superuser) {
        this.api = api;
        this.superuser = superuser;
    }

    /** A unique name with the given prefix (the shared test database outlives each test). */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user who can sign in with {@link #PASSWORD}; {@code branchCode} null for none. */
    public String user(String adminToken, String username, String scope, String branchCode) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "displayName", "测试 " + username,
                "dataScope", scope, "initialPassword", "Initial@2026pw"));
        if (branchCode != null) {
            body.put("branchId", branch(adminToken, branchCode));
        }
        Api.Response created = api.post("/api/v1/users", adminToken, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response changed = api.post("/api/v1/auth/password", null, Map.of("username", username,
                "oldPassword", "Initial@2026pw", "newPassword", PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        return created.json().get("id").asString();
    }

    /** A custom role of the admin's institution. */
    public String role(String adminToken, String codePrefix, List<String> permissions) {
        String code = (codePrefix + "_" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase().replace('-', '_');
        Api.Response role = api.post("/api/v1/roles", adminToken, Map.of("code", code, "name", code,
                "permissions", permissions));
        assertThat(role.status()).as(role.body()).isEqualTo(201);
        return role.json().get("id").asString();
    }

    /** Files a grant as {@code makerToken} and has {@code checker} approve it. */
    public void grant(String makerToken, String userId, String roleId, String checker) {
        Api.Response filed = api.post("/api/v1/users/" + userId + "/role-grants", makerToken, Map.of("roleId", roleId));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        Api.Response approved = api.post("/api/v1/change-requests/" + filed.json().get("changeRequestId").asString()
                + "/approve", api.token(checker, Api.DEMO_PASSWORD), Map.of("note", "fixture"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    public String builtInRole(String token, String code) {
        for (var role : api.get("/api/v1/roles", token).json()) {
            if (role.get("code").asString().equals(code)) {
                return role.get("id").asString();
            }
        }
        throw new AssertionError("no role " + code);
    }

    public String userId(String username) {
        return superuser.sql("select id from iam_user where username = ?").param(username).query(String.class).single();
    }

    /** A branch of the admin's institution by code (HQ, E01, W01 in the demo). */
    private String branch(String adminToken, String code) {
        String institution = superuser.sql("""
                select u.institution_id from iam_user u join iam_api_token t on t.user_id = u.id
                where t.token_hash = ?""").param(org.xiaodai.shared.Sha256.hex(adminToken)).query(String.class).single();
        return superuser.sql("select id from iam_branch where institution_id = ?::uuid and code = ?")
                .params(institution, code).query(String.class).single();
    }
}
