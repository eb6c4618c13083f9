package org.xiaodai.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.risk.EarlyWarnings;
import org.xiaodai.risk.Indicators;
import org.xiaodai.risk.Observation;
import org.xiaodai.shared.tenant.TenantWall;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator's registry, complaints and alerts end to end over HTTP: who sees what (another
 * institution's complaint or alert is a 404), bad input as problem details naming the field, the
 * licence status stopping origination, the association seeing aggregates only, and a rule raising
 * an alert through the evaluation seam.
 */
@IntegrationTest
class SupervisionIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Institutions institutions;
    @Autowired
    EarlyWarnings warnings;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    JdbcClient superuser;
    Api api;
    String regulator;
    String aAdmin;
    String bAdmin;
    String hzxd;
    String nbxd;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource operations) {
        this.superuser = JdbcClient.create(operations);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        regulator = api.token("regulator", Api.DEMO_PASSWORD);
        aAdmin = api.token("a-admin", Api.DEMO_PASSWORD);
        bAdmin = api.token("b-admin", Api.DEMO_PASSWORD);
        hzxd = superuser.sql("select id::text from iam_organisation where code = 'HZXD'").query(String.class).single();
        nbxd = superuser.sql("select id::text from iam_organisation where code = 'NBXD'").query(String.class).single();
    }

    @Test
    void theRegulatorSeesEveryInstitutionWithItsLicenceAndIndicators() {
        Api.Response list = api.get("/api/v1/supervision/institutions", regulator);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("code")).contains("HZXD", "NBXD");
        for (var i : list.json()) {
            if (i.get("code").asString().equals("HZXD")) {
                assertThat(i.get("licence").get("netAssets").asString()).isEqualTo("362800000.00");
                assertThat(i.get("licence").get("funding").get("loansToNetAssets").asString()).isEqualTo("0.5237");
                assertThat(i.get("latestIndicators").isObject()).isTrue();
                assertThat(i.get("indicators").isArray()).as("the demo history may or may not be computed yet").isTrue();
            }
        }
        assertThat(api.get("/api/v1/supervision/institutions", aAdmin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/supervision/institutions/" + hzxd, aAdmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/supervision/institutions/" + nbxd, aAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/supervision/institutions/" + hzxd + "/indicators?from=2026-01-01&to=2026-12-31", aAdmin)
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/supervision/institutions/" + nbxd + "/indicators", aAdmin).status()).isEqualTo(404);
    }

    @Test
    void theAssociationSeesRegionAggregatesOnly() {
        String association = api.token("association", Api.DEMO_PASSWORD);
        Api.Response region = api.get("/api/v1/supervision/region", association);
        assertThat(region.status()).as(region.body()).isEqualTo(200);
        assertThat(region.json().get("institutions").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(region.body()).doesNotContain(hzxd, nbxd, "HZXD", "NBXD");
        for (String path : List.of("/api/v1/supervision/institutions", "/api/v1/complaints", "/api/v1/risk/alerts",
                "/api/v1/supervision/inspections", "/api/v1/supervision/institutions/" + hzxd)) {
            assertThat(api.get(path, association).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void aComplaintIsRoutedAnsweredAndResolvedAndHiddenFromOtherInstitutions() {
        String id = SupervisionFixtures.complaint(api, regulator, hzxd);
        assertThat(api.get("/api/v1/complaints/" + id, aAdmin).json().get("complaint").get("status").asString())
                .isEqualTo("ROUTED");
        assertThat(api.get("/api/v1/complaints/" + id, bAdmin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/complaints/" + id + "/respond", bAdmin, Map.of("response", "x")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/complaints?size=200", bAdmin).body()).doesNotContain(id);
        assertThat(api.post("/api/v1/complaints/" + id + "/respond", regulator, Map.of("response", "x")).status())
                .as("the regulator does not answer for the institution").isEqualTo(403);
        assertThat(api.post("/api/v1/complaints/" + id + "/respond", aAdmin, Map.of("response", "已核查并整改")).status())
                .isEqualTo(200);
        Api.Response resolved = api.post("/api/v1/complaints/" + id + "/resolve", regulator,
                Map.of("outcome", "PARTLY_UPHELD", "resolution", "部分支持"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(api.post("/api/v1/complaints/" + id + "/resolve", regulator,
                Map.of("outcome", "UPHELD", "resolution", "again")).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/complaints/" + id, aAdmin).json().get("history").size()).isEqualTo(4);
    }

    @Test
    void aBorrowerFilesAgainstItsOwnInstitutionAndSeesOnlyItsOwnComplaints() {
        String borrower = api.token("a-borrower", Api.DEMO_PASSWORD);
        Api.Response filed = api.post("/api/v1/complaints", borrower, Map.of("institutionId", nbxd, "category", "SERVICE",
                "subject", "客服态度", "description", "电话无人接听"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("institutionId").asString()).as("always its own institution").isEqualTo(hzxd);
        assertThat(filed.json().get("channel").asString()).isEqualTo("BORROWER");
        var mine = api.get("/api/v1/complaints?size=200", borrower).json().get("items");
        assertThat(mine.findValuesAsString("channel")).containsOnly("BORROWER");
    }

    @Test
    void badInputIsAProblemDetailNamingEveryField() {
        Api.Response r = api.send("POST", "/api/v1/complaints", regulator, Api.json(Map.of("institutionId", "nope",
                "category", "LOUD")), "application/json", "en");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .contains("institutionId", "category", "subject", "description", "complainantName");
        Api.Response registry = api.post("/api/v1/supervision/institutions/" + nbxd + "/registry", regulator,
                Map.of("effectiveFrom", "2026-02-30", "licensedRegion", "33", "netAssets", "1e9", "status", "GONE"));
        assertThat(registry.status()).isEqualTo(400);
        assertThat(registry.json().get("errors").findValuesAsString("field"))
                .contains("effectiveFrom", "licensedRegion", "netAssets", "status", "licenceNumber", "businessScope");
        assertThat(api.post("/api/v1/risk/alerts/" + UUID.randomUUID() + "/resolve", regulator, Map.of()).status())
                .isIn(400, 404);
    }

    @Test
    void aSuspendedLicenceStopsOriginationFromItsDateAndInstitutionsCannotEditTheRegistry() {
        UUID nb = UUID.fromString(nbxd);
        LocalDate today = TenantWall.asInstitution(nb, () -> institutions.licence(nb, LocalDate.of(2099, 1, 1))).orElseThrow()
                .effectiveFrom();
        assertThat(TenantWall.asInstitution(nb, () -> institutions.mayOriginate(nb))).isTrue();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("effectiveFrom", "2000-01-01", "licenceNumber", "浙金管〔2020〕07号",
                "licensedRegion", "330200", "businessScope", List.of("FARMER"), "registeredCapital", "200000000",
                "netAssets", "228400000", "netAssetsYear", "2025", "bankLoans", "0", "shareholderLoans", "0"));
        body.putAll(Map.of("bonds", "0", "assetBacked", "0", "status", "SUSPENDED", "reason", "测试：暂停业务"));
        assertThat(api.post("/api/v1/supervision/institutions/" + nbxd + "/registry", bAdmin, body).status()).isEqualTo(403);
        body.put("effectiveFrom", "2099-01-01");
        Api.Response changed = api.post("/api/v1/supervision/institutions/" + nbxd + "/registry", regulator, body);
        assertThat(changed.status()).as(changed.body()).isEqualTo(201);
        assertThat(TenantWall.asInstitution(nb, () -> institutions.mayOriginate(nb))).as("suspension not in effect yet").isTrue();
        assertThat(TenantWall.asInstitution(nb, () -> institutions.licence(nb, LocalDate.of(2099, 1, 2)))).get()
                .extracting(Licence::status).isEqualTo(LicenceStatus.SUSPENDED);
        assertThat(TenantWall.asInstitution(nb, () -> institutions.netAssets(nb, today))).isPresent();
        assertThat(TenantWall.asInstitution(nb, () -> institutions.licensedFor(nb, "330100", BusinessScope.FARMER, today)))
                .as("Hangzhou lies outside NBXD's Ningbo licence").isFalse();
    }

    @Test
    void aRuleRaisesOneAlertPerSubjectAndDayWhichOnlyItsInstitutionAndTheRegulatorSee() {
        UUID hz = UUID.fromString(hzxd);
        String subject = "model:" + UUID.randomUUID();
        Observation drift = new Observation(hz, Indicators.SCORE_PSI, new java.math.BigDecimal("0.31"),
                LocalDate.of(2026, 12, 1), subject, "测试B卡");
        List<UUID> raised = evaluate(hz, drift);
        assertThat(raised).hasSize(1);
        assertThat(evaluate(hz, drift)).isEmpty();
        String id = raised.get(0).toString();
        var alert = api.get("/api/v1/risk/alerts/" + id, aAdmin);
        assertThat(alert.status()).isEqualTo(200);
        assertThat(alert.json().get("alert").get("ruleCode").asString()).as("the most severe rule that fires")
                .isEqualTo("score-drift-severe");
        assertThat(api.get("/api/v1/risk/alerts/" + id, bAdmin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/risk/alerts/" + id + "/acknowledge", bAdmin, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/risk/alerts?size=200", bAdmin).body()).doesNotContain(id);
        assertThat(api.post("/api/v1/risk/alerts/" + id + "/acknowledge", aAdmin, Map.of("note", "查看中")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/risk/alerts/" + id + "/resolve", regulator, Map.of()).status()).isEqualTo(400);
        Api.Response resolved = api.post("/api/v1/risk/alerts/" + id + "/resolve", regulator, Map.of("note", "模型已重训"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/risk/alerts/" + id, regulator).json().get("history").findValuesAsString("action"))
                .containsExactly("RAISED", "ACKNOWLEDGED", "RESOLVED");
        Observation low = new Observation(hz, Indicators.SCORE_PSI, new java.math.BigDecimal("0.05"), drift.asOf(),
                "model:" + UUID.randomUUID(), null);
        assertThat(evaluate(hz, low)).isEmpty();
    }

    @Test
    void endOfDayRaisesTheOverdueComplaintAlertForTheClosedDay() throws InterruptedException {
        UUID nb = UUID.fromString(nbxd);
        LocalDate closed = LocalDate.of(2098, 6, 30);
        transactions.executeWithoutResult(tx -> events.publishEvent(new org.xiaodai.eod.DayClosed(nb, closed,
                closed.plusDays(1), UUID.randomUUID())));
        long deadline = System.nanoTime() + 30_000_000_000L;
        Long raised = 0L;
        while (raised == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            raised = superuser.sql("select count(*) from risk_alert where institution_id = ?::uuid and as_of = ? "
                    + "and rule_code = 'complaint-response-overdue'").params(nbxd, closed).query(Long.class).single();
        }
        assertThat(raised).as("NBXD's demo complaint is past its deadline on the closed date").isEqualTo(1);
        var page = api.get("/api/v1/risk/alerts?q=complaint-response-overdue&size=200", bAdmin);
        assertThat(page.body()).contains("complaint-response-overdue");
        assertThat(api.get("/api/v1/risk/alerts?size=200", aAdmin).body()).doesNotContain(closed.toString());
    }

    private List<UUID> evaluate(UUID institution, Observation observation) {
        java.util.function.Supplier<List<UUID>> work = () -> transactions.execute(tx -> warnings.evaluate(observation));
        return TenantWall.asInstitution(institution, work);
    }
}
