package org.xiaodai.iam.web;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.internal.Roles;
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

/** Destructive actions ask first, and the console refuses the ones that lock an institution out. */
@IntegrationTest
class SafeActionsIntegrationTest {

    static final String DEMO_PASSWORD = "Demo@2026xd";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Users users;
    @Autowired
    Roles roles;
    JdbcClient jdbc;
    MockMvc mvc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void disablingAUserAsksForConfirmationBeforeActing() throws Exception {
        MockHttpSession admin = login("a-admin", DEMO_PASSWORD);
        UUID target = newUser("HZXD", "safe-off");
        String page = mvc.perform(post("/users/" + target + "/enabled").session(admin).with(csrf())
                .param("enabled", "false")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("停用该用户？", "name=\"confirm\" value=\"yes\"", "id=\"confirm-cancel\"");
        assertThat(enabled(target)).as("nothing happens before the confirmation").isTrue();
        mvc.perform(post("/users/" + target + "/enabled").session(admin).with(csrf()).param("enabled", "false")
                .param("confirm", "yes")).andExpect(redirectedUrl("/users/" + target));
        assertThat(enabled(target)).isFalse();
    }

    @Test
    void resettingAPasswordAsksForConfirmationBeforeActing() throws Exception {
        MockHttpSession admin = login("a-admin", DEMO_PASSWORD);
        UUID target = newUser("HZXD", "safe-reset");
        String hash = hash(target);
        String page = mvc.perform(post("/users/" + target + "/password-reset").session(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("重置该用户的密码？").doesNotContain("temporary-password");
        assertThat(hash(target)).isEqualTo(hash);
        String done = mvc.perform(post("/users/" + target + "/password-reset").session(admin).with(csrf())
                .param("confirm", "yes")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("id=\"temporary-password\"");
        assertThat(hash(target)).isNotEqualTo(hash);
    }

    @Test
    void nobodyDisablesThemselves() throws Exception {
        MockHttpSession admin = login("b-admin", DEMO_PASSWORD);
        UUID self = userId("b-admin");
        mvc.perform(post("/users/" + self + "/enabled").session(admin).with(csrf()).param("enabled", "false")
                .param("confirm", "yes")).andExpect(redirectedUrl("/users/" + self));
        assertThat(enabled(self)).isTrue();
        String page = mvc.perform(get("/users/" + self).session(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("id=\"toggle-enabled\"");
    }

    @Test
    void theLastActiveAdministratorOfAnInstitutionCannotBeDisabledOrLoseTheRole() throws Exception {
        UUID institution = TenantWall.regionWide(() -> jdbc.sql("select id from iam_organisation where code = 'NBXD'")
                .query(UUID.class).single());
        UUID second = newUser("NBXD", "safe-admin");
        UUID adminRole = TenantWall.regionWide(() -> roles.builtInRoleId("INSTITUTION_ADMIN"));
        TenantWall.regionWide(() -> roles.grantUnchecked(second, adminRole, null, null));
        MockHttpSession platform = login("admin", org.xiaodai.support.Api.ADMIN_PASSWORD);
        UUID bAdmin = userId("b-admin");
        // two admins: one may go
        mvc.perform(post("/users/" + second + "/enabled").session(platform).with(csrf()).param("enabled", "false")
                .param("confirm", "yes")).andExpect(redirectedUrl("/users/" + second));
        assertThat(enabled(second)).isFalse();
        // now b-admin is the last enabled one
        mvc.perform(post("/users/" + bAdmin + "/enabled").session(platform).with(csrf()).param("enabled", "false")
                .param("confirm", "yes")).andExpect(redirectedUrl("/users/" + bAdmin));
        assertThat(enabled(bAdmin)).isTrue();
        mvc.perform(post("/users/" + bAdmin + "/roles/" + adminRole + "/revoke").session(platform).with(csrf())
                .param("confirm", "yes")).andExpect(redirectedUrl("/users/" + bAdmin));
        assertThat(jdbc.sql("select count(*) from iam_user_role where user_id = ? and role_id = ?")
                .params(bAdmin, adminRole).query(Long.class).single()).isEqualTo(1);
        assertThat(institution).isNotNull();
        mvc.perform(post("/users/" + second + "/enabled").session(platform).with(csrf()).param("enabled", "true"))
                .andExpect(redirectedUrl("/users/" + second));
    }

    @Test
    void theCheckerSeesThePermissionsARoleGrantWouldGive() throws Exception {
        UUID target = newUser("HZXD", "safe-grant");
        MockHttpSession maker = login("a-admin", DEMO_PASSWORD);
        UUID finance = jdbc.sql("select id from iam_role where institution_id is null and code = 'FINANCE'")
                .query(UUID.class).single();
        mvc.perform(post("/users/" + target + "/role-grants").session(maker).with(csrf()).param("roleId", finance.toString()))
                .andExpect(redirectedUrl("/users/" + target));
        String page = mvc.perform(get("/changes?q=safe-grant").session(login("a-approver", DEMO_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("将授予的权限", "财务", "放款").contains("title=\"loan:disburse\"");
    }

    @Test
    void rolesChosenAtCreationWaitForASecondUser() throws Exception {
        MockHttpSession admin = login("a-admin", DEMO_PASSWORD);
        UUID officer = jdbc.sql("select id from iam_role where institution_id is null and code = 'LOAN_OFFICER'")
                .query(UUID.class).single();
        String username = "safe-new-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/users").session(admin).with(csrf()).param("username", username).param("displayName", "新员工")
                        .param("dataScope", "OWN").param("initialPassword", "Create#2026pw")
                        .param("roleIds", officer.toString()))
                .andExpect(status().is3xxRedirection());
        UUID created = userId(username);
        assertThat(jdbc.sql("select count(*) from iam_user_role where user_id = ?").param(created).query(Long.class).single())
                .as("no role before approval").isZero();
        assertThat(jdbc.sql("select count(*) from iam_change_request where status = 'PENDING' and summary = ?")
                .param("LOAN_OFFICER → " + username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRoleTheMakerMayNotGrantLeavesNoUserBehind() throws Exception {
        MockHttpSession admin = login("a-admin", DEMO_PASSWORD);
        UUID platformAdmin = jdbc.sql("select id from iam_role where institution_id is null and code = 'PLATFORM_ADMIN'")
                .query(UUID.class).single();
        String username = "safe-bad-" + UUID.randomUUID().toString().substring(0, 6);
        String page = mvc.perform(post("/users").session(admin).with(csrf()).param("username", username)
                        .param("displayName", "越权").param("dataScope", "OWN").param("initialPassword", "Create#2026pw")
                        .param("roleIds", platformAdmin.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"roleIds-error\"");
        assertThat(jdbc.sql("select count(*) from iam_user where username = ?").param(username).query(Long.class).single())
                .isZero();
    }

    private UUID newUser(String institution, String prefix) {
        UUID organisation = jdbc.sql("select id from iam_organisation where code = ?").param(institution)
                .query(UUID.class).single();
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        return TenantWall.regionWide(() -> users.createUnchecked(new Users.CreateUser(organisation, null, username,
                "测试用户", ScopeLevel.OWN, "Safe#2026pass"), false).id());
    }

    private boolean enabled(UUID user) {
        return jdbc.sql("select enabled from iam_user where id = ?").param(user).query(Boolean.class).single();
    }

    private String hash(UUID user) {
        return jdbc.sql("select password_hash from iam_user where id = ?").param(user).query(String.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from iam_user where username = ?").param(username).query(UUID.class).single();
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }
}
