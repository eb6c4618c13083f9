package org.xiaodai.reporting;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return through the API: generated, downloaded in every format (XML valid against the shipped XSD), submitted,
 * rejected by row, corrected and resubmitted, accepted; every version kept, every state change audited, and each
 * institution, the regulator and an officer held to what they may see and do.
 */
@IntegrationTest
class SubmissionWorkflowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    JdbcClient superuser;
    Api api;
    ReportingTestUtils util;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.superuser = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        util = new ReportingTestUtils(context, superuser, port);
    }

    @Test
    void aReturnIsGeneratedDownloadedSubmittedRejectedByRowCorrectedAndAcceptedInsideTheTenantWall() throws Exception {
        UUID fixtureLoan = util.servicing().disbursedLoan(superuser, "HZXD");
        // enough loans on HZXD's books that the loan-level files outgrow the container's buffer (the streaming check
        // below), whether or not the demo's background booking has reached HZXD yet
        UUID hzxd = superuser.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        java.time.LocalDate today = superuser.sql("select business_date from eod_business_date where institution_id = ?")
                .param(hzxd).query(java.time.LocalDate.class).single();
        int onBooks = superuser.sql("select count(*) from servicing_loan where institution_id = ? and status in ('ACTIVE', 'OVERDUE')")
                .param(hzxd).query(Integer.class).single();
        for (int i = onBooks; i < 80; i++) {
            util.loan(hzxd, "5000.00", 6, today.minusDays(3));
        }
        String period = ReportingFixtures.currentPeriod(superuser, "HZXD");
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        String other = api.token("b-admin", Api.DEMO_PASSWORD);
        String regulator = api.token("regulator", Api.DEMO_PASSWORD);
        String officer = api.token("a-officer", Api.DEMO_PASSWORD);

        Api.Response bad = api.post("/api/v1/reporting/returns", admin, Map.of("period", "2026-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("periodFormat");
        assertThat(api.post("/api/v1/reporting/returns", officer, Map.of("period", period)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/reporting/returns", regulator, Map.of("period", period)).status()).isEqualTo(403);

        Api.Response created = api.post("/api/v1/reporting/returns", admin, Map.of("period", period));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("GENERATED");
        assertThat(created.json().get("dataQuality").get("rules").size()).isGreaterThanOrEqualTo(10);
        int loans = created.json().get("header").get("loans").asInt();
        assertThat(loans).isPositive();

        // exports
        assertThat(util.bytes("/api/v1/reporting/returns/" + id + "?format=csv", admin).body()).startsWith(0xEF, 0xBB, 0xBF);
        ReportingTestUtils.valid(util.bytes("/api/v1/reporting/returns/" + id + "?format=xml", admin).body());
        byte[] details = util.bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=xml", admin).body();
        ReportingTestUtils.valid(details);
        assertThat(new String(details, java.nio.charset.StandardCharsets.UTF_8)).contains("<Loan ").contains("reportCode=");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                util.bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=xlsx", admin).body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(loans);
            assertThat(book.getSheetAt(0).getRow(0).getCell(11).getStringCellValue()).isEqualTo("reportCode");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                util.bytes("/api/v1/reporting/returns/" + id + "?format=xlsx", admin).body()))) {
            assertThat(book.getSheet("return").getRow(1).getCell(0).getStringCellValue()).isEqualTo("TOTAL");
        }
        String csv = new String(util.bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=csv", admin).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(loans + 1L);
        // the loan-level files are written to the response as they are produced: no length, chunked transfer (Tomcat
        // would set the length of a body it had whole, or of one that fits its 8 KB buffer; these are larger)
        for (String format : List.of("csv", "xlsx", "xml")) {
            HttpResponse<byte[]> file = util.bytes("/api/v1/reporting/returns/" + id + "/loan-details?format=" + format, admin);
            if (!format.equals("xlsx")) {
                assertThat(file.body().length).as(format + " larger than the container's buffer").isGreaterThan(16 * 1024);
            }
            if (file.body().length > 16 * 1024) {
                assertThat(file.headers().firstValue("Content-Length")).as(format).isEmpty();
                assertThat(file.headers().firstValue("Transfer-Encoding")).as(format).hasValue("chunked");
            }
        }
        JsonNode page = api.get("/api/v1/reporting/returns/" + id + "/loan-details?size=2", admin).json();
        assertThat(page.get("items").size()).isEqualTo(Math.min(2, loans));
        assertThat(api.get("/api/v1/reporting/returns/" + id + "?format=pdf", admin).status()).isEqualTo(400);

        // walls: another institution, the regulator before submission, an officer without the permission
        assertThat(api.get("/api/v1/reporting/returns/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reporting/returns/" + id + "/loan-details?format=csv", other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/reporting/returns/" + id + "/submit", other, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reporting/returns/" + id, regulator).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reporting/returns/" + id, officer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reporting/returns", other).body()).doesNotContain(id);
        assertThat(api.get("/api/v1/supervision/submissions", admin).status()).isEqualTo(403);

        // submit, the regulator rejects row 1
        Api.Response submitted = api.post("/api/v1/reporting/returns/" + id + "/submit", admin, Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(api.post("/api/v1/reporting/returns/" + id + "/submit", admin, Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/supervision/submissions", regulator).body()).contains(id);
        assertThat(api.get("/api/v1/reporting/returns/" + id + "?format=xml", regulator).status()).isEqualTo(200);
        String lending = util.lendingFingerprint(fixtureLoan);
        assertThat(api.post("/api/v1/supervision/submissions/" + id + "/receipt", admin, Map.of("accepted", true)).status())
                .isEqualTo(403);
        Api.Response unknownRow = api.post("/api/v1/supervision/submissions/" + id + "/receipt", regulator,
                Map.of("accepted", false, "rejections", List.of(Map.of("row", loans + 10, "reason", "无此行"))));
        assertThat(unknownRow.status()).isEqualTo(400);
        Api.Response rejected = api.post("/api/v1/supervision/submissions/" + id + "/receipt", regulator,
                Map.of("accepted", false, "note", "请更正", "rejections", List.of(Map.of("row", 1, "reason", "五级分类与逾期天数不符"))));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/reporting/returns/" + id, admin).json().get("receipt").get("rejections").get(0)
                .get("reason").asString()).isEqualTo("五级分类与逾期天数不符");
        assertThat(util.lendingFingerprint(fixtureLoan)).as("the regulator's receipt changes no lending data").isEqualTo(lending);

        // corrected and resubmitted as version 2; the first version is kept
        Api.Response corrected = api.post("/api/v1/reporting/returns", admin, Map.of("period", period));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        String second = corrected.json().get("id").asString();
        assertThat(corrected.json().get("header").get("version").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(corrected.json().get("versions").toString()).contains(id);
        assertThat(api.post("/api/v1/reporting/returns/" + second + "/submit", admin, Map.of()).status()).isEqualTo(200);
        Api.Response accepted = api.post("/api/v1/supervision/submissions/" + second + "/receipt", regulator,
                Map.of("accepted", true, "note", "已接收"));
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/reporting/returns", admin, Map.of("period", period)).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/reporting/returns/" + id, admin).json().get("status").asString()).isEqualTo("REJECTED");

        // every state change audited
        List<String> actions = superuser.sql("select action from audit_entry where entity_id in (?, ?) order by seq")
                .params(id, second).query(String.class).list();
        assertThat(actions).contains("reporting.return.generated", "reporting.return.submitted", "reporting.return.received");
        assertThat(actions.stream().filter(a -> a.equals("reporting.return.received")).count()).isEqualTo(2);
    }

}
