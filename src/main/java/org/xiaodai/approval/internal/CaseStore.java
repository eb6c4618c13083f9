package org.xiaodai.approval.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiaodai.approval.DecisionView;
import org.xiaodai.approval.internal.CaseRecords.CaseRow;
import org.xiaodai.approval.internal.CaseRecords.TaskRow;
import org.xiaodai.iam.DataScope;
import org.xiaodai.shared.problem.ProblemException;

import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of approval cases, their tasks and decisions, inside the caller's transaction and tenant
 * wall. Decisions are inserted, never updated; a task or case is closed by its status.
 */
@Repository
class CaseStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    CaseStore(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** Cancels whatever the application has open (case and tasks). */
    void cancelOpen(UUID applicationId) {
        jdbc.sql("update approval_case set status = 'CANCELLED', decided_at = ? where application_id = ? and status = 'OPEN'")
                .params(now(), applicationId).update();
        jdbc.sql("update approval_task set status = 'CANCELLED', done_at = ? where application_id = ? and status = 'OPEN'")
                .params(now(), applicationId).update();
    }

    void finishTask(UUID taskId) {
        jdbc.sql("update approval_task set status = 'DONE', done_at = ? where id = ?").params(now(), taskId).update();
    }

    void close(UUID caseId, String status) {
        jdbc.sql("update approval_case set status = ?, decided_at = ? where id = ?").params(status, now(), caseId).update();
    }

    /** A decision to record; {@code round} is the case's. */
    record NewDecision(UUID caseId, UUID institutionId, UUID applicationId, int round, String level, String decision,
                       String comment, List<String> reasons, BigDecimal amount, BigDecimal rate, String conditions,
                       UUID decidedBy, String decidedByName) {
    }

    /** Inserts a decision (decisions are never updated). */
    DecisionView insertDecision(NewDecision d) {
        UUID id = UUID.randomUUID();
        Instant at = clock.instant();
        jdbc.sql("""
                insert into approval_decision (id, institution_id, case_id, application_id, level, decision, comment,
                    reasons, approved_amount, approved_rate_percent, conditions, decided_by, decided_by_name, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                .params(id, d.institutionId(), d.caseId(), d.applicationId(), d.level(), d.decision(), d.comment(),
                        json.writeValueAsString(d.reasons()), d.amount(), d.rate(), d.conditions(), d.decidedBy(),
                        d.decidedByName(), Timestamp.from(at)).update();
        return new DecisionView(id, d.round(), d.level(), d.decision(), d.comment(), d.reasons(), d.amount(), d.rate(),
                d.conditions(), d.decidedBy(), d.decidedByName(), at);
    }

    TaskRow openTaskInScope(DataScope scope, UUID applicationId) {
        DataScope.Predicate visible = scope.predicate("t", "branch_path", null);
        return jdbc.sql("select t.* from approval_task t where t.application_id = :app and t.status = 'OPEN' and "
                        + visible.sql() + " limit 1 for update")
                .params(visible.parameters()).param("app", applicationId).query(CaseStore::task).optional()
                .orElseThrow(() -> ProblemException.notFound("application"));
    }

    TaskRow taskInScope(DataScope scope, UUID taskId) {
        DataScope.Predicate visible = scope.predicate("t", "branch_path", null);
        return jdbc.sql("select t.* from approval_task t where t.id = :id and t.status = 'OPEN' and " + visible.sql()
                        + " for update")
                .params(visible.parameters()).param("id", taskId).query(CaseStore::task).optional()
                .orElseThrow(() -> ProblemException.notFound("task"));
    }

    static TaskRow task(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp escalated = rs.getTimestamp("escalated_at");
        return new TaskRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getString("level"), rs.getString("status"),
                rs.getString("branch_path"), rs.getObject("assignee_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                escalated == null ? null : escalated.toInstant());
    }

    CaseRow caseRow(UUID caseId) {
        return jdbc.sql("""
                select id, institution_id, application_id, round, matrix_version, rule_index, route, committee_votes,
                       committee_size, status, maker_id, branch_path, (snapshot->>'amount')::numeric,
                       (snapshot->>'annualRatePercent')::numeric
                from approval_case where id = ?""").param(caseId)
                .query((rs, n) -> new CaseRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7),
                        (Integer) rs.getObject(8), (Integer) rs.getObject(9), rs.getString(10), rs.getObject(11, UUID.class),
                        rs.getString(12), rs.getBigDecimal(13), rs.getBigDecimal(14))).single();
    }

    /** The lowest amount approved so far in the case, else the amount asked. */
    BigDecimal currentAmount(CaseRow c) {
        BigDecimal lowest = jdbc.sql("select min(approved_amount) from approval_decision where case_id = ? and decision = 'APPROVE'")
                .param(c.id()).query((rs, n) -> rs.getBigDecimal(1)).list().getFirst();
        return lowest == null ? c.amount() : lowest;
    }

    BigDecimal currentRate(CaseRow c) {
        BigDecimal lowest = jdbc.sql("select min(approved_rate_percent) from approval_decision where case_id = ? and decision = 'APPROVE'")
                .param(c.id()).query((rs, n) -> rs.getBigDecimal(1)).list().getFirst();
        return lowest == null ? c.annualRatePercent() : lowest;
    }

    String allConditions(UUID caseId, String latest) {
        List<String> all = jdbc.sql("select conditions from approval_decision where case_id = ? and conditions is not null "
                + "and conditions <> '' order by decided_at").param(caseId).query(String.class).list();
        return all.isEmpty() ? (latest == null || latest.isBlank() ? null : latest) : String.join("；", all);
    }

    /** Whether {@code user} already decided in the case (one decision per person per case). */
    boolean decidedBefore(UUID caseId, UUID user) {
        return jdbc.sql("select count(*) from approval_decision where case_id = ? and decided_by = ?")
                .params(caseId, user).query(Integer.class).single() > 0;
    }

    /** A committee's votes so far. */
    record Votes(int approve, int decline, int returned) {
    }

    Votes committeeVotes(UUID caseId) {
        return jdbc.sql("""
                select count(*) filter (where decision = 'APPROVE'), count(*) filter (where decision = 'DECLINE'),
                       count(*) filter (where decision = 'RETURN')
                from approval_decision where case_id = ? and level = 'COMMITTEE'""")
                .param(caseId).query((rs, n) -> new Votes(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
