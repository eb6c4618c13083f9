package org.xiaodai.origination.web;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.servicing.internal.ServicingTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The guarantee change (担保变更, report-time code 30) on the application's page: an officer with
 * {@code application:security:change} sees the form starting from the security in force, the live check answers the
 * problems in zh and en (or that the change can be recorded) without writing, a refused post shows the problem at its
 * field and writes nothing, a recorded change is listed with its reason and who recorded it; the regulator sees the
 * history without the form and may not post; another institution gets 404.
 */
@IntegrationTest
class SecurityChangePageIntegrationTest {

    @Autowired
    WebApplicationContext context;
    JdbcClient superuser;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @Test
    void anOfficerChangesTheSecurityOfALoanOnTheApplicationsPage() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        UUID hz = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        UUID loan = new ServicingTestUtils(context).disbursedLoan(superuser, "HZXD");
        UUID application = UUID.randomUUID();
        UUID borrower = superuser.sql("select id from customer where institution_id = ? order by id limit 1").param(hz)
                .query(UUID.class).single();
        superuser.sql("""
                insert into origination_application (id, institution_id, owner_id, customer_id, customer_name, product_id,
                    product_version, amount, number_of_repayments, annual_rate_percent, purpose, channel, collateral,
                    guarantors, status, loan_id, created_at, updated_at)
                values (?, ?, ?, ?, '担保变更样例', ?, 1, 1000, 6, 12, 'CONSUMPTION', 'OFFLINE', '[]'::jsonb, '[]'::jsonb,
                        'CONTRACTED', ?, now(), now())""")
                .params(application, hz, UUID.randomUUID(), borrower, UUID.randomUUID(), loan).update();
        String path = "/applications/" + application;
        String today = superuser.sql("select business_date::text from eod_business_date where institution_id = ?").param(hz)
                .query(String.class).single();
        MockHttpSession officer = session(mvc, "a-admin");

        String view = body(mvc, get(path).session(officer), 200);
        assertThat(view).contains("id=\"security-changes\"", "id=\"security-form\"", "id=\"security-none\"",
                "hx-post=\"/applications/" + application + "/security-changes/check\"", "担保变更");

        // live validation: no reason and a valuation after the business date, in zh and in en; nothing written
        String zh = body(mvc, check(path, officer, "2999-01-01", " ").header("Accept-Language", "zh-CN"), 200);
        assertThat(zh).contains("id=\"security-check\"", "变更原因", "评估日期", "不能晚于今天");
        String en = body(mvc, check(path, officer, "2999-01-01", " ").header("Accept-Language", "en"), 200);
        assertThat(en).contains("Reason", "Valuation date", "must not be in the future");
        String bad = body(mvc, check(path, officer, "2026-13-40", "追加抵押").header("Accept-Language", "en"), 200);
        assertThat(bad).contains("Valuation date");
        String ok = body(mvc, check(path, officer, "2026-01-10", "追加房产抵押").header("Accept-Language", "en"), 200);
        assertThat(ok).contains("Can be recorded").doesNotContain("class=\"errors\"");
        assertThat(changes(application)).isZero();

        // a refused post shows the page again with the problem at its field
        String refused = body(mvc, form(post(path + "/security-changes"), officer, "2999-01-01", "追加房产抵押")
                .header("Accept-Language", "zh-CN"), 200);
        assertThat(refused).contains("id=\"security-collateral[0].valuationDate-error\"", "不能晚于今天", "杭州市某住宅");
        assertThat(changes(application)).isZero();

        var recorded = mvc.perform(form(post(path + "/security-changes"), officer, "2026-01-10", "追加房产抵押"))
                .andReturn().getResponse();
        assertThat(recorded.getStatus()).isEqualTo(302);
        assertThat(recorded.getRedirectedUrl()).isEqualTo(path + "#security-changes");
        assertThat(changes(application)).isEqualTo(1);
        String after = body(mvc, get(path).session(officer).header("Accept-Language", "zh-CN"), 200);
        assertThat(after).contains("id=\"security-history\"", "追加房产抵押", today, "房产 杭州市某住宅 1,200,000.00")
                .doesNotContain("id=\"security-none\"");
        // the form now starts from the security in force, so posting it again unchanged is refused
        String unchanged = body(mvc, check(path, officer, "2026-01-10", "再次登记").header("Accept-Language", "en"), 200);
        assertThat(unchanged).contains("nothing changes");

        MockHttpSession regulator = session(mvc, "regulator");
        assertThat(body(mvc, get(path).session(regulator), 200)).contains("id=\"security-history\"", "追加房产抵押")
                .doesNotContain("id=\"security-form\"");
        assertThat(mvc.perform(form(post(path + "/security-changes"), regulator, "2026-01-10", "x")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        MockHttpSession other = session(mvc, "b-admin");
        assertThat(mvc.perform(check(path, other, "2026-01-10", "x")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(form(post(path + "/security-changes"), other, "2026-01-09", "y")).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(changes(application)).isEqualTo(1);
    }

    private int changes(UUID application) {
        return superuser.sql("select count(*) from origination_security_change where application_id = ?").param(application)
                .query(Integer.class).single();
    }

    private static MockHttpServletRequestBuilder check(String path, MockHttpSession session, String valuationDate,
                                                       String reason) {
        return form(post(path + "/security-changes/check"), session, valuationDate, reason).header("HX-Request", "true");
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, MockHttpSession session,
                                                      String valuationDate, String reason) {
        return request.session(session).with(csrf()).param("collateral[0].type", "REAL_ESTATE")
                .param("collateral[0].description", "杭州市某住宅").param("collateral[0].valuation", "1200000.00")
                .param("collateral[0].valuationDate", valuationDate).param("guarantors[0]", "").param("reason", reason);
    }

    private static String body(MockMvc mvc, MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

    private static MockHttpSession session(MockMvc mvc, String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD)).andReturn()
                .getRequest().getSession(false);
    }
}
