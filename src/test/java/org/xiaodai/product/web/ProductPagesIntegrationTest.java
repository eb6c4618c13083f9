package org.xiaodai.product.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.ProductFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** The product and LPR pages through the whole stack: the annualised rate range first, the live preview, the form. */
@IntegrationTest
class ProductPagesIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @LocalServerPort
    int port;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theProductPageShowsTheAnnualisedRateRangeFirstAndLargest() throws Exception {
        Api api = new Api(port);
        String id = new ProductFixtures(api).create(api.token("a-admin", Api.DEMO_PASSWORD),
                ProductFixtures.with(ProductFixtures.body(), "name", "页面测试贷"));
        MockHttpSession admin = login("a-admin");
        String html = page(admin, "/products/" + id);
        assertThat(html).contains("页面测试贷", "年化利率", "7.20", "10.80").doesNotContain("??");
        int apr = html.indexOf("id=\"apr-range\"");
        assertThat(apr).isPositive();
        assertThat(html.substring(html.lastIndexOf("<span", apr), apr + 80)).contains("headline-figure");
        assertThat(html.indexOf("名义合同利率")).as("the nominal rate comes after, in small print").isGreaterThan(apr);
        assertThat(html).doesNotContain("月利率");
        String list = page(admin, "/products");
        assertThat(list).contains("页面测试贷", "7.20% – 10.80%");
        assertThat(list.indexOf("7.20% – 10.80%")).isLessThan(list.indexOf("页面测试贷"));
        assertThat(page(admin, "/products/" + id + "/edit")).contains("id=\"product-form\"", "页面测试贷");
        assertThat(page(login("a-officer"), "/products/" + id)).contains("页面测试贷").doesNotContain("edit-product");
    }

    @Test
    void thePreviewAnswersTheRateRangeOrTheProblemsAsTheFormIsFilledIn() throws Exception {
        MockHttpSession admin = login("a-admin");
        String preview = mvc.perform(form(post("/products/preview"), ProductFixtures.code(), "15").session(admin)
                        .header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("id=\"preview-apr\"", "7.20", "15.00", "id=\"preview-cap-exceeded\"", "12.00");
        String broken = mvc.perform(post("/products/preview").with(csrf()).session(admin).param("minPrincipal", "abc"))
                .andReturn().getResponse().getContentAsString();
        assertThat(broken).contains("class=\"errors\"").doesNotContain("preview-apr");
    }

    @Test
    void theFormCreatesAProductAndShowsRefusalsBesideTheirFields() throws Exception {
        MockHttpSession admin = login("a-admin");
        String code = ProductFixtures.code();
        var created = mvc.perform(form(post("/products"), code, "10.8").session(admin)).andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).startsWith("/products/");
        assertThat(page(admin, created.getRedirectedUrl())).contains(code);
        String refused = mvc.perform(form(post("/products"), ProductFixtures.code(), "15").session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"maxAnnualInterestRatePercent-error\"", "15.00%", "12.00%");
    }

    @Test
    void theLprPageShowsTheTableAndOnlyThePlatformOperatorMayPublish() throws Exception {
        String table = page(login("a-officer"), "/lpr");
        assertThat(table).contains("2025-05-20", "3.00%", "12.00%", "2019-08-20").doesNotContain("name=\"oneYearPercent\"");
        MockHttpSession platform = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password(Api.ADMIN_PASSWORD))
                .andReturn().getRequest().getSession(false);
        assertThat(page(platform, "/lpr")).contains("name=\"oneYearPercent\"");
        String refused = mvc.perform(post("/lpr").with(csrf()).session(platform).param("effectiveDate", "2025-05-20")
                .param("oneYearPercent", "2.9")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("effectiveDate-error");
    }

    @Test
    void garbageInEveryFieldOfTheFormIsShownBackNeverAServerError() throws Exception {
        MockHttpSession admin = login("a-admin");
        for (String value : org.xiaodai.PageSurfaceGarbage.VALUES) {
            for (String path : java.util.List.of("/products", "/products/preview")) {
                MockHttpServletRequestBuilder request = post(path).with(csrf()).session(admin);
                for (String field : ProductForm.shownFields()) {
                    request.param(field, value);
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                assertThat(status).as("%s with '%s'", path, value.length() > 20 ? value.substring(0, 20) : value)
                        .isEqualTo(200);
            }
        }
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code, String maxRate) {
        Map<String, String> values = new java.util.LinkedHashMap<>(ProductForm.blank().values());
        values.putAll(Map.of("code", code, "name", "表单测试贷", "minPrincipal", "5000", "maxPrincipal", "200000",
                "minAnnualInterestRatePercent", "7.2", "maxAnnualInterestRatePercent", maxRate));
        values.forEach(request::param);
        return request.param("documents", "ID_CARD").with(csrf());
    }

    private String page(MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn().getRequest().getSession(false);
    }
}
