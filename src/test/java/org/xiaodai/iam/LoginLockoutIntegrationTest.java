package org.xiaodai.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.Api;
import org.xiaodai.support.IamFixtures;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Lockout counts every attempt exactly once, atomically, and never tells a locked account from a wrong password. */
@IntegrationTest
class LoginLockoutIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
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
    void fourWrongPasswordsInARowLeaveTheAccountUsable() {
        String name = IamFixtures.unique("four");
        String id = fixtures.user(admin, name, "OWN", null);
        for (int i = 0; i < 4; i++) {
            assertThat(tokenRequest(name, "Wrong@2026pw").status()).isEqualTo(401);
        }
        assertThat(failedAttempts(id)).isEqualTo(4);
        assertThat(auditCount("iam.login.failed", id)).as("each attempt audited once").isEqualTo(4);
        assertThat(api.token(name, IamFixtures.PASSWORD)).startsWith("xd_");
        assertThat(failedAttempts(id)).isZero();
    }

    @Test
    void aWrongFormLoginIsCountedOnce() throws Exception {
        String name = IamFixtures.unique("form");
        String id = fixtures.user(admin, name, "OWN", null);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(formLogin("/login").user(name).password("Wrong@2026pw")).andExpect(redirectedUrl("/login?error=bad"));
        assertThat(failedAttempts(id)).isEqualTo(1);
        assertThat(auditCount("iam.login.failed", id)).isEqualTo(1);
    }

    @Test
    void fiftyParallelWrongGuessesLockTheAccountAfterExactlyFive() throws Exception {
        String name = IamFixtures.unique("burst");
        String id = fixtures.user(admin, name, "OWN", null);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String guess = "Guess@2026pw" + i;
            guesses.add(() -> tokenRequest(name, guess).status());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<Integer> result : pool.invokeAll(guesses)) {
                assertThat(result.get()).isEqualTo(401);
            }
        }
        assertThat(failedAttempts(id)).isEqualTo(5);
        assertThat(jdbc.sql("select locked_until is not null from iam_user where id = ?::uuid").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(auditCount("iam.login.failed", id) + auditCount("iam.user.locked", id))
                .as("exactly five guesses were checked").isEqualTo(5);
        assertThat(auditCount("iam.user.locked", id)).isEqualTo(1);

        Api.Response rightPassword = tokenRequest(name, IamFixtures.PASSWORD);
        Api.Response wrongPassword = tokenRequest("a-admin", "Wrong@2026pw");
        assertThat(rightPassword.status()).as("every further attempt refused").isEqualTo(401);
        assertThat(rightPassword.body()).as("locked answers like a wrong password").isEqualTo(wrongPassword.body());
        assertThat(auditCount("iam.login.failed", id)).as("a locked account's attempts are not checked").isEqualTo(4);
    }

    @Test
    void lockedDisabledAndUnknownAccountsAnswerExactlyLikeAWrongPassword() {
        String name = IamFixtures.unique("off");
        String id = fixtures.user(admin, name, "OWN", null);
        assertThat(api.send("PUT", "/api/v1/users/" + id + "/enabled", admin, Api.json(Map.of("enabled", false))).status())
                .isEqualTo(200);
        String wrong = tokenRequest("a-admin", "Wrong@2026pw").body();
        assertThat(tokenRequest(name, IamFixtures.PASSWORD).body()).as("disabled").isEqualTo(wrong);
        assertThat(tokenRequest("nobody-" + name, IamFixtures.PASSWORD).body()).as("unknown").isEqualTo(wrong);
        assertThat(tokenRequest(name, IamFixtures.PASSWORD).json().get("type").asString()).endsWith("/bad-credentials");
    }

    @Test
    void overlongPasswordsAreRefusedNeverAServerError() throws Exception {
        Api.Response token = tokenRequest("a-admin", "Aa1#".repeat(300));
        assertThat(token.status()).isBetween(400, 401);
        assertThat(token.isProblem()).isTrue();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(formLogin("/login").user("a-finance").password("Aa1#".repeat(2500)))
                .andExpect(redirectedUrl("/login?error=bad"));
        Api.Response create = api.post("/api/v1/users", admin, Map.of("username", IamFixtures.unique("long"),
                "displayName", "长密码", "dataScope", "OWN", "initialPassword", "Aa1#".repeat(33)));
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json().get("errors").get(0).get("field").asString()).isEqualTo("initialPassword");
        assertThat(create.json().get("errors").get(0).get("rule").asString()).isIn("size", "tooLong");
    }

    @Test
    void newHashesAreArgon2idAndBcryptHashesAreUpgradedAtTheNextLogin() {
        String name = IamFixtures.unique("hash");
        String id = fixtures.user(admin, name, "OWN", null);
        assertThat(hash(id)).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        jdbc.sql("update iam_user set password_hash = ? where id = ?::uuid")
                .params("{bcrypt}" + new BCryptPasswordEncoder().encode(IamFixtures.PASSWORD), id).update();
        assertThat(api.token(name, IamFixtures.PASSWORD)).startsWith("xd_");
        assertThat(hash(id)).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(api.token(name, IamFixtures.PASSWORD)).as("the upgraded hash verifies").startsWith("xd_");
    }

    private Api.Response tokenRequest(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    private int failedAttempts(String userId) {
        return jdbc.sql("select failed_attempts from iam_user where id = ?::uuid").param(userId).query(Integer.class).single();
    }

    private String hash(String userId) {
        return jdbc.sql("select password_hash from iam_user where id = ?::uuid").param(userId).query(String.class).single();
    }

    private long auditCount(String action, String userId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and entity_id = ?").params(action, userId)
                .query(Long.class).single();
    }
}
