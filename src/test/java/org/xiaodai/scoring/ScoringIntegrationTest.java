package org.xiaodai.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The scoring module against the real application and database: shipped models, scoring, lifecycle, stability. */
@IntegrationTest
class ScoringIntegrationTest {

    private static final Map<String, Object> APPLICANT = Map.ofEntries(Map.entry("currentAccount", "A11"),
            Map.entry("termMonths", 48), Map.entry("creditHistory", "A32"), Map.entry("purpose", "A43"),
            Map.entry("amount", 5951), Map.entry("savings", "A61"), Map.entry("employmentLength", "A73"),
            Map.entry("installmentRate", 2), Map.entry("guarantor", "A101"), Map.entry("residenceYears", 2),
            Map.entry("property", "A121"), Map.entry("age", 22), Map.entry("otherInstallments", "A143"),
            Map.entry("housing", "A152"), Map.entry("existingCredits", 1), Map.entry("job", "A173"),
            Map.entry("dependents", 1), Map.entry("telephone", "A191"));

    @LocalServerPort
    int port;
    JdbcClient jdbc;
    Api api;

    @Autowired
    void superuser(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @Autowired
    org.xiaodai.scoring.Scoring scoring;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /** A refused score (here: inputs of the wrong type) leaves the caller's transaction to commit, as origination's submit needs. */
    @Test
    void aRefusedScoreLeavesTheCallersTransactionUsable() {
        UUID hzxd = jdbc.sql("select id from iam_organisation where code = 'HZXD'").query(UUID.class).single();
        Map<String, Object> wrongTypes = new HashMap<>();
        for (String input : List.of("termMonths", "amount", "age", "creditHistory", "existingCredits", "purpose",
                "duration", "creditAmount")) {
            wrongTypes.put(input, List.of(1));
        }
        String outcome = org.xiaodai.shared.tenant.TenantWall.asInstitution(hzxd, () -> transactions.execute(tx -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoring.score(new org.xiaodai.scoring.ScoreRequest(null,
                    org.xiaodai.scoring.Purpose.APPLICATION, "refused-" + UUID.randomUUID(), wrongTypes)))
                    .isInstanceOf(org.xiaodai.shared.problem.ProblemException.class);
            return "committed";
        }));
        assertThat(outcome).isEqualTo("committed");
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        ScoringFixtures.activeModel(jdbc, "HZXD", "BEHAVIOUR");
    }

    @Test
    void bothShippedModelsAreActiveInTheDemoWithoutProtectedAttributes() {
        String token = api.token("a-risk", Api.DEMO_PASSWORD);
        JsonNode models = api.get("/api/v1/scoring/models", token).json();
        assertThat(models.size()).isGreaterThanOrEqualTo(2);
        for (String purpose : List.of("APPLICATION", "BEHAVIOUR")) {
            UUID id = ScoringFixtures.activeModel(jdbc, "HZXD", purpose);
            JsonNode model = api.get("/api/v1/scoring/models/" + id, token).json();
            assertThat(model.get("summary").get("status").asString()).isEqualTo("APPROVED");
            assertThat(model.get("performance").get("auc").asDouble()).isGreaterThan(0.77);
            assertThat(model.get("trainingData").get("protectedAttributes").asString()).isEqualTo("excluded");
            List<String> inputs = model.get("points").get("variables").valueStream().map(v -> v.get("name").asString()).toList();
            assertThat(inputs).isNotEmpty().doesNotContain("personalStatusSex", "foreignWorker", "sex", "marriage");
        }
    }

    @Test
    void anApplicationIsScoredWithGradeLimitRateBandAndThreeReasonsInTheCallersLanguage() {
        String token = api.token("a-officer", Api.DEMO_PASSWORD);
        Map<String, Object> body = Map.of("purpose", "APPLICATION", "subject", "APP-1", "inputs", APPLICANT);

        Api.Response zh = api.send("POST", "/api/v1/scoring/scores", token, Api.json(body), "application/json", "zh-CN");
        Api.Response en = api.send("POST", "/api/v1/scoring/scores", token, Api.json(body), "application/json", "en");

        assertThat(zh.status()).as(zh.body()).isEqualTo(200);
        JsonNode r = zh.json();
        assertThat(r.get("score").asInt()).isPositive();
        assertThat(r.get("grade").asString()).isIn("A", "B", "C", "D", "E");
        assertThat(r.get("probabilityOfDefault").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("reasons").size()).isEqualTo(3);
        assertThat(r.get("reasons").get(0).get("pointsLost").asInt())
                .isGreaterThanOrEqualTo(r.get("reasons").get(2).get("pointsLost").asInt());
        assertThat(r.get("reasons").get(0).get("text").asString()).matches(".*\\p{IsHan}.*");
        assertThat(en.json().get("reasons").get(0).get("text").asString()).matches("[ -~]+");
        assertThat(en.json().get("score").asInt()).isEqualTo(r.get("score").asInt());
        assertThat(r.get("recommendedLimit").asString()).isNotBlank();
        assertThat(r.get("rateFromPercent").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from scoring_result where subject = 'APP-1'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aScoreRequestWithAnUnreadableValueIsAProblemNamingTheField() {
        String token = api.token("a-officer", Api.DEMO_PASSWORD);
        Map<String, Object> inputs = new HashMap<>(APPLICANT);
        inputs.put("amount", "lots");

        Api.Response r = api.post("/api/v1/scoring/scores", token, Map.of("purpose", "APPLICATION", "inputs", inputs));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("inputs.amount");
        assertThat(api.post("/api/v1/scoring/scores", token, Map.of("inputs", inputs)).status()).isEqualTo(400);
    }

    @Test
    void theBuilderCannotApproveTheirOwnModelButASecondPersonCanAndItThenRunsAsChallenger() throws IOException {
        String risk = api.token("a-risk", Api.DEMO_PASSWORD);
        Api.Response started = api.post("/api/v1/scoring/models", risk, Map.of("name", "A-card retrained " + UUID.randomUUID(),
                "purpose", "APPLICATION", "targetColumn", "bad", "csv", germanCsv()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        String status = ScoringFixtures.await(() -> {
            String s = api.get("/api/v1/scoring/models/" + id, risk).json().get("summary").get("status").asString();
            return s.equals("TRAINING") ? null : s;
        }, Duration.ofSeconds(60));
        assertThat(status).isEqualTo("DRAFT");

        Api.Response own = api.post("/api/v1/scoring/models/" + id + "/approval", risk, Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body()).contains("maker-cannot-check");

        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        assertThat(api.post("/api/v1/scoring/models/" + id + "/approval", admin, Map.of()).status()).isEqualTo(200);
        UUID product = UUID.randomUUID();
        assertThat(api.post("/api/v1/scoring/models/" + id + "/activations", admin,
                Map.of("productId", product.toString(), "role", "CHALLENGER")).status()).isEqualTo(200);

        JsonNode scored = api.post("/api/v1/scoring/scores", admin, Map.of("productId", product.toString(),
                "purpose", "APPLICATION", "inputs", Map.of())).json();
        assertThat(scored.get("challenger").get("modelId").asString()).isEqualTo(id);
        assertThat(scored.get("modelId").asString()).isEqualTo(ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION").toString());
    }

    @Test
    void aDraftCannotBeActivated() {
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        UUID draft = jdbc.sql("""
                select m.id from scoring_model m join iam_organisation o on o.id = m.institution_id
                where o.code = 'HZXD' and m.status = 'APPROVED' limit 1""").query(UUID.class).single();
        Api.Response again = api.post("/api/v1/scoring/models/" + draft + "/approval", admin, Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("notDraft");
    }

    @Test
    void theDriftingDemoPopulationHasAStabilityHistoryAndRaisedAnAlert() {
        UUID bCard = ScoringFixtures.activeModel(jdbc, "NBXD", "BEHAVIOUR");
        String token = api.token("b-risk", Api.DEMO_PASSWORD);
        JsonNode history = ScoringFixtures.await(() -> {
            JsonNode checks = api.get("/api/v1/scoring/models/" + bCard + "/stability", token).json();
            return checks.size() > 20 ? checks : null;
        }, Duration.ofSeconds(60));
        assertThat(history.get(history.size() - 1).get("level").asString()).isIn("WATCH", "ACT");
        JsonNode alerts = api.get("/api/v1/scoring/alerts", token).json();
        assertThat(alerts.valueStream().map(a -> a.get("modelId").asString()).toList()).contains(bCard.toString());
        assertThat(api.get("/api/v1/scoring/models/" + bCard + "/stability", api.token("a-risk", Api.DEMO_PASSWORD)).status())
                .isEqualTo(404);
    }

    /** The German data as an uploaded CSV with a header and a 0/1 target named "bad". */
    private static String germanCsv() throws IOException {
        try (InputStream in = ScoringIntegrationTest.class.getResourceAsStream("/scoring/german.data")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
            StringBuilder csv = new StringBuilder("checking,duration,history,purpose,amount,savings,employment,rate,"
                    + "personal_status_sex,guarantor,residence,property,age,plans,housing,credits,job,dependents,phone,"
                    + "foreign_worker,bad\n");
            for (String line : lines) {
                if (!line.isBlank()) {
                    String[] f = line.trim().split("\\s+");
                    f[20] = f[20].equals("2") ? "1" : "0";
                    csv.append(String.join(",", f)).append('\n');
                }
            }
            return csv.toString();
        }
    }
}
