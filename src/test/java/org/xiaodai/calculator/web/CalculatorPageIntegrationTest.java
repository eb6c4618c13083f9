package org.xiaodai.calculator.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public calculator page through the whole stack: security, form binding, templates, both languages. */
@IntegrationTest
class CalculatorPageIntegrationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anonymousVisitorGetsTheFormWithDefaultTermsAnswered() throws Exception {
        Document page = html(get("/calculator"));
        assertThat(page.getElementById("calculator-form")).isNotNull();
        assertThat(page.getElementById("principal").val()).isEqualTo("10000.00");
        assertThat(page.getElementById("numberOfRepayments").val()).isEqualTo("12");
        assertThat(page.select("#amortization option[selected]").text()).isEqualTo("等额本息");
        assertThat(page.getElementById("disbursementDate").val()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(page.select("#schedule tbody tr")).hasSize(12);
        assertThat(page.outerHtml()).doesNotContain("??");
    }

    @Test
    void anAnonymousVisitorSeesASignInLinkAndASignedInUserDoesNot() throws Exception {
        assertThat(html(get("/calculator")).getElementById("sign-in").attr("href")).isEqualTo("/login");
        assertThat(html(get("/calculator").with(user("someone"))).getElementById("sign-in")).isNull();
    }

    @Test
    void messagesSpeakToPeopleOnTheFieldThatCausedThem() throws Exception {
        Document page = html(post("/calculator").with(csrf())
                .params(CalculatorFormFixture.valid("principal", "十万", "annualInterestRatePercent", "")));
        assertThat(page.getElementById("principal-error").text()).isEqualTo("请以数字输入贷款金额，例如 10000.00。");
        assertThat(page.getElementById("annualInterestRatePercent-error").text()).isEqualTo("请输入年利率，例如 12。");
        assertThat(page.outerHtml()).doesNotContain("string", "JSON");
    }

    @Test
    void aRateAboveFourTimesTheLprIsCalculatedWithAWarningNamingTheBenchmark() throws Exception {
        Document above = html(post("/calculator").with(csrf()).params(CalculatorFormFixture.valid("annualInterestRatePercent", "18")));
        assertThat(above.getElementById("apr").text()).isEqualTo("18.00%");
        assertThat(above.getElementById("rate-warning").text()).contains("LPR 3.00% × 4 = 12.00%", "18.00%");
        Document within = html(post("/calculator").with(csrf()).params(CalculatorFormFixture.valid("annualInterestRatePercent", "10")));
        assertThat(within.getElementById("rate-warning")).isNull();
    }

    @Test
    void validTermsShowTheAprAsTheHeadlineFigure() throws Exception {
        Document page = html(post("/calculator").with(csrf()).params(CalculatorFormFixture.valid()));
        assertThat(page.select(".headline-figure")).hasSize(1);
        assertThat(page.getElementById("apr").text()).isEqualTo("12.00%");
        assertThat(page.getElementById("installment-amount").text()).isEqualTo("888.49 元");
        assertThat(page.getElementById("total-interest").text()).isEqualTo("661.86 元");
        assertThat(page.getElementById("total-repayment").text()).isEqualTo("10,661.86 元");
        assertThat(page.getElementById("periodic-rate").text()).contains("1.00%");
        assertThat(page.select("#schedule tbody tr")).hasSize(12);
        assertThat(page.select("#schedule tbody tr").first().text()).isEqualTo("1 2024-02-15 788.49 100.00 888.49 9,211.51");
        assertThat(page.getElementById("schedule-chart-data").data()).startsWith("{\"periods\":[\"1\",\"2\"");
    }

    @Test
    void zeroRepaymentsAreShownBesideTheFieldInChinese() throws Exception {
        Document page = html(post("/calculator").with(csrf())
                .params(CalculatorFormFixture.valid("numberOfRepayments", "0")));
        assertThat(page.getElementById("numberOfRepayments-error").text()).isEqualTo("至少须有一期还款。");
        assertThat(page.getElementById("numberOfRepayments").hasClass("invalid")).isTrue();
        assertThat(page.getElementById("numberOfRepayments").val()).isEqualTo("0");
        assertThat(page.getElementById("apr")).isNull();
    }

    @Test
    void anExponentIsShownBesideTheFieldPromptly() throws Exception {
        Document page = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> html(post("/calculator").with(csrf())
                .params(CalculatorFormFixture.valid("principal", "1E+999999999", "annualInterestRatePercent", "1e1"))));
        assertThat(page.getElementById("principal-error").text()).contains("10000.00");
        assertThat(page.getElementById("principal").hasClass("invalid")).isTrue();
        assertThat(page.getElementById("annualInterestRatePercent").hasClass("invalid")).isTrue();
        assertThat(page.getElementById("apr")).isNull();
    }

    @Test
    void zeroRepaymentsAreShownBesideTheFieldInEnglish() throws Exception {
        Document page = html(post("/calculator").with(csrf()).cookie(new Cookie("XIAODAI_LANG", "en"))
                .params(CalculatorFormFixture.valid("numberOfRepayments", "0")));
        assertThat(page.getElementById("numberOfRepayments-error").text()).isEqualTo("There must be at least one repayment.");
        assertThat(page.select("label[for=numberOfRepayments]").text()).isEqualTo("Number of repayments");
    }

    @Test
    void unreadableNumbersAndDatesComeBackBesideTheirFieldsNotAsAnErrorPage() throws Exception {
        Document page = html(post("/calculator").with(csrf()).params(CalculatorFormFixture.valid(
                "repaymentEvery", "two", "principal", "ten", "firstRepaymentDate", "2024-02-30",
                "graceOnPrincipalPeriods", "", "amortization", "NONSENSE")));
        assertThat(page.getElementById("repaymentEvery-error").text()).isEqualTo("请输入整数，例如 12。");
        assertThat(page.getElementById("principal-error")).isNotNull();
        assertThat(page.getElementById("firstRepaymentDate-error")).isNotNull();
        assertThat(page.getElementById("graceOnPrincipalPeriods-error").text()).isEqualTo("请填写此项。");
        assertThat(page.getElementById("amortization-error")).isNotNull();
        assertThat(page.getElementById("advanced").hasAttr("open")).isTrue();
    }

    @Test
    void amountsMayBeWrittenWithThousandsSeparators() throws Exception {
        Document page = html(post("/calculator").with(csrf()).params(CalculatorFormFixture.valid("principal", "10,000.00")));
        assertThat(page.getElementById("installment-amount").text()).isEqualTo("888.49 元");
    }

    @Test
    void htmxRequestGetsOnlyTheCalculatorFragment() throws Exception {
        String body = mvc.perform(post("/calculator").with(csrf()).header("HX-Request", "true")
                        .params(CalculatorFormFixture.valid()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body.strip()).startsWith("<div id=\"calculator\"").doesNotContain("<html", "<header", "<footer");
        assertThat(Jsoup.parse(body).getElementById("apr").text()).isEqualTo("12.00%");
    }

    @Test
    void htmxRequestWithWrongInputGetsTheFormBackWithItsErrors() throws Exception {
        String body = mvc.perform(post("/calculator").with(csrf()).header("HX-Request", "true")
                        .params(CalculatorFormFixture.valid("numberOfRepayments", "0")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(body).getElementById("numberOfRepayments-error").text()).isEqualTo("至少须有一期还款。");
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/calculator").params(CalculatorFormFixture.valid())).andExpect(status().isForbidden());
    }

    @Test
    void signedInUserSeesThePageInTheShellWithTheNavigationEntry() throws Exception {
        Document page = html(get("/calculator").with(user("someone").authorities(() -> "iam:user:view")));
        assertThat(page.select("#nav a[href=/calculator]").text()).isEqualTo("贷款计算器");
        assertThat(page.select("#nav a.active").attr("href")).isEqualTo("/calculator");
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(body);
    }
}
