package org.xiaodai.customer.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.customer.CustomerTestUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The officer's customer pages: search by mobile and masked ID, live validation, documents typed by their bytes. */
@IntegrationTest
class CustomerPagesIntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    @Autowired
    WebApplicationContext context;
    @LocalServerPort
    int port;
    MockMvc mvc;
    MockHttpSession officer;
    String idNumber;
    String mobile;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        officer = (MockHttpSession) mvc.perform(formLogin("/login").user("a-officer").password(Api.DEMO_PASSWORD))
                .andReturn().getRequest().getSession(false);
        Api api = new Api(port);
        idNumber = CustomerTestUtils.residentId();
        mobile = CustomerTestUtils.mobile();
        customer = CustomerTestUtils.create(api, api.token("a-officer", Api.DEMO_PASSWORD),
                CustomerTestUtils.individual(idNumber, mobile));
    }

    @Test
    void searchFindsTheCustomerByMobileByFullIdAndByTheLastDigitsAndShowsThemMasked() throws Exception {
        for (String q : new String[]{mobile, idNumber, idNumber.substring(14)}) {
            String page = page(get("/customers").param("q", q));
            // the search box shows what the user typed; the results show the identifiers masked
            String results = page.substring(page.indexOf("<table id=\"customers\""), page.indexOf("</table>"));
            assertThat(results).as("search %s", q).contains("/customers/" + customer)
                    .contains(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)).doesNotContain(idNumber, mobile);
        }
    }

    @Test
    void liveValidationAnswersOneFieldInTheUsersLanguage() throws Exception {
        String bad = page(post("/customers/validate").param("field", "idNumber").param("kind", "INDIVIDUAL")
                .param("idNumber", "360426199101010072").header("HX-Request", "true"));
        assertThat(bad).contains("idNumber-check").contains("校验位");
        String ok = page(post("/customers/validate").param("field", "mobile").param("mobile", "13812345678"));
        assertThat(ok).contains("mobile-check").contains("通过");
    }

    @Test
    void aDocumentIsTypedByItsBytesAndAnythingElseIsRefused() throws Exception {
        MvcResult uploaded = mvc.perform(multipart("/customers/" + customer + "/documents")
                .file(new MockMultipartFile("file", "身份证.jpg", "image/jpeg", PNG)).param("category", "ID_IMAGE")
                .session(officer).with(csrf())).andReturn();
        assertThat(uploaded.getResponse().getRedirectedUrl()).isEqualTo("/customers/" + customer);
        String view = page(get("/customers/" + customer));
        assertThat(view).contains("身份证.jpg").contains("image/png");

        String refused = page(multipart("/customers/" + customer + "/documents")
                .file(new MockMultipartFile("file", "payslip.pdf", "application/pdf", "<script>".getBytes()))
                .param("category", "INCOME_PROOF"));
        assertThat(refused).contains("JPEG、PNG 或 PDF");
        assertThat(page(get("/customers/" + customer))).doesNotContain("payslip.pdf");

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        String tooLarge = page(multipart("/customers/" + customer + "/documents")
                .file(new MockMultipartFile("file", "scan.png", "image/png", huge)).param("category", "OTHER"));
        assertThat(tooLarge).contains("超过 5120 KB");
    }

    @Test
    void theViewFlagsAnotherCustomerWithTheSameMobile() throws Exception {
        assertThat(page(get("/customers/" + customer))).doesNotContain("id=\"same-mobile\"");
        Api api = new Api(port);
        CustomerTestUtils.create(api, api.token("a-admin", Api.DEMO_PASSWORD),
                CustomerTestUtils.individual(CustomerTestUtils.residentId(), mobile));
        assertThat(page(get("/customers/" + customer))).contains("本机构另有 1 位客户使用同一手机号码");
    }

    @Test
    void theBlacklistPageChecksAnIdNumberAndShowsOnlyHitOrMiss() throws Exception {
        String miss = page(post("/blacklist/check").param("idNumber", CustomerTestUtils.residentId()));
        assertThat(miss).contains("id=\"check-result\"").contains("未命中");
        String bad = page(post("/blacklist/check").param("idNumber", "12345"));
        assertThat(bad).contains("18");
    }

    @Test
    void theViewShowsTheRegionalChecksOfTheDemoCustomers() throws Exception {
        assertThat(view("王示例000")).as("the ID number both demo institutions hold").contains("本区域另有 1 家机构")
                .contains("未命中区域黑名单");
        assertThat(view("李示例001")).as("the ID number NBXD blacklisted").contains("命中区域黑名单：欺诈")
                .doesNotContain("宁波", "DEMO-001");
    }

    private String view(String name) throws Exception {
        String list = page(get("/customers").param("q", name));
        assertThat(list).contains(name);
        String id = list.replaceAll("(?s).*href=\"/customers/([0-9a-f-]{36})\".*", "$1");
        return page(get("/customers/" + id));
    }

    private <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> String page(
            B request) throws Exception {
        MvcResult result = mvc.perform(request.session(officer).with(csrf())
                .header("Accept-Language", "zh-CN")).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
