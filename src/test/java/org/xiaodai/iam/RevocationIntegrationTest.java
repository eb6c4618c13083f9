package org.xiaodai.iam;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.Api;
import org.xiaodai.support.IamFixtures;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Changing or resetting a password, disabling a user or taking a role away ends that user's
 * signed-in sessions and API tokens on the very next request.
 */
@IntegrationTest
class RevocationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    JdbcClient jdbc;
    Api api;
    IamFixtures fixtures;
    String admin;
    MockMvc mvc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new IamFixtures(api, jdbc);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void changingTheOwnPasswordEndsSessionsAndTokens() throws Exception {
        assertAccessEnds((name, id) -> assertThat(api.post("/api/v1/auth/password", null, Map.of("username", name,
                "oldPassword", IamFixtures.PASSWORD, "newPassword", "Changed@2026pw")).status()).isEqualTo(204));
    }

    @Test
    void aPasswordResetEndsSessionsAndTokens() throws Exception {
        assertAccessEnds((name, id) -> assertThat(api.post("/api/v1/users/" + id + "/password-reset", admin, Map.of())
                .status()).isEqualTo(200));
    }

    @Test
    void disablingAUserEndsSessionsAndTokens() throws Exception {
        assertAccessEnds((name, id) -> assertThat(api.send("PUT", "/api/v1/users/" + id + "/enabled", admin,
                Api.json(Map.of("enabled", false))).status()).isEqualTo(200));
    }

    @Test
    void takingARoleAwayEndsSessionsAndTokens() throws Exception {
        assertAccessEnds((name, id) -> {
            String role = jdbc.sql("select role_id::text from iam_user_role where user_id = ?::uuid").param(id)
                    .query(String.class).list().getFirst();
            assertThat(api.send("DELETE", "/api/v1/users/" + id + "/roles/" + role, admin, null).status()).isEqualTo(200);
        });
    }

    /** A user with a live session and a live token; after {@code change} neither works any more. */
    private void assertAccessEnds(BiConsumer<String, String> change) throws Exception {
        String name = IamFixtures.unique("revoke");
        String id = fixtures.user(admin, name, "INSTITUTION", null);
        fixtures.grant(admin, id, fixtures.role(admin, "VIEWER", List.of("iam:user:view")), "a-approver");
        String token = api.token(name, IamFixtures.PASSWORD);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(name)
                .password(IamFixtures.PASSWORD)).andReturn().getRequest().getSession(false);
        assertThat(api.get("/api/v1/users", token).status()).as("token before").isEqualTo(200);
        assertThat(mvc.perform(get("/users").session(session)).andReturn().getResponse().getStatus())
                .as("session before").isEqualTo(200);

        change.accept(name, id);

        Api.Response afterToken = api.get("/api/v1/users", token);
        assertThat(afterToken.status()).as("the very next request with the token").isEqualTo(401);
        assertThat(afterToken.isProblem()).isTrue();
        var afterSession = mvc.perform(get("/users").session(session)).andReturn().getResponse();
        assertThat(afterSession.getStatus()).as("the very next request in the session").isEqualTo(302);
        assertThat(afterSession.getRedirectedUrl()).contains("/login");
    }
}
