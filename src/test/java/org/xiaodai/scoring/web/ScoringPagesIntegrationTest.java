package org.xiaodai.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

/** The risk manager's scoring pages: list, model with charts and points, buttons behind permissions, upload. */
@IntegrationTest
class ScoringPagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
    JdbcClient jdbc;
    MockMvc mvc;
    UUID aCard;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        aCard = ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
    }

    @Test
    void theModelListShowsBothActiveModelsAndTheUploadFormToTheRiskManager() throws Exception {
        Document page = page(login("a-risk"), "/scoring/models");

        assertThat(page.select("#models tbody tr").size()).isGreaterThanOrEqualTo(2);
        assertThat(page.select("#models").text()).contains("A-card German application", "B-card Taiwan behaviour");
        assertThat(page.select("form[enctype=multipart/form-data] input[type=file]")).hasSize(1);
    }

    @Test
    void aModelPageCarriesItsChartsPointsTableAndActivationButtonForThoseAllowed() throws Exception {
        Document page = page(login("a-risk"), "/scoring/models/" + aCard);

        assertThat(page.select("#auc").text()).matches("0\\.\\d{4}");
        assertThat(page.select("[data-scoring-chart=roc]")).hasSize(1);
        assertThat(page.select("[data-scoring-variable]")).isNotEmpty();
        assertThat(page.select("table.points").first().text()).contains("WOE");
        assertThat(page.getElementById("scoring-chart-data").data()).contains("\"variables\"", "\"roc\"", "\"psi\"");
        assertThat(page.select("#activate")).hasSize(1);

        Document reviewer = page(login("a-reviewer"), "/scoring/models/" + aCard);
        assertThat(reviewer.select("#activate, #approve")).isEmpty();
    }

    @Test
    void usersWithoutTheViewPermissionAreRefused() throws Exception {
        int status = mvc.perform(get("/scoring/models").session(login("a-officer"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void anUploadWithoutTheTargetColumnIsShownAsAFieldError() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "data.csv", "text/csv",
                "x,y,bad\n1,2,0\n2,3,1\n".getBytes(StandardCharsets.UTF_8));
        var result = mvc.perform(multipart("/scoring/models").file(file).param("name", "page test").param("purpose",
                "APPLICATION").param("targetColumn", "outcome").session(login("a-risk")).with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("field-error");
    }

    @Test
    void anApprovedModelCannotBeApprovedAgainFromThePage() throws Exception {
        var result = mvc.perform(post("/scoring/models/" + aCard + "/approval").session(login("a-admin")).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("ul.errors").text()).isNotBlank();
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession(false);
    }
}
