package org.xiaodai.supervision.web;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.supervision.SupervisionFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The regulator's supervision pages, the workbenches and the association's aggregates render with the demo data. */
@IntegrationTest
class SupervisionPagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @LocalServerPort
    int port;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void theRegulatorWorksThroughTheSupervisionPages() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession regulator = session(mvc, "regulator");
        String hzxd = superuser.sql("select id::text from iam_organisation where code = 'HZXD'").query(String.class).single();
        Api api = new Api(port);
        String token = api.token("regulator", Api.DEMO_PASSWORD);
        String complaint = SupervisionFixtures.complaint(api, token, hzxd);
        String inspection = SupervisionFixtures.inspection(api, token, hzxd);
        String alert = SupervisionFixtures.alert(superuser, hzxd);
        assertThat(page(mvc, regulator, "/")).contains("/supervision/institutions/" + hzxd);
        assertThat(page(mvc, regulator, "/supervision")).contains("HZXD", "NBXD", "362800000.00", "0.5237");
        assertThat(page(mvc, regulator, "/supervision/institutions/" + hzxd)).contains("registry-form", "registry-history",
                "浙金管〔2019〕18号").containsAnyOf("indicators-empty", "id=\"indicators\"");
        assertThat(page(mvc, regulator, "/supervision/feed")).contains("id=\"feed\"");
        assertThat(page(mvc, regulator, "/analytics/region")).contains("analytics-data", "id=\"institutions\"", "HZXD");
        assertThat(page(mvc, regulator, "/analytics/institutions/" + hzxd)).contains("all-loans", "analytics-data");
        assertThat(page(mvc, regulator, "/analytics/institutions/" + hzxd + "/loans?grade=NORMAL")).contains("id=\"loans\"");
        assertThat(page(mvc, regulator, "/analytics/region/data?chart=trends&format=csv")).startsWith("date,balance,loans");
        assertThat(page(mvc, regulator, "/supervision/inspections")).contains("inspection-form", inspection);
        assertThat(page(mvc, regulator, "/supervision/inspections/" + inspection)).contains("finding-form");
        assertThat(page(mvc, regulator, "/complaints")).contains("complaint-form", complaint);
        assertThat(page(mvc, regulator, "/complaints/" + complaint)).contains("resolve-form").doesNotContain("respond-form");
        assertThat(page(mvc, regulator, "/risk/alerts")).contains(alert);
        assertThat(page(mvc, regulator, "/risk/alerts/" + alert)).contains("acknowledge-form", "resolve-form");
        assertThat(page(mvc, regulator, "/risk/rules")).contains("rule-form", "score-psi", "complaints-overdue");
        String refused = mvc.perform(post("/supervision/institutions/" + hzxd + "/registry").session(regulator).with(csrf())
                .param("effectiveFrom", "2026-02-30").param("licensedRegion", "33").param("status", "ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("field-error", "registry-form");
        MockHttpSession association = session(mvc, "association");
        assertThat(page(mvc, association, "/supervision/region")).contains("id=\"region\"").doesNotContain(hzxd, "HZXD");
        assertThat(page(mvc, association, "/analytics/region")).contains("analytics-data").doesNotContain(hzxd, "HZXD",
                "id=\"institutions\"", "id=\"exposures\"");
        for (String path : List.of("/supervision", "/supervision/institutions/" + hzxd, "/complaints", "/risk/alerts")) {
            assertThat(mvc.perform(get(path).session(association)).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
        }
        MockHttpSession aAdmin = session(mvc, "a-admin");
        assertThat(page(mvc, aAdmin, "/complaints/" + complaint)).contains("respond-form");
        assertThat(page(mvc, aAdmin, "/analytics/institutions/" + hzxd)).contains("analytics-data");
        String nbxd = superuser.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();
        assertThat(mvc.perform(get("/analytics/institutions/" + nbxd).session(aAdmin)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/analytics/region").session(aAdmin)).andReturn().getResponse().getStatus()).isEqualTo(403);
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
