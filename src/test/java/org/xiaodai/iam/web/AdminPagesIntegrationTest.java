package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages through the whole stack (security, data scope, templates) against the demo region. */
@IntegrationTest
class AdminPagesIntegrationTest {

    static final String DEMO_PASSWORD = "Demo@2026xd";

    @Autowired
    WebApplicationContext context;
    JdbcClient jdbc;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }
    @Autowired
    Users users;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void everyAdminPageRendersForTheInstitutionAdmin() throws Exception {
        MockHttpSession session = login("a-admin", DEMO_PASSWORD);
        UUID hz = organisation("HZXD");
        UUID self = userId("a-admin");
        List<String> pages = List.of("/", "/institutions", "/institutions/" + hz + "/branches", "/users", "/users/new",
                "/users/" + self, "/roles", "/changes", "/changes?all=true", "/tokens", "/audit", "/audit/verify",
                "/account/password");
        for (String page : pages) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("小贷 Xiaodai").doesNotContain("??");
        }
        mvc.perform(get("/branches").session(session)).andExpect(redirectedUrl("/institutions/" + hz + "/branches"));
    }

    @Test
    void navigationShowsOnlyWhatTheCallerMayUseInTheirLanguage() throws Exception {
        MockHttpSession admin = login("a-admin", DEMO_PASSWORD);
        String chinese = page(admin, "/");
        assertThat(chinese).contains("用户管理", "角色权限", "审计日志").doesNotContain("机构管理</a>");
        String english = page(admin, "/?lang=en");
        assertThat(english).contains(">Users<", ">Roles<", ">Audit trail<");

        MockHttpSession officer = login("a-officer", DEMO_PASSWORD);
        assertThat(page(officer, "/")).doesNotContain("用户管理", "审计日志");
        mvc.perform(get("/users").session(officer)).andExpect(status().isForbidden());
    }

    @Test
    void anotherInstitutionsBranchPageIsNotFound() throws Exception {
        MockHttpSession session = login("b-admin", DEMO_PASSWORD);
        mvc.perform(get("/institutions/" + organisation("HZXD") + "/branches").session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/institutions/" + organisation("NBXD") + "/branches").session(session))
                .andExpect(status().isOk());
        mvc.perform(get("/users/" + userId("a-officer")).session(session)).andExpect(status().isNotFound());
    }

    @Test
    void aUserWithATemporaryPasswordIsSentToThePasswordPageUntilTheyChangeIt() throws Exception {
        TenantWall.regionWide(() -> users.createUnchecked(new Users.CreateUser(organisation("HZXD"), null, "web-temp",
                "临时用户", ScopeLevel.OWN, "Temp#2026pass"), true));
        MockHttpSession session = login("web-temp", "Temp#2026pass");
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/users").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());

        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", "Temp#2026pass")
                        .param("newPassword", "New#2026pass").param("confirmPassword", "New#2026pass"))
                .andExpect(redirectedUrl("/login?changed"));
        MockHttpSession again = login("web-temp", "New#2026pass");
        mvc.perform(get("/").session(again)).andExpect(status().isOk());
    }

    @Test
    void aRejectedFormShowsTheProblemBesideTheFieldInsteadOfFailing() throws Exception {
        MockHttpSession session = login("a-admin", DEMO_PASSWORD);
        String html = mvc.perform(post("/users").session(session).with(csrf()).param("username", "x")
                        .param("displayName", "").param("dataScope", "OWN").param("initialPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"username-error\"", "id=\"displayName-error\"", "id=\"initialPassword-error\"");
    }

    @Test
    void aRoleGrantWaitsForASecondUser() throws Exception {
        MockHttpSession maker = login("a-admin", DEMO_PASSWORD);
        UUID reviewer = userId("a-reviewer");
        UUID financeRole = jdbc.sql("select id from iam_role where institution_id is null and code = 'FINANCE'")
                .query(UUID.class).single();
        mvc.perform(post("/users/" + reviewer + "/role-grants").session(maker).with(csrf())
                .param("roleId", financeRole.toString())).andExpect(redirectedUrl("/users/" + reviewer));
        UUID request = jdbc.sql("select id from iam_change_request where status = 'PENDING' and summary like '%a-reviewer'")
                .query(UUID.class).single();
        assertThat(page(maker, "/changes")).contains("a-reviewer").doesNotContain("/changes/" + request + "/approve");

        mvc.perform(post("/changes/" + request + "/approve").session(maker).with(csrf()))
                .andExpect(redirectedUrl("/changes"));
        assertThat(requestStatus(request)).isEqualTo("PENDING");

        MockHttpSession checker = login("a-approver", DEMO_PASSWORD);
        assertThat(page(checker, "/changes")).contains("/changes/" + request + "/approve");
        mvc.perform(post("/changes/" + request + "/approve").session(checker).with(csrf()).param("note", "ok"))
                .andExpect(redirectedUrl("/changes"));
        assertThat(requestStatus(request)).isEqualTo("APPROVED");
    }

    @Test
    void htmxGetsFragmentsAndPlainFormsGetRedirects() throws Exception {
        MockHttpSession session = login("a-admin", DEMO_PASSWORD);
        UUID collector = userId("a-collector");
        String cell = mvc.perform(post("/users/" + collector + "/enabled").session(session).with(csrf())
                        .header("HX-Request", "true").param("enabled", "false").param("confirm", "yes"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cell.strip()).startsWith("<td").contains("已停用").doesNotContain("<html");
        mvc.perform(post("/users/" + collector + "/enabled").session(session).with(csrf()).param("enabled", "true"))
                .andExpect(redirectedUrl("/users/" + collector));

        String verification = mvc.perform(get("/audit/verify").session(session).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(verification).contains("id=\"verification\"", "哈希链完整").doesNotContain("<html");
    }

    @Test
    void anIssuedTokenIsShownOnceAndCanBeRevoked() throws Exception {
        MockHttpSession session = login("a-admin", DEMO_PASSWORD);
        String issued = mvc.perform(post("/tokens").session(session).with(csrf()).param("name", "web-test"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(issued).contains("id=\"token-secret\">xd_");
        assertThat(page(session, "/tokens")).contains("web-test").doesNotContain("token-secret");
        UUID token = jdbc.sql("select id from iam_api_token where name = 'web-test'").query(UUID.class).single();
        String confirmation = mvc.perform(post("/tokens/" + token + "/revoke").session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirmation).as("revoking asks first").contains("id=\"confirm-yes\"", "web-test");
        assertThat(jdbc.sql("select revoked_at is null from iam_api_token where id = ?").param(token)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(post("/tokens/" + token + "/revoke").session(session).with(csrf()).param("confirm", "yes"))
                .andExpect(redirectedUrl("/tokens"));
        assertThat(jdbc.sql("select revoked_at is not null from iam_api_token where id = ?").param(token)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theLoginPageExplainsWhySigningInFailed() throws Exception {
        assertThat(mvc.perform(get("/login?error=bad")).andReturn().getResponse().getContentAsString())
                .contains("用户名或密码错误");
        assertThat(mvc.perform(get("/login?error=locked&lang=en")).andReturn().getResponse().getContentAsString())
                .as("a locked account is answered like a wrong password").contains("Wrong user name or password")
                .doesNotContain("locked for 15");
        assertThat(mvc.perform(get("/login?logout").header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("You have signed out");
        mvc.perform(formLogin("/login").user("a-admin").password("wrong")).andExpect(redirectedUrl("/login?error=bad"));
    }

    private String requestStatus(UUID request) {
        return jdbc.sql("select status from iam_change_request where id = ?").param(request).query(String.class).single();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    private UUID organisation(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from iam_user where username = ?").param(username).query(UUID.class).single();
    }
}
