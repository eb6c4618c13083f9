package org.xiaodai.calculator.web;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "what if I pay late" section of the public calculator page, through the whole stack. */
@IntegrationTest
class ServicingSectionPageIntegrationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theFirstVisitShowsTheExampleOfASecondInstallmentTenDaysLate() throws Exception {
        Document page = html(get("/calculator"));
        assertThat(page.getElementById("repayments").val()).matches("\\d{4}-\\d{2}-\\d{2} 888\\.49");
        assertThat(page.getElementById("servicing-dpd").text()).isEqualTo("10");
        assertThat(page.getElementById("servicing-status").text()).isEqualTo("逾期");
        assertThat(page.getElementById("servicing-grade").text()).isEqualTo("关注");
        assertThat(page.select("#servicing-allocations tbody tr")).hasSize(1);
        assertThat(page.select("#servicing-installments tbody tr")).hasSize(12);
        assertThat(page.select("#servicing-installments tbody tr.late")).hasSize(1);
        assertThat(page.getElementById("asOf").attr("form")).isEqualTo("calculator-form");
        assertThat(page.outerHtml()).doesNotContain("??");
    }

    @Test
    void aLatePartialPaymentPaysPenaltyFirstThenInterestThenPrincipal() throws Exception {
        // 10,000.00 at 12 %: installment 2 (due 2024-03-15) has 92.12 interest and 796.37 principal;
        // paid 500.00 five days late: 796.37 × 5 × 0.05 % = 1.99 penalty, 92.12 interest, 405.89 principal.
        Document page = html(post("/calculator").with(csrf()).params(form("2024-02-15 888.49\n2024-03-20 500", "2024-04-20")));
        assertThat(page.select("#servicing-allocations tbody tr").get(1).text())
                .isEqualTo("2024-03-20 500.00 1.99 92.12 405.89 0.00");
        assertThat(page.getElementById("servicing-dpd").text()).isEqualTo("36");
        assertThat(page.getElementById("servicing-status").text()).isEqualTo("逾期");
    }

    @Test
    void repaymentsOutOfOrderAreShownBesideTheFieldWithTheirLine() throws Exception {
        Document page = html(post("/calculator").with(csrf()).params(form("2024-03-20 500\n2024-02-15 888.49", "2024-04-20")));
        assertThat(page.getElementById("repayments-error").text()).contains("第 2 行").contains("日期顺序");
        assertThat(page.getElementById("repayments").hasClass("invalid")).isTrue();
        assertThat(page.getElementById("servicing-results")).isNull();
        assertThat(page.getElementById("apr")).as("the schedule is still answered").isNotNull();
    }

    @Test
    void anUnreadableLineAndAnUnknownTableAreNamedInEnglish() throws Exception {
        MultiValueMap<String, String> form = form("hello", "2024-04-20");
        form.set("classification", "SECURED");
        Document page = html(post("/calculator").with(csrf()).cookie(new Cookie("XIAODAI_LANG", "en")).params(form));
        assertThat(page.getElementById("repayments-error").text()).isEqualTo("Line 1: must be a date and an amount, e.g. 2026-02-15 888.49");
        assertThat(page.getElementById("classification-error").text()).startsWith("must be one of");
    }

    private static MultiValueMap<String, String> form(String repayments, String asOf) {
        MultiValueMap<String, String> form = CalculatorFormFixture.valid();
        form.set("repayments", repayments);
        form.set("asOf", asOf);
        form.set("penaltyRateMultiplier", "1.5");
        form.set("graceDays", "0");
        form.set("classification", "DPD_DEFAULT");
        return form;
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(body);
    }
}
