package org.xiaodai.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.approval.internal.SlaEscalation;
import org.xiaodai.scoring.ScoringFixtures;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.OriginationFixtures;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval workflow on the real database: the demo route 初审 → 终审 and the committee, maker ≠
 * checker, authority per level, mandatory comments, returns and resubmission, the matrix as
 * versioned data, SLA escalation and the statistics.
 */
@IntegrationTest
class ApprovalWorkflowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    SlaEscalation escalation;
    JdbcClient jdbc;
    Api api;
    OriginationFixtures fixtures;
    String officer;
    String admin;
    String reviewer;
    String approver;
    String product;

    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new OriginationFixtures(api);
        ScoringFixtures.activeModel(jdbc, "HZXD", "APPLICATION");
        officer = api.token("a-officer", Api.DEMO_PASSWORD);
        admin = api.token("a-admin", Api.DEMO_PASSWORD);
        reviewer = api.token("a-reviewer", Api.DEMO_PASSWORD);
        approver = api.token("a-approver", Api.DEMO_PASSWORD);
        product = fixtures.product(admin);
    }

    private String underReview(String amount) {
        String customer = fixtures.borrower(officer);
        String id = fixtures.create(officer, OriginationFixtures.application(customer, product, amount));
        JsonNode submitted = fixtures.submit(officer, id);
        assertThat(submitted.get("status").asString()).as(submitted.toString()).isEqualTo("UNDER_REVIEW");
        return id;
    }

    @Test
    void aMidSizedApplicationGoesToFirstReviewThenFinalApprovalEachWithinItsAuthority() {
        String id = underReview("120000");
        JsonNode app = api.get("/api/v1/applications/" + id, officer).json();
        assertThat(app.get("route").asString()).isEqualTo("L1_L2");
        assertThat(app.get("openLevel").asString()).isEqualTo("L1");
        assertThat(api.get("/api/v1/approval/tasks", reviewer).body()).contains(id);
        assertThat(api.get("/api/v1/approval/tasks", approver).body()).contains(id);

        Api.Response l1 = api.post("/api/v1/applications/" + id + "/decisions", reviewer, Map.of("decision", "APPROVE",
                "comment", "收入稳定，同意，金额下调", "approvedAmount", "100000"));
        assertThat(l1.status()).as(l1.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/applications/" + id, officer).json().get("openLevel").asString()).isEqualTo("L2");

        Api.Response aboveAuthority = api.post("/api/v1/applications/" + id + "/decisions", reviewer,
                Map.of("decision", "APPROVE", "comment", "再批"));
        assertThat(aboveAuthority.status()).as("初审 cannot decide 终审").isEqualTo(403);
        assertThat(aboveAuthority.json().get("type").asString()).endsWith("/approval-authority");
        Api.Response higher = api.post("/api/v1/applications/" + id + "/decisions", approver,
                Map.of("decision", "APPROVE", "comment", "同意", "approvedAmount", "110000"));
        assertThat(higher.status()).as("not above what 初审 approved").isEqualTo(400);
        assertThat(higher.body()).contains("approvedAmount");

        JsonNode approved = fixtures.decide(approver, id, "APPROVE", "终审同意");
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(new java.math.BigDecimal(approved.get("approvedAmount").asString())).isEqualByComparingTo("100000");
        assertThat(approved.get("decisions")).hasSize(2);
        assertThat(approved.get("decisions").get(0).get("decidedByName").asString()).isNotBlank();
        JsonNode contract = api.get("/api/v1/contracts/" + approved.get("contractId").asString(), officer).json();
        assertThat(new java.math.BigDecimal(contract.get("principal").asString())).isEqualByComparingTo("100000");
    }

    @Test
    void theMakerNeverDecidesItsOwnApplicationAndACommentIsMandatory() {
        String customer = fixtures.borrower(admin);
        String id = fixtures.create(admin, OriginationFixtures.application(customer, product, "120000"));
        assertThat(fixtures.submit(admin, id).get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(api.get("/api/v1/approval/tasks", admin).body()).doesNotContain(id);

        Api.Response own = api.post("/api/v1/applications/" + id + "/decisions", admin,
                Map.of("decision", "APPROVE", "comment", "自己批"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("type").asString()).endsWith("/maker-cannot-decide");

        Api.Response noComment = api.post("/api/v1/applications/" + id + "/decisions", approver,
                Map.of("decision", "DECLINE", "comment", " "));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("\"field\":\"comment\"", "required");
        Api.Response badDecision = api.post("/api/v1/applications/" + id + "/decisions", approver,
                Map.of("decision", "MAYBE", "comment", "x"));
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.body()).contains("\"field\":\"decision\"");
        assertThat(jdbc.sql("select count(*) from approval_decision where application_id = ?::uuid").param(id)
                .query(Integer.class).single()).as("no partial write").isZero();
    }

    @Test
    void aReturnedApplicationIsResubmittedAsANewRound() {
        String id = underReview("120000");
        JsonNode returned = fixtures.decide(reviewer, id, "RETURN", "请补充银行流水");
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");

        JsonNode again = fixtures.submit(officer, id);

        assertThat(again.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(again.get("openLevel").asString()).isEqualTo("L1");
        assertThat(jdbc.sql("select max(round) from approval_case where application_id = ?::uuid").param(id)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(again.get("decisions").get(0).get("decision").asString()).as("the trail keeps round 1").isEqualTo("RETURN");
    }

    @Test
    void aLargeApplicationNeedsTwoOfThreeCommitteeVotes() {
        String id = underReview("300000");
        assertThat(api.get("/api/v1/applications/" + id, officer).json().get("route").asString()).isEqualTo("COMMITTEE");
        fixtures.decide(reviewer, id, "APPROVE", "初审同意，提交委员会");

        JsonNode oneVote = fixtures.decide(approver, id, "APPROVE", "同意");
        assertThat(oneVote.get("status").asString()).isEqualTo("UNDER_REVIEW");
        Api.Response twice = api.post("/api/v1/applications/" + id + "/decisions", approver,
                Map.of("decision", "APPROVE", "comment", "再投一票"));
        assertThat(twice.status()).isEqualTo(403);
        assertThat(twice.json().get("type").asString()).endsWith("/already-decided");

        JsonNode twoVotes = fixtures.decide(admin, id, "APPROVE", "同意");
        assertThat(twoVotes.get("status").asString()).isEqualTo("APPROVED");
        assertThat(twoVotes.get("contractId").isNull()).isFalse();
    }

    @Test
    void theMatrixIsVersionedDataThatRoutesTheNextApplication() {
        JsonNode before = api.get("/api/v1/approval/matrix", admin).json();
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("productCode", null);
        rule.put("maxAmount", "150000");
        rule.put("route", "L1");
        List<Object> rules = new java.util.ArrayList<>();
        rules.add(rule);
        before.get("matrix").get("rules").forEach(r -> rules.add(r));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rules", rules);
        body.put("l1SlaHours", 8);
        Api.Response saved = api.send("PUT", "/api/v1/approval/matrix", admin, Api.json(body));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
        try {
            String id = underReview("120000");
            assertThat(api.get("/api/v1/applications/" + id, officer).json().get("route").asString()).isEqualTo("L1");
            JsonNode approved = fixtures.decide(reviewer, id, "APPROVE", "初审即可");
            assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
            assertThat(api.send("PUT", "/api/v1/approval/matrix", officer, Api.json(body)).status())
                    .as("an officer cannot change the matrix").isEqualTo(403);
            Map<String, Object> bad = new LinkedHashMap<>(body);
            bad.put("rules", List.of(Map.of("route", "COMMITTEE", "committeeVotes", 4, "committeeSize", 3)));
            Api.Response refused = api.send("PUT", "/api/v1/approval/matrix", admin, Api.json(bad));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("rules[0].committeeVotes");
        } finally {
            Map<String, Object> restore = new LinkedHashMap<>();
            restore.put("rules", before.get("matrix").get("rules"));
            restore.put("l1SlaHours", before.get("matrix").get("l1SlaHours").asInt());
            restore.put("l2SlaHours", before.get("matrix").get("l2SlaHours").asInt());
            restore.put("committeeSlaHours", before.get("matrix").get("committeeSlaHours").asInt());
            assertThat(api.send("PUT", "/api/v1/approval/matrix", admin, Api.json(restore)).status()).isEqualTo(200);
        }
    }

    @Test
    void anOverdueTaskIsEscalatedOnceAndCountedAsABreach() {
        String id = underReview("120000");
        jdbc.sql("update approval_task set due_at = now() - interval '1 hour', created_at = now() - interval '2 days' "
                + "where application_id = ?::uuid and status = 'OPEN'").param(id).update();

        assertThat(escalation.escalateOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(escalation.escalateOverdue()).as("once").isZero();

        JsonNode queue = api.get("/api/v1/approval/tasks", reviewer).json();
        JsonNode task = null;
        for (JsonNode t : queue) {
            if (t.get("applicationId").asString().equals(id)) {
                task = t;
            }
        }
        assertThat(task).isNotNull();
        assertThat(task.get("overdue").asBoolean()).isTrue();
        assertThat(task.get("escalated").asBoolean()).isTrue();
        JsonNode stats = api.get("/api/v1/approval/statistics", admin).json();
        assertThat(stats.get("slaBreaches").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("cases").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/approval/statistics", api.token("regulator", Api.DEMO_PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void claimingKeepsOthersAwayUntilReleased() {
        String id = underReview("120000");
        String taskId = null;
        for (JsonNode t : api.get("/api/v1/approval/tasks", reviewer).json()) {
            if (t.get("applicationId").asString().equals(id)) {
                taskId = t.get("taskId").asString();
            }
        }
        assertThat(api.post("/api/v1/approval/tasks/" + taskId + "/claim", reviewer, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/approval/tasks", approver).body()).doesNotContain(id);
        Api.Response taken = api.post("/api/v1/applications/" + id + "/decisions", approver,
                Map.of("decision", "APPROVE", "comment", "抢先"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/approval/tasks/" + taskId + "/release", reviewer, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/approval/tasks", approver).body()).contains(id);
    }

    @Test
    void newFirstReviewTasksAreAssignedRoundRobinThenByLoadAsTheMatrixSays() {
        JsonNode before = api.get("/api/v1/approval/matrix", admin).json();
        List<String> submitted = new java.util.ArrayList<>();
        try {
            saveAssignment(before, "ROUND_ROBIN");
            assertThat(api.get("/api/v1/approval/matrix", admin).json().get("matrix").get("l1Assignment").asString())
                    .isEqualTo("ROUND_ROBIN");
            String first = underReview("120000");
            submitted.add(first);
            List<String> pool = pool(first);
            assertThat(pool).as("a-reviewer and a-approver at least").hasSizeGreaterThanOrEqualTo(2)
                    .doesNotContain(userId("a-officer"));
            String previous = assignee(first);
            assertThat(previous).isIn(pool);
            List<String> assigned = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = underReview("120000");
                submitted.add(id);
                assigned.add(assignee(id));
                String by = jdbc.sql("select assigned_by from approval_task where application_id = ?::uuid and status = 'OPEN'")
                        .param(id).query(String.class).single();
                assertThat(by).isEqualTo("ROUND_ROBIN");
                if (assignee(id).equals(userId("a-reviewer"))) {
                    assertThat(api.get("/api/v1/approval/tasks", reviewer).body()).contains(id);
                    assertThat(api.get("/api/v1/approval/tasks", approver).body())
                            .as("an assigned task is in its assignee's queue only").doesNotContain(id);
                }
            }
            int at = pool.indexOf(previous);
            assertThat(assigned).containsExactly(pool.get((at + 1) % pool.size()), pool.get((at + 2) % pool.size()),
                    pool.get((at + 3) % pool.size()));

            saveAssignment(before, "BY_LOAD");
            String lastAssigned = assigned.getLast();
            Map<String, Integer> load = new LinkedHashMap<>();
            for (String user : pool) {
                load.put(user, jdbc.sql("select count(*) from approval_task where status = 'OPEN' and assignee_id = ?::uuid")
                        .param(user).query(Integer.class).single());
            }
            int fewest = load.values().stream().min(Integer::compare).orElseThrow();
            int from = pool.indexOf(lastAssigned);
            String expected = null;
            for (int i = 1; i <= pool.size() && expected == null; i++) {
                String candidate = pool.get((from + i) % pool.size());
                if (load.get(candidate) == fewest) {
                    expected = candidate;
                }
            }
            String byLoad = underReview("120000");
            submitted.add(byLoad);
            assertThat(assignee(byLoad)).as("the least loaded of %s, ties in turn", load).isEqualTo(expected);
        } finally {
            // these submissions do not count toward other tests' velocity from 127.0.0.1 (TEST-NET-2)
            jdbc.sql("update origination_application set client_address = '198.51.100.8' where id::text = any(?)")
                    .param(submitted.toArray(String[]::new)).update();
            Map<String, Object> restore = new LinkedHashMap<>();
            restore.put("rules", before.get("matrix").get("rules"));
            restore.put("l1SlaHours", before.get("matrix").get("l1SlaHours").asInt());
            restore.put("l2SlaHours", before.get("matrix").get("l2SlaHours").asInt());
            restore.put("committeeSlaHours", before.get("matrix").get("committeeSlaHours").asInt());
            assertThat(api.send("PUT", "/api/v1/approval/matrix", admin, Api.json(restore)).status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownAssignmentIsRefusedNamingTheField() {
        JsonNode before = api.get("/api/v1/approval/matrix", admin).json();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rules", before.get("matrix").get("rules"));
        body.put("l1Assignment", "LOTTERY");
        Api.Response refused = api.send("PUT", "/api/v1/approval/matrix", admin, Api.json(body));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"l1Assignment\"", "ROUND_ROBIN");
        assertThat(api.get("/api/v1/approval/matrix", admin).json().get("version").asInt())
                .isEqualTo(before.get("version").asInt());
    }

    private void saveAssignment(JsonNode before, String l1) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rules", before.get("matrix").get("rules"));
        body.put("l1Assignment", l1);
        Api.Response saved = api.send("PUT", "/api/v1/approval/matrix", admin, Api.json(body));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private String assignee(String applicationId) {
        return jdbc.sql("select assignee_id::text from approval_task where application_id = ?::uuid and status = 'OPEN'")
                .param(applicationId).query(String.class).single();
    }

    private String userId(String username) {
        return jdbc.sql("select id::text from iam_user where username = ?").param(username).query(String.class).single();
    }

    /** HZXD's enabled holders of loan:approve:l1 whose branch reaches the task's, but the maker, in display-name order. */
    private List<String> pool(String applicationId) {
        return jdbc.sql("""
                select u.id::text from iam_user u left join iam_branch b on b.id = u.branch_id
                join approval_task t on t.application_id = ?::uuid and t.status = 'OPEN'
                join approval_case c on c.id = t.case_id
                where u.enabled and u.institution_id = t.institution_id and u.id <> c.maker_id
                  and exists (select from iam_user_role ur join iam_role_permission rp on rp.role_id = ur.role_id
                              where ur.user_id = u.id and rp.permission = 'loan:approve:l1')
                  and (b.path is null or starts_with(coalesce(t.branch_path, ''), b.path))
                order by u.display_name, u.id""").param(applicationId).query(String.class).list();
    }
}
