package org.xiaodai.reporting;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The reporting console and the regulator's inbox, in Chinese and English: an institution generates
 * a return, drills into data quality, downloads it, submits; the regulator rejects a row in the
 * inbox; the institution sees the rejection, corrects and generates again.
 */
@IntegrationTest
class ReportingPagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void anInstitutionSubmitsTheRegulatorRejectsARowAndTheInstitutionGeneratesAgain() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession admin = session(mvc, "b-admin");
        MockHttpSession regulator = session(mvc, "regulator");
        new org.xiaodai.servicing.internal.ServicingTestUtils(context).disbursedLoan(superuser, "NBXD");
        String period = ReportingFixtures.currentPeriod(superuser, "NBXD");

        assertThat(page(mvc, admin, "/reporting")).contains("id=\"generate\"", "监管报送");
        assertThat(page(mvc, admin, "/reporting?lang=en")).contains("Generate a return");
        String refused = mvc.perform(post("/reporting/returns").session(admin).with(csrf()).param("period", "2026/11"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("field-error", "YYYY-MM");
        String location = mvc.perform(post("/reporting/returns").session(admin).with(csrf()).param("period", period))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/reporting/returns/");
        String id = location.substring("/reporting/returns/".length());
        String shown = page(mvc, admin, location + "?rule=consistency.balance-with-ledger");
        assertThat(shown).contains("id=\"quality\"", "id=\"downloads\"", "id=\"submit\"", "余额与月末总账贷款本金一致");
        for (String format : List.of("csv", "xlsx", "xml", "json")) {
            assertThat(mvc.perform(get(location + "/download?part=loan-details&format=" + format).session(admin))
                    .andReturn().getResponse().getStatus()).as(format).isEqualTo(200);
        }
        // the JSON file holds every row (streamed as one array), not the API's first page
        String json = mvc.perform(get(location + "/download?part=loan-details&format=json").session(admin))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String csv = mvc.perform(get(location + "/download?part=loan-details&format=csv").session(admin))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        tools.jackson.databind.JsonNode rows = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.size()).isPositive().isEqualTo(csv.lines().count() - 1);
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(1);
        assertThat(rows.get(0).has("reportCode")).isTrue();
        assertThat(mvc.perform(post(location + "/submit").session(admin).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo(location);

        assertThat(page(mvc, regulator, "/supervision/submissions")).contains(id, "id=\"late\"");
        assertThat(page(mvc, regulator, location)).contains("id=\"receipt-form\"").doesNotContain("id=\"submit\"");
        assertThat(mvc.perform(post(location + "/submit").session(regulator).with(csrf())).andReturn().getResponse()
                .getStatus()).as("the regulator submits nothing for an institution").isEqualTo(403);
        String bad = mvc.perform(post("/supervision/submissions/" + id + "/receipt").session(regulator).with(csrf())
                .param("decision", "reject").param("rejections", "x")).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("receipt-form", "行号");
        assertThat(mvc.perform(post("/supervision/submissions/" + id + "/receipt").session(regulator).with(csrf())
                .param("decision", "reject").param("note", "退回更正").param("rejections", "1：合同号格式不符"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo(location);

        String rejected = page(mvc, admin, location);
        assertThat(rejected).contains("id=\"rejections\"", "合同号格式不符", "id=\"regenerate\"", "已退回");
        assertThat(page(mvc, admin, location + "?lang=en")).contains("Correct and generate again", "rejected");
        String again = mvc.perform(post("/reporting/returns").session(admin).with(csrf()).param("period", period))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(again).startsWith("/reporting/returns/").isNotEqualTo(location);
        assertThat(page(mvc, admin, again)).contains("id=\"versions\"", id);
        assertThat(mvc.perform(get(location).session(session(mvc, "a-admin"))).andReturn().getResponse().getStatus())
                .as("another institution").isEqualTo(404);
    }

    private static MockHttpSession session(MockMvc mvc, String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession(false);
    }

    private static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
