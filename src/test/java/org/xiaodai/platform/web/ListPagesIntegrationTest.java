package org.xiaodai.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.xiaodai.iam.internal.Users;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every list page searches, sorts and pages on the server through the shared fragment, state in the URL. */
@IntegrationTest
class ListPagesIntegrationTest {

    static final String DEMO_PASSWORD = "Demo@2026xd";

    @Autowired
    WebApplicationContext context;
    @Autowired
    Users users;
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
    void theUserListSearchesSortsAndPagesOnTheServerWithItsStateInTheUrl() throws Exception {
        String prefix = "lst" + UUID.randomUUID().toString().substring(0, 6);
        UUID hz = organisation("HZXD");
        TenantWall.regionWide(() -> {
            for (int i = 1; i <= 25; i++) {
                users.createUnchecked(new Users.CreateUser(hz, null, prefix + "-%02d".formatted(i), "列表 " + i,
                        ScopeLevel.OWN, "List#2026pass"), true);
            }
        });
        MockHttpSession admin = login("a-admin");
        String html = page(admin, "/users?q=" + prefix + "&sort=username&dir=desc&size=10&page=2");
        assertThat(html).contains(prefix + "-15", prefix + "-06").doesNotContain(prefix + "-16", prefix + "-05",
                "a-officer");
        assertThat(html).contains("第 11–20 条，共 25 条");
        assertThat(html).as("the pager keeps search, sort and size")
                .contains("/users?q=" + prefix + "&amp;sort=username&amp;dir=desc&amp;page=3&amp;size=10");
        assertThat(html).as("the sorted column says so").contains("aria-sort=\"descending\"");
    }

    @Test
    void theLockedUsersTileLeadsToExactlyTheLockedUsers() throws Exception {
        String username = "lck" + UUID.randomUUID().toString().substring(0, 6);
        UUID hz = organisation("HZXD");
        UUID id = TenantWall.regionWide(() -> users.createUnchecked(new Users.CreateUser(hz, null, username, "锁定",
                ScopeLevel.OWN, "Lock#2026pass"), false).id());
        jdbc.sql("update iam_user set locked_until = now() + interval '1 hour' where id = ?").param(id).update();
        MockHttpSession admin = login("a-admin");
        assertThat(page(admin, "/")).contains("href=\"/users?status=locked\"");
        String locked = page(admin, "/users?status=locked");
        assertThat(locked).contains(username).doesNotContain(">a-officer<");
        assertThat(page(admin, "/users?status=nonsense")).contains(">a-officer<");
    }

    @Test
    void aSearchNeverReachesPastTheCallersScope() throws Exception {
        String html = page(login("a-admin"), "/users?q=b-officer");
        assertThat(html).doesNotContain(">b-officer<", "林婷").contains("无记录");
    }

    @Test
    void everyListPageAnswersNonsenseStateWithItsFirstSortAndAPager() throws Exception {
        MockHttpSession admin = login("a-admin");
        for (String list : List.of("/users", "/institutions/" + organisation("HZXD") + "/branches", "/roles",
                "/changes?all=true", "/tokens", "/audit")) {
            String separator = list.contains("?") ? "&" : "?";
            String html = page(admin, list + separator + "q=%25_zz&sort=x;drop&dir=up&page=-4&size=0");
            assertThat(html).as(list).contains("class=\"pager\"").doesNotContain("??");
        }
    }

    @Test
    void theAuditTrailShowsWhoDidWhatByNameInTheReadersLanguageAndZone() throws Exception {
        MockHttpSession admin = login("a-admin");
        String html = page(admin, "/audit?actor=a-admin&action=iam.login.succeeded");
        assertThat(html).contains("a-admin (HZXD)", "登录成功", "用户 a-admin", "Asia/Shanghai (UTC+08:00)")
                .doesNotContain("iam.login.succeeded</td>");
        assertThat(html).as("the id stays on hover").contains("title=\"id " + userId("a-admin") + "\"");
        String english = page(admin, "/audit?actor=a-admin&action=iam.login.succeeded&lang=en");
        assertThat(english).contains("Signed in", "user a-admin");
    }

    @Test
    void aSignInIsRecordedWithTheUserWhoSignedInAsTheActor() throws Exception {
        login("a-risk");
        var actor = jdbc.sql("""
                select actor_name, actor_id from audit_entry where action = 'iam.login.succeeded'
                order by seq desc limit 1""").query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(actor).containsExactly("a-risk", userId("a-risk").toString());
    }

    @Test
    void theAuditPagePagesOverTheWholeTrailNotTheNewestHundred() throws Exception {
        MockHttpSession admin = login("a-admin");
        String html = page(admin, "/audit?size=5");
        long visible = jdbc.sql("select count(*) from audit_entry where institution_id = ?")
                .param(organisation("HZXD")).query(Long.class).single();
        assertThat(visible).isGreaterThan(5);
        assertThat(html).containsPattern("共 (" + visible + "|" + (visible - 1) + ") 条");
        assertThat(page(admin, "/audit?size=5&page=2")).contains("第 6–10 条");
    }

    @Test
    void theCsvExportHoldsTheFilteredViewInTheCallersScope() throws Exception {
        MockHttpSession admin = login("a-admin");
        byte[] body = mvc.perform(get("/audit/export.csv?action=iam.login.succeeded&lang=en").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNo.,Time (Asia/Shanghai (UTC+08:00)),Actor");
        List<String> lines = csv.lines().skip(1).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).contains("Signed in", "(HZXD)"));
        assertThat(csv).doesNotContain("NBXD", "b-admin");
    }

    @Test
    void theRegulatorFiltersTheTrailByInstitution() throws Exception {
        MockHttpSession regulator = login("regulator");
        UUID nb = organisation("NBXD");
        String html = page(regulator, "/audit?institution=" + nb + "&size=50");
        assertThat(html).contains("id=\"institution\"", "NBXD");
        assertThat(html).doesNotContain("(HZXD)</td>");
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(DEMO_PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    private UUID organisation(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from iam_user where username = ?").param(username).query(UUID.class).single();
    }
}
