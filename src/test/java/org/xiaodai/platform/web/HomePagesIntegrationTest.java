package org.xiaodai.platform.web;

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
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each role's home page shows its work and shortcuts, never a chart of unrelated counts or an empty link. */
@IntegrationTest
class HomePagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
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
    void theInstitutionAdminSeesApprovalsLockedUsersAndRecentSignIns() throws Exception {
        String home = home("a-admin", "");
        assertThat(home).contains("待复核", "已锁定用户", "最近登录", "等待复核", "新建用户")
                .contains("href=\"/users/new\"", "href=\"/changes\"");
        assertThat(home).as("the latest sign-in is the admin's own").contains(">a-admin</a>");
        assertThat(home).doesNotContain("home-chart", "echarts");
    }

    @Test
    void theRegulatorSeesEveryInstitutionWithItsStatusAndALinkToIt() throws Exception {
        UUID hz = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        String home = home("regulator", "");
        assertThat(home).contains("监管的机构", "杭州西湖小额贷款有限公司", "正常")
                .contains("href=\"/institutions/" + hz + "/branches\"");
        assertThat(home).as("the institution list is in the regulator's menu").containsPattern(
                "<a href=\"/institutions\"[^>]*>机构管理</a>");
        String english = home("regulator", "?lang=en");
        assertThat(english).contains("Supervised institutions", "Hangzhou Xihu Microcredit Co., Ltd.", "Wang Jianguo");
    }

    @Test
    void theOfficerAndTheBorrowerSeeTheirShortcutsAndTheCalculator() throws Exception {
        for (String user : new String[] {"a-officer", "a-borrower"}) {
            String home = home(user, "");
            assertThat(home).as(user).contains("href=\"/calculator\"", "href=\"/account/password\"")
                    .doesNotContain("最近登录", "监管的机构");
        }
        // the business modules contribute the officer's own figures; the borrower has none yet
        assertThat(home("a-officer", "")).contains("id=\"tiles\"", "href=\"/customers\"", "href=\"/products\"");
        assertThat(home("a-borrower", "")).doesNotContain("id=\"tiles\"");
    }

    @Test
    void noHomePageLinksToAnEmptyAddress() throws Exception {
        for (String user : new String[] {"a-admin", "regulator", "a-officer", "a-borrower", "association", "a-approver"}) {
            assertThat(home(user, "")).as(user).doesNotContain("href=\"\"").doesNotContain("??");
        }
    }

    private String home(String username, String query) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("Demo@2026xd"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
        return mvc.perform(get("/" + query).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
