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
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Branches are added under the head office by default, edited and moved within their institution, and named clearly. */
@IntegrationTest
class BranchPagesIntegrationTest {

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
    void aNewBranchDefaultsUnderTheHeadOffice() throws Exception {
        UUID hz = organisation("HZXD");
        String page = page(admin(), "/institutions/" + hz + "/branches");
        assertThat(page).containsPattern("<option value=\"" + branch(hz, "HQ") + "\"\\s+selected=\"selected\"");
    }

    @Test
    void aBranchIsRenamedAndMovedWithItsSubtreeInsideItsInstitution() throws Exception {
        UUID hz = organisation("HZXD");
        MockHttpSession admin = admin();
        String code = "MV" + suffix();
        String child = "MC" + suffix();
        add(admin, hz, branch(hz, "HQ"), code, "迁移测试" + code).andExpect(status().is3xxRedirection());
        add(admin, hz, branch(hz, code), child, "下级" + child).andExpect(status().is3xxRedirection());
        UUID moved = branch(hz, code);
        mvc.perform(post("/institutions/" + hz + "/branches/" + moved).session(admin).with(csrf())
                        .param("parentId", branch(hz, "E01").toString()).param("code", code).param("name", "新名称" + code))
                .andExpect(redirectedUrl("/institutions/" + hz + "/branches"));
        String east = path(branch(hz, "E01"));
        assertThat(path(moved)).isEqualTo(east + moved + "/");
        assertThat(path(branch(hz, child))).as("the subtree moves along").startsWith(east + moved + "/");
        assertThat(jdbc.sql("select name from iam_branch where id = ?").param(moved).query(String.class).single())
                .isEqualTo("新名称" + code);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'iam.branch.changed' and entity_id = ?")
                .param(moved.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBranchCannotMoveUnderItselfOrIntoAnotherInstitution() throws Exception {
        UUID hz = organisation("HZXD");
        MockHttpSession admin = admin();
        UUID head = branch(hz, "HQ");
        String page = mvc.perform(post("/institutions/" + hz + "/branches/" + head).session(admin).with(csrf())
                        .param("parentId", branch(hz, "E01").toString()).param("code", "HQ").param("name", "总部"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"parentId-error\"", "不能是该网点本身或其下级网点");
        UUID nb = organisation("NBXD");
        String foreign = mvc.perform(post("/institutions/" + hz + "/branches/" + branch(hz, "W01")).session(admin)
                        .with(csrf()).param("parentId", branch(nb, "HQ").toString()).param("code", "W01").param("name", "西区支行"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(foreign).contains("id=\"parentId-error\"");
        mvc.perform(post("/institutions/" + nb + "/branches/" + branch(nb, "W01")).session(admin).with(csrf())
                .param("code", "W01").param("name", "x")).andExpect(status().isNotFound());
    }

    @Test
    void codesAndNamesAreCheckedWithRulesPeopleCanFollow() throws Exception {
        UUID hz = organisation("HZXD");
        String page = add(admin(), hz, branch(hz, "HQ"), "东区!", "东区支行")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("只能包含字母、数字、- 和 _，长度 2–32 个字符", "与同一上级网点下的其他网点重名");
        String english = mvc.perform(post("/institutions/" + hz + "/branches?lang=en").session(admin()).with(csrf())
                        .param("parentId", branch(hz, "HQ").toString()).param("code", "x").param("name", "n"))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("may contain only letters, digits, - and _; 2–32 characters");
    }

    private org.springframework.test.web.servlet.ResultActions add(MockHttpSession session, UUID institution, UUID parent,
                                                                   String code, String name) throws Exception {
        return mvc.perform(post("/institutions/" + institution + "/branches").session(session).with(csrf())
                .param("parentId", parent.toString()).param("code", code).param("name", name));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession admin() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user("a-admin").password("Demo@2026xd"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    private UUID organisation(String code) {
        return jdbc.sql("select id from iam_organisation where code = ?").param(code).query(UUID.class).single();
    }

    private UUID branch(UUID institution, String code) {
        return jdbc.sql("select id from iam_branch where institution_id = ? and code = ?").params(institution, code)
                .query(UUID.class).single();
    }

    private String path(UUID branch) {
        return jdbc.sql("select path from iam_branch where id = ?").param(branch).query(String.class).single();
    }
}
