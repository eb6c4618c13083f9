package org.xiaodai.collection.web;

import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.collection.CollectionFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The queue and case pages render real cases, and a refused contact comes back to the case page with the rule's words. */
@IntegrationTest
class CollectionPagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
    JdbcClient jdbc;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    MockHttpSession signIn(MockMvc mvc, String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(password)).andReturn().getRequest()
                .getSession(false);
    }

    @Test
    void theCollectorWorksTheAssignedCaseAndARefusalIsShownWithItsRule() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        UUID customer = CollectionFixtures.customer(jdbc, "HZXD");
        UUID caseId = CollectionFixtures.openCase(jdbc, "HZXD", customer, "a-collector");
        MockHttpSession collector = signIn(mvc, "a-collector", Api.DEMO_PASSWORD);

        Document queue = Jsoup.parse(mvc.perform(get("/collections?bucket=M1&size=200").session(collector)).andReturn()
                .getResponse().getContentAsString());
        assertThat(queue.select("#cases a[href=/collections/" + caseId + "]")).hasSize(1);

        String page = mvc.perform(get("/collections/" + caseId).session(collector)).andReturn().getResponse().getContentAsString();
        Document view = Jsoup.parse(page);
        assertThat(view.select("#contact-form option[value=" + customer + "]")).hasSize(1);
        assertThat(view.select("#named-contacts td.masked").text()).contains("****");

        var refused = mvc.perform(post("/collections/" + caseId + "/contacts").session(collector).with(csrf())
                .param("contactId", UUID.randomUUID().toString()).param("channel", "CALL").param("outcome", "ANSWERED"))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/collections/" + caseId);
        assertThat(refused.getFlashMap().get("flashErrors").toString()).contains("unnamedContact");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'collection.contact.refused' and entity_id = ?")
                .param(caseId.toString()).query(Long.class).single()).isEqualTo(1);

        MockHttpSession other = signIn(mvc, "b-collector", Api.DEMO_PASSWORD);
        assertThat(mvc.perform(get("/collections/" + caseId).session(other)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theAdminSeesStatisticsAndAssignmentAndTheOperatorTheSimulatedTexts() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession admin = signIn(mvc, "a-admin", Api.DEMO_PASSWORD);
        Document queue = Jsoup.parse(mvc.perform(get("/collections").session(admin)).andReturn().getResponse().getContentAsString());
        assertThat(queue.select("#collection-statistics #recovery tbody tr")).hasSize(3);
        assertThat(queue.select("#assign-all")).hasSize(1);
        assertThat(mvc.perform(get("/notifications").session(admin)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/notifications/simulated-sms").session(admin)).andReturn().getResponse().getStatus())
                .as("institutions do not read the simulator").isEqualTo(403);
        MockHttpSession operator = signIn(mvc, "admin", Api.ADMIN_PASSWORD);
        assertThat(mvc.perform(get("/notifications/simulated-sms").session(operator)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
