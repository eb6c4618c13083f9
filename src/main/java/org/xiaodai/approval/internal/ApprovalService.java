package org.xiaodai.approval.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaodai.approval.ApprovalDecided;
import org.xiaodai.approval.ApprovalRequested;
import org.xiaodai.approval.Approvals;
import org.xiaodai.approval.CaseView;
import org.xiaodai.approval.DecisionView;
import org.xiaodai.approval.domain.ApprovalRule;
import org.xiaodai.approval.domain.AuthorityMatrix;
import org.xiaodai.approval.domain.Level;
import org.xiaodai.approval.domain.Route;
import org.xiaodai.approval.internal.CaseRecords.CaseRow;
import org.xiaodai.approval.internal.CaseRecords.TaskRow;
import org.xiaodai.audit.AuditRecord;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.DataScope;
import org.xiaodai.shared.problem.ProblemException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a case when an application asks for a decision, routes it by the authority matrix, and
 * records the reviewers' decisions level by level; answers the queue, the trail and the current case.
 * Everything runs in the caller's transaction and tenant wall; the SQL of cases, tasks and decisions
 * is {@link CaseStore}'s, and decisions are inserted, never updated.
 */
@Service
public class ApprovalService implements Approvals {

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final MatrixStore matrices;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final TaskAssigner assigner;

    ApprovalService(JdbcClient jdbc, CaseStore cases, MatrixStore matrices, AuditTrail audit,
                    ApplicationEventPublisher events, Clock clock, JsonMapper json, TaskAssigner assigner) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.matrices = matrices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.assigner = assigner;
    }

    /** A reviewer's decision as the API takes it. */
    public record DecisionCommand(String decision, String comment, BigDecimal approvedAmount,
                                  BigDecimal approvedAnnualInterestRatePercent, String conditions, List<String> reasons) {
    }

    /** A withdrawn application's open case and tasks are cancelled. */
    @EventListener
    @Transactional
    public void on(org.xiaodai.approval.ApprovalWithdrawn w) {
        cases.cancelOpen(w.applicationId());
    }

    @EventListener
    @Transactional
    public void on(ApprovalRequested r) {
        if (r.round() > 1) {
            // a resubmission: whatever the earlier round left open is cancelled (a first round has no case yet)
            cases.cancelOpen(r.applicationId());
        }
        MatrixStore.Versioned matrix = matrices.current();
        ApprovalRule.Candidate candidate = new ApprovalRule.Candidate(r.productCode(), r.branchPath(), r.amount(),
                r.grade(), r.flags());
        AuthorityMatrix.Match match = matrix.matrix().choose(candidate).orElse(new AuthorityMatrix.Match(-1,
                new ApprovalRule(null, null, null, null, List.of(), List.of(), false, Route.L1_L2, null, null)));
        ApprovalRule rule = match.rule();
        UUID caseId = UUID.randomUUID();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("productCode", r.productCode());
        snapshot.put("productName", r.productName());
        snapshot.put("customerName", r.customerName());
        snapshot.put("amount", r.amount());
        snapshot.put("annualRatePercent", r.annualRatePercent());
        snapshot.put("numberOfRepayments", r.numberOfRepayments());
        snapshot.put("score", r.score());
        snapshot.put("grade", r.grade());
        snapshot.put("flags", r.flags());
        jdbc.sql("""
                insert into approval_case (id, institution_id, application_id, round, matrix_version, rule_index, route,
                    committee_votes, committee_size, status, maker_id, branch_path, snapshot, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?::jsonb, ?)""")
                .params(caseId, r.institutionId(), r.applicationId(), r.round(), matrix.version(), match.index(),
                        rule.route().name(), rule.committeeVotes(), rule.committeeSize(), r.makerId(), r.branchPath(),
                        json.writeValueAsString(snapshot), Timestamp.from(r.submittedAt())).update();
        audit.record(AuditRecord.created("approval.case.opened", "application", r.applicationId(), r.institutionId(),
                Map.of("route", rule.route().name(), "matrixVersion", matrix.version(), "rule", match.index() + 1)));
        String ruleText = "#" + (match.index() + 1) + " (v" + matrix.version() + ")";
        switch (rule.route()) {
            case AUTO_APPROVE -> {
                cases.insertDecision(new CaseStore.NewDecision(caseId, r.institutionId(), r.applicationId(), r.round(), "AUTO",
                        "APPROVE", ruleText, List.of(), r.amount(), r.annualRatePercent(), null, null, null));
                cases.close(caseId, "APPROVED");
                events.publishEvent(new ApprovalDecided(r.applicationId(), r.institutionId(),
                        ApprovalDecided.Outcome.APPROVED, r.amount(), r.annualRatePercent(), null, List.of(), ruleText, true));
            }
            case AUTO_DECLINE -> {
                List<String> reasons = new ArrayList<>(r.flags().stream().filter(rule.anyOfFlags()::contains).toList());
                if (reasons.isEmpty() && r.grade() != null && rule.grades().contains(r.grade())) {
                    reasons.add("GRADE_" + r.grade());
                }
                if (reasons.isEmpty()) {
                    reasons.add("MATRIX_RULE");
                }
                cases.insertDecision(new CaseStore.NewDecision(caseId, r.institutionId(), r.applicationId(), r.round(), "AUTO",
                        "DECLINE", ruleText, reasons, null, null, null, null, null));
                cases.close(caseId, "DECLINED");
                events.publishEvent(new ApprovalDecided(r.applicationId(), r.institutionId(),
                        ApprovalDecided.Outcome.DECLINED, null, null, null, reasons, ruleText, true));
            }
            default -> openTask(caseId, r.institutionId(), r.applicationId(), rule.route().levels().getFirst(),
                    r.branchPath(), r.makerId(), matrix.matrix());
        }
    }

    /**
     * Records {@code caller}'s decision on the application's open level.
     *
     * @throws ProblemException 404 when no open level of the application is in the caller's scope; 403 when the
     *         caller entered the application, lacks the level's permission or already decided this case; 409 when
     *         another reviewer claimed it; 400 for a missing comment or an amount or rate above the one asked
     */
    @Transactional
    public DecisionView decide(CurrentUser caller, UUID applicationId, DecisionCommand command) {
        String decision = command.decision() == null ? "" : command.decision().trim().toUpperCase();
        List<org.xiaodai.shared.problem.FieldProblem> problems = new ArrayList<>();
        if (!List.of("APPROVE", "DECLINE", "RETURN").contains(decision)) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("decision", "oneOf", "APPROVE, DECLINE, RETURN"));
        }
        if (command.comment() == null || command.comment().isBlank()) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("comment", "required"));
        } else if (command.comment().length() > 2000) {
            problems.add(org.xiaodai.shared.problem.FieldProblem.of("comment", "size", 1, 2000));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        TaskRow task = cases.openTaskInScope(caller.scope(), applicationId);
        CaseRow c = cases.caseRow(task.caseId());
        Level level = Level.valueOf(task.level());
        if (caller.userId().equals(c.makerId())) {
            throw ProblemException.forbidden("maker-cannot-decide");
        }
        if (!caller.permissions().contains(level.permission())) {
            throw ProblemException.forbidden("approval-authority", level.name());
        }
        if (task.assigneeId() != null && !task.assigneeId().equals(caller.userId())) {
            throw ProblemException.conflict("task-claimed");
        }
        if (cases.decidedBefore(c.id(), caller.userId())) {
            throw ProblemException.forbidden("already-decided");
        }
        BigDecimal currentAmount = cases.currentAmount(c);
        BigDecimal currentRate = cases.currentRate(c);
        BigDecimal amount = null;
        BigDecimal rate = null;
        if ("APPROVE".equals(decision)) {
            amount = command.approvedAmount() == null ? currentAmount : command.approvedAmount();
            rate = command.approvedAnnualInterestRatePercent() == null ? currentRate
                    : command.approvedAnnualInterestRatePercent();
            if (amount.signum() <= 0 || amount.compareTo(currentAmount) > 0) {
                problems.add(org.xiaodai.shared.problem.FieldProblem.of("approvedAmount", "range", "0.01", currentAmount.toPlainString()));
            }
            if (rate.signum() < 0 || rate.compareTo(currentRate) > 0) {
                problems.add(org.xiaodai.shared.problem.FieldProblem.of("approvedAnnualInterestRatePercent", "range", "0",
                        currentRate.toPlainString()));
            }
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
        }
        List<String> reasons = command.reasons() == null ? List.of() : command.reasons();
        if ("DECLINE".equals(decision) && reasons.isEmpty()) {
            reasons = List.of("REVIEWER");
        }
        DecisionView view = cases.insertDecision(new CaseStore.NewDecision(c.id(), c.institutionId(), applicationId,
                c.round(), level.name(), decision, command.comment().trim(), reasons, amount, rate, command.conditions(),
                caller.userId(), caller.displayName()));
        audit.record(AuditRecord.created("approval.decision.recorded", "application", applicationId, c.institutionId(),
                Map.of("level", level.name(), "decision", decision, "comment", command.comment().trim())));
        if (level == Level.COMMITTEE) {
            tallyCommittee(c, task);
        } else {
            advance(c, task, level, decision, command.conditions(), reasons, command.comment().trim());
        }
        return view;
    }

    private void advance(CaseRow c, TaskRow task, Level level, String decision, String conditions, List<String> reasons,
                         String comment) {
        cases.finishTask(task.id());
        if ("APPROVE".equals(decision)) {
            List<Level> levels = Route.valueOf(c.route()).levels();
            int next = levels.indexOf(level) + 1;
            if (next < levels.size()) {
                openTask(c.id(), c.institutionId(), c.applicationId(), levels.get(next), c.branchPath(), c.makerId(),
                        matrices.current().matrix());
                return;
            }
            cases.close(c.id(), "APPROVED");
            events.publishEvent(new ApprovalDecided(c.applicationId(), c.institutionId(), ApprovalDecided.Outcome.APPROVED,
                    cases.currentAmount(c), cases.currentRate(c), cases.allConditions(c.id(), conditions), List.of(), comment,
                    false));
        } else if ("DECLINE".equals(decision)) {
            cases.close(c.id(), "DECLINED");
            events.publishEvent(new ApprovalDecided(c.applicationId(), c.institutionId(), ApprovalDecided.Outcome.DECLINED,
                    null, null, null, reasons, comment, false));
        } else {
            cases.close(c.id(), "RETURNED");
            events.publishEvent(new ApprovalDecided(c.applicationId(), c.institutionId(), ApprovalDecided.Outcome.RETURNED,
                    null, null, null, List.of(), comment, false));
        }
    }

    /** N of M: approved at N approvals, declined once N can no longer be reached; a return ends it at once. */
    private void tallyCommittee(CaseRow c, TaskRow task) {
        CaseStore.Votes votes = cases.committeeVotes(c.id());
        int needed = c.committeeVotes() == null ? 1 : c.committeeVotes();
        int size = c.committeeSize() == null ? needed : c.committeeSize();
        String comment = "committee " + votes.approve() + "/" + size;
        if (votes.returned() > 0) {
            advance(c, task, Level.COMMITTEE, "RETURN", null, List.of(), comment);
        } else if (votes.approve() >= needed) {
            advance(c, task, Level.COMMITTEE, "APPROVE", null, List.of(), comment);
        } else if (votes.decline() > size - needed) {
            advance(c, task, Level.COMMITTEE, "DECLINE", null, List.of("COMMITTEE"), comment);
        }
    }

    /** Claims the task for the caller (who must be allowed to decide it). */
    @Transactional
    public void claim(CurrentUser caller, UUID taskId, boolean claim) {
        TaskRow task = cases.taskInScope(caller.scope(), taskId);
        if (!caller.permissions().contains(Level.valueOf(task.level()).permission())) {
            throw ProblemException.forbidden("approval-authority", task.level());
        }
        if (claim && task.assigneeId() != null && !task.assigneeId().equals(caller.userId())) {
            throw ProblemException.conflict("task-claimed");
        }
        if (!claim && task.assigneeId() != null && !task.assigneeId().equals(caller.userId())) {
            throw ProblemException.conflict("task-claimed");
        }
        if (claim && caller.userId().equals(cases.caseRow(task.caseId()).makerId())) {
            throw ProblemException.forbidden("maker-cannot-decide");
        }
        jdbc.sql("update approval_task set assignee_id = ?, assigned_by = null where id = ?")
                .params(claim ? caller.userId() : null, taskId).update();
        audit.record(AuditRecord.changed(claim ? "approval.task.claimed" : "approval.task.released", "application",
                task.applicationId(), caller.organisationId(), Map.of("assignee", String.valueOf(task.assigneeId())),
                Map.of("assignee", claim ? caller.userId().toString() : "null")));
    }

    /** A task the caller may see. */
    public record QueueItem(UUID taskId, UUID applicationId, String level, String status,
                            java.util.@org.jspecify.annotations.Nullable UUID assigneeId,
                            Instant createdAt, Instant dueAt, boolean overdue, boolean escalated, String customerName,
                            String productName, BigDecimal amount, java.lang.@org.jspecify.annotations.Nullable Integer score,
                            java.lang.@org.jspecify.annotations.Nullable String grade, List<String> flags) {
    }

    /** The caller's queue: open tasks of the levels it may decide, within its scope, not of its own applications. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(CurrentUser caller) {
        List<String> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            if (caller.permissions().contains(level.permission())) {
                levels.add(level.name());
            }
        }
        if (levels.isEmpty()) {
            return List.of();
        }
        DataScope.Predicate visible = caller.scope().predicate("t", "branch_path", null);
        Instant now = clock.instant();
        return jdbc.sql("""
                select t.id, t.application_id, t.level, t.status, t.assignee_id, t.created_at, t.due_at, t.escalated_at,
                       c.snapshot::text as snapshot
                from approval_task t join approval_case c on c.id = t.case_id
                where t.status = 'OPEN' and t.level in (:levels) and c.maker_id <> :caller
                  and (t.assignee_id is null or t.assignee_id = :caller)
                  and not exists (select 1 from approval_decision d where d.case_id = c.id and d.decided_by = :caller)
                  and """ + " " + visible.sql() + " order by t.due_at, t.created_at limit 500")
                .params(visible.parameters()).param("levels", levels).param("caller", caller.userId())
                .query((rs, n) -> {
                    Map<?, ?> s = json.readValue(rs.getString("snapshot"), Map.class);
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    return new QueueItem(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                            rs.getString("level"), rs.getString("status"), rs.getObject("assignee_id", UUID.class),
                            rs.getTimestamp("created_at").toInstant(), due, due.isBefore(now),
                            rs.getTimestamp("escalated_at") != null, (String) s.get("customerName"),
                            (String) s.get("productName"), new BigDecimal(String.valueOf(s.get("amount"))),
                            s.get("score") == null ? null : ((Number) s.get("score")).intValue(), (String) s.get("grade"),
                            flags(s.get("flags")));
                }).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecisionView> trail(UUID applicationId) {
        return jdbc.sql("""
                select d.id, c.round, d.level, d.decision, d.comment, d.reasons::text, d.approved_amount,
                       d.approved_rate_percent, d.conditions, d.decided_by, d.decided_by_name, d.decided_at
                from approval_decision d join approval_case c on c.id = d.case_id
                where d.application_id = ? order by d.decided_at, d.id""")
                .param(applicationId)
                .query((rs, n) -> new DecisionView(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), flags(json.readValue(rs.getString(6), List.class)),
                        rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getObject(10, UUID.class),
                        rs.getString(11), rs.getTimestamp(12).toInstant())).list();
    }

    @Override
    @Transactional(readOnly = true)
    public CaseView currentCase(UUID applicationId) {
        return jdbc.sql("""
                select c.id, c.round, c.route, c.status, c.matrix_version, c.rule_index,
                       (select t.level from approval_task t where t.case_id = c.id and t.status = 'OPEN' limit 1)
                from approval_case c where c.application_id = ? order by c.round desc limit 1""")
                .param(applicationId)
                .query((rs, n) -> new CaseView(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(7), rs.getInt(5), rs.getInt(6))).optional().orElse(null);
    }

    private void openTask(UUID caseId, UUID institutionId, UUID applicationId, Level level, String branchPath,
                          UUID makerId, AuthorityMatrix matrix) {
        Instant now = clock.instant();
        UUID taskId = UUID.randomUUID();
        jdbc.sql("""
                insert into approval_task (id, institution_id, case_id, application_id, level, status, branch_path,
                    created_at, due_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(taskId, institutionId, caseId, applicationId, level.name(), branchPath,
                        Timestamp.from(now), Timestamp.from(now.plus(Duration.ofHours(matrix.slaHours(level))))).update();
        assigner.assign(taskId, caseId, institutionId, applicationId, level, branchPath, makerId, matrix.assignment(level));
    }

    private static List<String> flags(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
