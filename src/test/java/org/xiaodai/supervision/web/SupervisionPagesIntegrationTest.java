package org.xiaodai.supervision.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.xiaodai.servicing.internal.ServicingTestUtils;
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
        assertThat(page(mvc, regulator, "/")).contains("id=\"home-institutions\"", "/supervision/institutions/" + hzxd);
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

    /**
     * Issue 12's regulator home: a table by institution with its key indicators (limited ones beside their limit,
     * marked when above it), open alerts (risk's column) and the late return (reporting's column), each row leading
     * to the institution's detail; in zh and en; not on an institution user's home.
     */
    @Test
    void theRegulatorsHomeShowsEachInstitutionsIndicatorsAlertsAndLateReturnWithBreachesMarked() throws Exception {
        UUID inst = ServicingTestUtils.newInstitution(new Api(port), superuser);
        ServicingTestUtils.setBusinessDate(superuser, inst, LocalDate.of(2026, 11, 20));
        superuser.sql("""
                insert into supervision_registry (id, institution_id, version, effective_from, licence_number, licensed_region,
                    business_scope, online_lending, registered_capital, net_assets, net_assets_year, bank_loans,
                    shareholder_loans, bonds, asset_backed, status, reason, changed_by_name, changed_at)
                values (?, ?, 1, date '2024-01-01', 'HOME-LIC', '330000', array['PERSONAL_CONSUMPTION'], false, 100000000,
                        100000000, 2025, 40000000, 0, 80000000, 0, 'ACTIVE', 'test', 'test', now())""")
                .params(UUID.randomUUID(), inst).update();
        Map<String, String> values = Map.of("loan-balance", "12345678.9", "npl-ratio", "0.0523", "provision-coverage", "1.8",
                "top-borrower-exposure", "0.125", "related-party-exposure", "0.12", "top10-borrower-exposure", "0.6",
                "leverage-loans", "0.4", "leverage-bonds", "0.8");
        values.forEach((indicator, value) -> superuser.sql("""
                insert into supervision_indicator (id, institution_id, as_of, indicator, value, computed_at)
                values (?, ?, date '2026-11-19', ?, ?, now())""").params(UUID.randomUUID(), inst, indicator, new BigDecimal(value))
                .update());
        SupervisionFixtures.alert(superuser, inst.toString());
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession regulator = session(mvc, "regulator");

        Document zh = Jsoup.parse(page(mvc, regulator, "/"));
        Element row = zh.selectFirst("#home-institutions tr[data-key=" + inst + "]");
        assertThat(row).as("the institution's row on the regulator's home").isNotNull();
        assertThat(row.selectFirst("th a").attr("href")).isEqualTo("/supervision/institutions/" + inst);
        Map<String, Element> cells = cells(zh, row);
        assertThat(cells.get("状态").text()).isEqualTo("正常");
        assertThat(cells.get("指标日期").text()).isEqualTo("2026-11-19");
        assertThat(cells.get("贷款余额（元）").text()).isEqualTo("12,345,678.90");
        assertThat(cells.get("不良贷款率").text()).isEqualTo("5.2 %");
        assertThat(cells.get("拨备覆盖率").text()).isEqualTo("180.0 %");
        assertThat(cells.get("最大单户 / 净资产（/ 限额）").text()).isEqualTo("12.5 % / 10.0 %");
        assertThat(cells.get("含关联方 / 净资产（/ 限额）").text()).isEqualTo("12.0 % / 15.0 %");
        assertThat(cells.get("前十大客户 / 净资产").text()).isEqualTo("60.0 %");
        assertThat(cells.get("银行及股东借款 / 净资产（/ 限额）").text()).isEqualTo("0.40× / 1.00×");
        assertThat(cells.get("债券及资产证券化 / 净资产（/ 限额）").text()).isEqualTo("0.80× / 4.00×");
        assertThat(cells.get("未处理预警").text()).isEqualTo("1");
        assertThat(cells.get("未处理预警").selectFirst("a").attr("href")).isEqualTo("/risk/alerts?institution=" + inst);
        assertThat(cells.get("上月报表").text()).isEqualTo("2026-10，逾期 15 天");
        assertThat(cells.get("投诉 未办结 / 超期").text()).isEqualTo("0 / 0");
        List<String> marked = cells.entrySet().stream().filter(e -> e.getValue().hasClass("breach")).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(marked).as("marked: the breached limit, the open alert and the late return, nothing else")
                .containsExactlyInAnyOrder("最大单户 / 净资产（/ 限额）", "未处理预警", "上月报表");

        Document en = Jsoup.parse(page(mvc, regulator, "/?lang=en"));
        Map<String, Element> english = cells(en, en.selectFirst("#home-institutions tr[data-key=" + inst + "]"));
        assertThat(english.get("Status").text()).isEqualTo("Active");
        assertThat(english.get("NPL ratio").text()).isEqualTo("5.2 %");
        assertThat(english.get("Largest borrower / NA (/ limit)").text()).isEqualTo("12.5 % / 10.0 %");
        assertThat(english.get("Open alerts").text()).isEqualTo("1");
        assertThat(english.get("Previous month's return").text()).isEqualTo("2026-10, 15 days late");
        assertThat(en.selectFirst("#home-institutions h2").text()).isEqualTo("Supervised institutions");

        assertThat(page(mvc, session(mvc, "a-admin"), "/")).doesNotContain("home-institutions", "HOME-LIC");
        assertThat(page(mvc, session(mvc, "association"), "/")).doesNotContain("home-institutions");
    }

    /** A home-table row's cells by their column header's text. */
    private static Map<String, Element> cells(Document page, Element row) {
        List<String> headers = page.select("#home-institutions thead th").stream().map(Element::text).toList();
        List<Element> tds = row.select("td");
        assertThat(tds).hasSize(headers.size() - 1);
        Map<String, Element> byHeader = new java.util.HashMap<>();
        for (int i = 0; i < tds.size(); i++) {
            byHeader.put(headers.get(i + 1), tds.get(i));
        }
        return byHeader;
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
