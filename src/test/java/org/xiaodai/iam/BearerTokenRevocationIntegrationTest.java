package org.xiaodai.iam;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token is judged afresh on every request: whatever ends it — revocation, a disabled or
 * locked user, a changed or reset password, a revoked role — refuses the very next request, and a
 * change of permissions applies to it. Changes made straight in the database stand for another
 * instance of the application behind the same load balancer: the principal this instance keeps in
 * memory for a token may not outlive them (it is checked against the database on every request).
 */
@IntegrationTest
class BearerTokenRevocationIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    IamFixtures fixtures;
    JdbcClient superuser;
    String admin;

    /** As the cluster's superuser: tests change rows as another instance (or an operator) would. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource dataSource) {
        this.superuser = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new IamFixtures(api, superuser);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
    }

    /** A fresh user of the admin's institution, seeing only itself, signed in with a token. */
    private record Caller(String id, String username, String token) {
    }

    private Caller caller(String prefix) {
        String username = IamFixtures.unique(prefix);
        String id = fixtures.user(admin, username, "OWN", null);
        return new Caller(id, username, api.token(username, IamFixtures.PASSWORD));
    }

    /** A request the caller may always make while its token is good: reading itself. */
    private int readSelf(Caller caller, String token) {
        return api.get("/api/v1/users/" + caller.id(), token).status();
    }

    private void assertRefusedAsInvalidToken(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).endsWith("/invalid-token");
    }

    @Test
    void aRevokedTokenIsRefusedAtTheVeryNextRequestWhileTheUsersOtherTokenStillWorks() {
        Caller caller = caller("revoke");
        String second = api.token(caller.username(), IamFixtures.PASSWORD);
        String firstId = tokenId(caller.token());
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);

        assertThat(api.send("DELETE", "/api/v1/auth/tokens/" + firstId, second, null).status()).isEqualTo(204);

        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));
        assertThat(readSelf(caller, second)).isEqualTo(200);
    }

    /** A read runs in one transaction begun by the token filter: a failed read answers its problem and rolls back quietly. */
    @Test
    void aReadThatFailsAnswersItsProblemAndTheNextReadOfTheSameTokenWorks() {
        Caller caller = caller("failed-read");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        Api.Response missing = api.get("/api/v1/users/" + UUID.randomUUID(), admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).endsWith("/not-found");
        assertThat(api.get("/api/v1/users/not-a-uuid", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/" + caller.id(), admin).status()).isEqualTo(200);
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
    }

    @Test
    void aTokenRevokedByAnotherInstanceIsRefusedAtTheVeryNextRequest() {
        Caller caller = caller("elsewhere");
        for (int i = 0; i < 5; i++) {
            assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        }
        superuser.sql("update iam_api_token set revoked_at = now() where id = ?::uuid")
                .param(tokenId(caller.token())).update();

        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));
    }

    /**
     * A read the caller may not make is refused by method security before any statement: the token's
     * check must still come first, so a revoked token gets 401, not the 403 a live one gets.
     */
    @Test
    void aRevokedTokenIsRefusedEvenWhereTheRequestMakesNoStatement() {
        Caller caller = caller("nostatement");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        assertThat(api.get("/api/v1/users", caller.token()).status()).as("a live token without the permission").isEqualTo(403);
        superuser.sql("update iam_api_token set revoked_at = now() where id = ?::uuid")
                .param(tokenId(caller.token())).update();
        assertRefusedAsInvalidToken(api.get("/api/v1/users", caller.token()));
        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));
    }

    @Test
    void aDisabledUsersTokenIsRefusedAtTheVeryNextRequestAndStaysRevokedAfterReEnabling() {
        Caller caller = caller("disable");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);

        assertThat(api.send("PUT", "/api/v1/users/" + caller.id() + "/enabled", admin,
                Api.json(Map.of("enabled", false))).status()).isEqualTo(200);
        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));

        assertThat(api.send("PUT", "/api/v1/users/" + caller.id() + "/enabled", admin,
                Api.json(Map.of("enabled", true))).status()).isEqualTo(200);
        assertThat(readSelf(caller, caller.token())).as("revoked when disabled, not paused").isEqualTo(401);
    }

    @Test
    void aUserDisabledOrLockedInTheDatabaseIsRefusedEvenThoughItsTokenWasNotRevoked() {
        Caller caller = caller("disabled-db");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);

        superuser.sql("update iam_user set enabled = false where id = ?::uuid").param(caller.id()).update();
        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));

        superuser.sql("update iam_user set enabled = true, locked_until = now() + interval '10 minutes' where id = ?::uuid")
                .param(caller.id()).update();
        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));

        superuser.sql("update iam_user set locked_until = null where id = ?::uuid").param(caller.id()).update();
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordEndsEveryTokenAtTheVeryNextRequest() {
        Caller caller = caller("own-password");
        String second = api.token(caller.username(), IamFixtures.PASSWORD);
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/password", null, Map.of("username", caller.username(),
                "oldPassword", IamFixtures.PASSWORD, "newPassword", "Changed@2026pw")).status()).isEqualTo(204);

        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));
        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), second));
        assertThat(readSelf(caller, api.token(caller.username(), "Changed@2026pw"))).isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsTheUsersTokensAtTheVeryNextRequest() {
        Caller caller = caller("reset");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);

        assertThat(api.post("/api/v1/users/" + caller.id() + "/password-reset", admin, Map.of()).status())
                .isEqualTo(200);

        assertRefusedAsInvalidToken(api.get("/api/v1/users/" + caller.id(), caller.token()));
    }

    @Test
    void aRevokedRoleEndsTheUsersTokensAndANewTokenNoLongerCarriesItsPermission() {
        Caller caller = caller("role-revoke");
        String role = fixtures.role(admin, "VIEWERS", List.of("iam:user:view"));
        fixtures.grant(admin, caller.id(), role, "a-approver");
        assertThat(api.get("/api/v1/users", caller.token()).status()).isEqualTo(200);

        assertThat(api.send("DELETE", "/api/v1/users/" + caller.id() + "/roles/" + role, admin, null).status())
                .isEqualTo(200);

        assertRefusedAsInvalidToken(api.get("/api/v1/users", caller.token()));
        String fresh = api.token(caller.username(), IamFixtures.PASSWORD);
        assertThat(api.get("/api/v1/users", fresh).status()).isEqualTo(403);
    }

    @Test
    void aPermissionGrantedOrTakenFromARoleAppliesToAnExistingTokenAtItsNextRequest() {
        Caller caller = caller("grant-live");
        assertThat(api.get("/api/v1/users", caller.token()).status()).isEqualTo(403);
        String role = fixtures.role(admin, "LIVE", List.of("iam:user:view"));

        fixtures.grant(admin, caller.id(), role, "a-approver");
        assertThat(api.get("/api/v1/users", caller.token()).status()).as("granted").isEqualTo(200);

        superuser.sql("delete from iam_role_permission where role_id = ?::uuid").param(role).update();
        assertThat(api.get("/api/v1/users", caller.token()).status()).as("taken away elsewhere").isEqualTo(403);
    }

    @Test
    void aChangeOfTheUsersDataScopeMadeElsewhereAppliesToAnExistingTokenAtItsNextRequest() {
        Caller caller = caller("scope-live");
        fixtures.grant(admin, caller.id(), fixtures.role(admin, "SCOPE", List.of("iam:user:view")), "a-approver");
        JsonNode own = api.get("/api/v1/users", caller.token()).json();
        assertThat(own).as("own records: itself only").hasSize(1);

        superuser.sql("update iam_user set data_scope = 'INSTITUTION' where id = ?::uuid").param(caller.id()).update();
        assertThat(api.get("/api/v1/users", caller.token()).json().size()).as("whole institution, at once").isGreaterThan(1);
    }

    @Test
    void theAccessVersionMovesWithEverythingAPrincipalIsMadeOfButNotWithLoginBookkeeping() {
        Caller caller = caller("access-version");
        long start = accessVersion();
        superuser.sql("update iam_user set failed_attempts = failed_attempts + 1, locked_until = null where id = ?::uuid")
                .param(caller.id()).update();
        assertThat(accessVersion()).as("login bookkeeping").isEqualTo(start);

        String role = fixtures.role(admin, "VERSIONED", List.of("iam:user:view"));
        long created = accessVersion();
        assertThat(created).as("a role with its permissions").isGreaterThan(start);
        fixtures.grant(admin, caller.id(), role, "a-approver");
        long granted = accessVersion();
        assertThat(granted).as("a role granted").isGreaterThan(created);
        superuser.sql("update iam_user set display_name = display_name || '*' where id = ?::uuid").param(caller.id()).update();
        long renamed = accessVersion();
        assertThat(renamed).as("a user's name").isGreaterThan(granted);
        superuser.sql("update iam_branch set path = path where institution_id = (select institution_id from iam_user where id = ?::uuid)")
                .param(caller.id()).update();
        long branches = accessVersion();
        assertThat(branches).as("branch paths").isGreaterThan(renamed);
        superuser.sql("delete from iam_user_role where user_id = ?::uuid").param(caller.id()).update();
        assertThat(accessVersion()).as("a grant removed").isGreaterThan(branches);
    }

    @Test
    void theCurrencyCheckOfACachedPrincipalFailsForEveryChangeThatEndsOrAltersIt() {
        Caller caller = caller("current");
        String token = tokenId(caller.token());
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        int securityVersion = superuser.sql("select security_version from iam_user where id = ?::uuid").param(caller.id())
                .query(Integer.class).single();
        long version = accessVersion();
        assertThat(current(token, caller.id(), securityVersion, version, "30 seconds")).as("as read").isTrue();
        assertThat(current(token, caller.id(), securityVersion, version - 1, "30 seconds")).as("older access version").isFalse();
        assertThat(current(token, caller.id(), securityVersion + 1, version, "30 seconds")).as("other security version").isFalse();
        assertThat(current(token, fixtures.userId("a-admin"), securityVersion, version, "30 seconds")).as("someone else's token").isFalse();
        setLastUsedAgo(token, "2 minutes");
        assertThat(current(token, caller.id(), securityVersion, version, "1 minute")).as("last use older than a minute").isFalse();
        setLastUsedAgo(token, "0 seconds");
        superuser.sql("update iam_user set locked_until = now() + interval '1 hour' where id = ?::uuid").param(caller.id()).update();
        assertThat(current(token, caller.id(), securityVersion, version, "1 minute")).as("locked").isFalse();
        superuser.sql("update iam_user set locked_until = null where id = ?::uuid").param(caller.id()).update();
        assertThat(current(token, caller.id(), securityVersion, version, "1 minute")).as("unlocked again").isTrue();
        superuser.sql("update iam_api_token set revoked_at = now() where id = ?::uuid").param(token).update();
        assertThat(current(token, caller.id(), securityVersion, version, "1 minute")).as("revoked").isFalse();
    }

    private long accessVersion() {
        return superuser.sql("select coalesce((select version from iam_access_version), 0)").query(Long.class).single();
    }

    private boolean current(String token, String userId, int securityVersion, long accessVersion, String lastUseWithin) {
        return superuser.sql("select iam_token_current(?::uuid, ?::uuid, ?, ?, now(), now() - cast(? as interval))")
                .params(token, userId, securityVersion, accessVersion, lastUseWithin).query(Boolean.class).single();
    }

    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() {
        Caller caller = caller("last-used");
        String id = tokenId(caller.token());
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        assertThat(lastUsed(id)).as("first use").isNotNull();

        Instant recent = setLastUsedAgo(id, "30 seconds");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        assertThat(lastUsed(id)).as("within the minute: not written").isEqualTo(recent);

        setLastUsedAgo(id, "2 minutes");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        assertThat(lastUsed(id)).as("older than a minute: written").isAfter(recent);
    }

    /**
     * A write of a remembered principal carries the token's check in its first transaction's setting
     * statement: a token revoked elsewhere is refused (401) at the very next write, and nothing of the
     * write is committed.
     */
    @Test
    void aTokenRevokedElsewhereIsRefusedAtTheVeryNextWriteWithNothingWritten() {
        Caller caller = caller("write-revoke");
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/tokens", caller.token(), Map.of("name", "before")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/tokens", caller.token(), Map.of("name", "before")).status()).isEqualTo(201);
        long tokens = tokensOf(caller);
        superuser.sql("update iam_api_token set revoked_at = now() where id = ?::uuid")
                .param(tokenId(caller.token())).update();

        assertRefusedAsInvalidToken(api.post("/api/v1/auth/tokens", caller.token(), Map.of("name", "after")));
        assertThat(tokensOf(caller)).as("nothing written").isEqualTo(tokens);
    }

    /**
     * When the check in a write's first transaction fails only because the principal must be resolved
     * again (here: its last use is older than a minute), the request is answered afresh with its body
     * replayed: it takes effect once, with the body as sent.
     */
    @Test
    void aWriteWhoseCheckFailsIsAnsweredAfreshOnceWithItsBody() {
        Caller caller = caller("write-replay");
        String id = tokenId(caller.token());
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        Instant old = setLastUsedAgo(id, "2 minutes");
        long tokens = tokensOf(caller);

        assertThat(api.post("/api/v1/auth/tokens", caller.token(), Map.of("name", "replayed")).status()).isEqualTo(201);
        assertThat(superuser.sql("select count(*) from iam_api_token where user_id = ?::uuid and name = 'replayed'")
                .param(caller.id()).query(Long.class).single()).as("once, with the body as sent").isEqualTo(1L);
        assertThat(tokensOf(caller)).isEqualTo(tokens + 1);
        assertThat(lastUsed(id)).as("resolved afresh: last use written").isAfter(old);
    }

    /** A permission taken elsewhere applies to the very next write of an existing token. */
    @Test
    void aPermissionTakenElsewhereAppliesToTheNextWrite() {
        String username = IamFixtures.unique("write-grant");
        String id = fixtures.user(admin, username, "INSTITUTION", null);
        String role = fixtures.role(admin, "WRITER", List.of("iam:token:manage"));
        fixtures.grant(admin, id, role, "a-approver");
        Caller caller = new Caller(id, username, api.token(username, IamFixtures.PASSWORD));
        Caller other = caller("write-grant-other");
        String first = tokenId(api.token(other.username(), IamFixtures.PASSWORD));
        String otherId = tokenId(other.token());
        assertThat(readSelf(caller, caller.token())).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/auth/tokens/" + first, caller.token(), null).status())
                .as("with iam:token:manage over the institution").isEqualTo(204);

        superuser.sql("delete from iam_role_permission where role_id = ?::uuid").param(role).update();
        Api.Response revoke = api.send("DELETE", "/api/v1/auth/tokens/" + otherId, caller.token(), null);
        assertThat(revoke.status()).as("without iam:token:manage another user's token is not found").isEqualTo(404);
        assertThat(superuser.sql("select revoked_at is null from iam_api_token where id = ?::uuid").param(otherId)
                .query(Boolean.class).single()).isTrue();
    }

    private long tokensOf(Caller caller) {
        return superuser.sql("select count(*) from iam_api_token where user_id = ?::uuid").param(caller.id())
                .query(Long.class).single();
    }

    @Test
    void behindABearerTokenTheControllersQueriesStillSeeOnlyTheCallersInstitution() {
        String otherInstitutionsAdmin = fixtures.userId("b-admin");
        JsonNode users = api.get("/api/v1/users", admin).json();
        String ownInstitution = superuser.sql("select institution_id from iam_user where username = 'a-admin'")
                .query(String.class).single();
        assertThat(users).isNotEmpty().allSatisfy(u -> assertThat(u.get("institutionId").asString()).isEqualTo(ownInstitution));
        assertThat(api.get("/api/v1/users/" + otherInstitutionsAdmin, admin).status()).isEqualTo(404);
    }

    private String tokenId(String token) {
        return superuser.sql("select id from iam_api_token where token_hash = ?")
                .param(org.xiaodai.shared.Sha256.hex(token)).query(String.class).single();
    }

    private Instant lastUsed(String tokenId) {
        Timestamp at = superuser.sql("select last_used_at from iam_api_token where id = ?::uuid").param(tokenId)
                .query(Timestamp.class).single();
        return at == null ? null : at.toInstant();
    }

    /** Sets the token's last use to {@code interval} ago (database time) and returns it as stored. */
    private Instant setLastUsedAgo(String tokenId, String interval) {
        return superuser.sql("update iam_api_token set last_used_at = now() - cast(? as interval) where id = ?::uuid "
                        + "returning last_used_at")
                .params(interval, tokenId).query(Timestamp.class).single().toInstant();
    }
}
