package org.xiaodai.approval.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaodai.approval.DecisionView;
import org.xiaodai.approval.domain.ApprovalRule;
import org.xiaodai.approval.domain.Assignment;
import org.xiaodai.approval.domain.AuthorityMatrix;
import org.xiaodai.approval.domain.Route;
import org.xiaodai.approval.internal.ApprovalService;
import org.xiaodai.approval.internal.ApprovalStatistics;
import org.xiaodai.approval.internal.MatrixStore;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.shared.problem.FieldProblem;

/** Work queues, decisions, the authority matrix and approval statistics. */
@RestController
@Tag(name = "Approval", description = "Queues, decisions with maker ≠ checker and per-level authority, the authority matrix.")
class ApprovalApiController {

    private final ApprovalService approvals;
    private final MatrixStore matrices;
    private final ApprovalStatistics statistics;
    private final java.time.Clock clock;

    ApprovalApiController(ApprovalService approvals, MatrixStore matrices, ApprovalStatistics statistics,
                          java.time.Clock clock) {
        this.clock = clock;
        this.approvals = approvals;
        this.matrices = matrices;
        this.statistics = statistics;
    }

    @Operation(operationId = "listApprovalTasks", summary = "The caller's queue",
            description = "Open tasks of the levels the caller may decide (初审 `loan:approve:l1`, 终审 `loan:approve:l2`, "
                    + "committee `loan:approve:committee`) in its data scope, unclaimed or claimed by it, never of "
                    + "applications it entered; the most urgent (earliest due) first.")
    @GetMapping("/api/v1/approval/tasks")
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    List<ApprovalService.QueueItem> tasks() {
        return approvals.queue(CurrentUsers.require());
    }

    @Operation(operationId = "claimApprovalTask", summary = "Claim a task", description = "Others no longer see it in their queue.")
    @PostMapping("/api/v1/approval/tasks/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    void claim(@PathVariable UUID id) {
        approvals.claim(CurrentUsers.require(), id, true);
    }

    @Operation(operationId = "releaseApprovalTask", summary = "Release a claimed task", description = "Back into the pool.")
    @PostMapping("/api/v1/approval/tasks/{id}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    void release(@PathVariable UUID id) {
        approvals.claim(CurrentUsers.require(), id, false);
    }

    @Schema(description = "A decision on the application's open level. The comment is mandatory; an approval may lower "
            + "the amount or rate and attach conditions.")
    record DecisionRequest(@Schema(example = "APPROVE", allowableValues = {"APPROVE", "DECLINE", "RETURN"}) String decision,
                           @Schema(example = "收入稳定，同意") String comment,
                           @Schema(description = "CNY, a decimal string; at most the amount asked.", example = "30000.00")
                           String approvedAmount,
                           @Schema(description = "Percent, a decimal string; at most the rate asked.", example = "9.6")
                           String approvedAnnualInterestRatePercent,
                           @Schema(example = "需提供近六个月银行流水") String conditions,
                           @Schema(description = "Decline reasons as codes; REVIEWER when none is given.") List<String> reasons) {
    }

    @Operation(operationId = "decideApplication", summary = "Decide the application's open level",
            description = "201 with the decision. 403 `maker-cannot-decide` for the officer who entered it, "
                    + "`approval-authority` without the level's permission, `already-decided` for a reviewer who "
                    + "decided an earlier level or voted already; 409 `task-claimed` when another reviewer claimed it.")
    @PostMapping("/api/v1/applications/{id}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    DecisionView decide(@PathVariable UUID id, @RequestBody DecisionRequest r) {
        Fields fields = new Fields();
        BigDecimal amount = fields.decimal("approvedAmount", r.approvedAmount(), false);
        BigDecimal rate = fields.decimal("approvedAnnualInterestRatePercent", r.approvedAnnualInterestRatePercent(), false);
        fields.throwIfAny();
        return approvals.decide(CurrentUsers.require(), id, new ApprovalService.DecisionCommand(r.decision(), r.comment(),
                amount, rate, r.conditions(), r.reasons()));
    }

    @Schema(description = "One rule of the authority matrix; unset conditions match anything; the first matching rule decides.")
    record RuleBody(@Schema(example = "XF-01") @Nullable String productCode, @Schema(format = "uuid") @Nullable String branchId,
                    @Schema(example = "0") @Nullable String minAmount, @Schema(example = "50000") @Nullable String maxAmount,
                    @Schema(example = "[\"A\",\"B\"]") List<String> grades,
                    @Schema(example = "[\"BLACKLIST\"]") List<String> anyOfFlags, Boolean noFlags,
                    @Schema(example = "AUTO_APPROVE", allowableValues = {"AUTO_APPROVE", "AUTO_DECLINE", "L1", "L1_L2", "COMMITTEE"})
                    String route, @Nullable Integer committeeVotes, @Nullable Integer committeeSize) {
    }

    @Schema(description = "The authority matrix: ordered rules, the SLA of each level in hours and how new 初审 (L1) and "
            + "终审 (L2) tasks are assigned: CLAIM (default; reviewers claim from the pool), ROUND_ROBIN or BY_LOAD "
            + "(fewest open tasks). Committee tasks always wait for the members' votes.")
    record MatrixBody(List<RuleBody> rules, @Schema(example = "24") Integer l1SlaHours,
                      @Schema(example = "24") Integer l2SlaHours, @Schema(example = "72") Integer committeeSlaHours,
                      @Schema(example = "ROUND_ROBIN", allowableValues = {"CLAIM", "ROUND_ROBIN", "BY_LOAD"})
                      @Nullable String l1Assignment,
                      @Schema(example = "BY_LOAD", allowableValues = {"CLAIM", "ROUND_ROBIN", "BY_LOAD"})
                      @Nullable String l2Assignment) {
    }

    @Schema(description = "The matrix in force and its version (0: the built-in default).")
    record MatrixView(int version, MatrixBody matrix) {
    }

    @Operation(operationId = "getApprovalMatrix", summary = "The authority matrix in force")
    @GetMapping("/api/v1/approval/matrix")
    @PreAuthorize("hasAnyAuthority('approval:matrix:manage','loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    MatrixView matrix() {
        MatrixStore.Versioned current = matrices.current();
        return new MatrixView(current.version(), body(current.matrix()));
    }

    @Operation(operationId = "saveApprovalMatrix", summary = "Save a new version of the authority matrix",
            description = "Versions are never changed: the saved one is the next, and is in force at once.")
    @PutMapping("/api/v1/approval/matrix")
    @PreAuthorize("hasAuthority('approval:matrix:manage')")
    MatrixView save(@RequestBody MatrixBody body) {
        MatrixStore.Versioned saved = matrices.save(CurrentUsers.require(), parse(body));
        return new MatrixView(saved.version(), body(saved.matrix()));
    }

    @Operation(operationId = "approvalStatistics", summary = "Approval statistics",
            description = "Over the cases submitted from `from` to `to` (dates, inclusive; default the last 30 days): "
                    + "approval rate, hours per level, median hours from submission to decision, SLA breaches. "
                    + "An institution sees its own; the regulator the region's.")
    @GetMapping("/api/v1/approval/statistics")
    @PreAuthorize("hasAuthority('approval:statistics:view')")
    ApprovalStatistics.Figures statistics(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        LocalDate end = parseDate("to", to, LocalDate.ofInstant(clock.instant(), clock.getZone()));
        LocalDate start = parseDate("from", from, end.minusDays(30));
        ZoneId zone = clock.getZone();
        Instant f = start.atStartOfDay(zone).toInstant();
        Instant t = end.plusDays(1).atStartOfDay(zone).toInstant();
        return statistics.figures(f, t);
    }

    private static LocalDate parseDate(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                throw new org.xiaodai.shared.problem.ProblemException(HttpStatus.BAD_REQUEST, "invalid-input",
                        List.of(FieldProblem.of(field, "dateRange")));
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            throw org.xiaodai.shared.problem.ProblemException.invalid(field, "date");
        }
    }

    static AuthorityMatrix parse(MatrixBody body) {
        Fields fields = new Fields();
        List<ApprovalRule> rules = new java.util.ArrayList<>();
        if (body.rules() == null) {
            fields.add(FieldProblem.of("rules", "required"));
        } else {
            for (int i = 0; i < body.rules().size(); i++) {
                RuleBody r = body.rules().get(i);
                String at = "rules[" + i + "].";
                if (r == null) {
                    fields.add(FieldProblem.of("rules[" + i + "]", "required"));
                    continue;
                }
                rules.add(new ApprovalRule(blank(r.productCode()), fields.uuid(at + "branchId", r.branchId()),
                        fields.decimal(at + "minAmount", r.minAmount(), false),
                        fields.decimal(at + "maxAmount", r.maxAmount(), false), clean(r.grades()), clean(r.anyOfFlags()),
                        Boolean.TRUE.equals(r.noFlags()), fields.enumValue(at + "route", r.route(), Route.class),
                        r.committeeVotes(), r.committeeSize()));
            }
        }
        Assignment l1 = blank(body.l1Assignment()) == null ? null
                : fields.enumValue("l1Assignment", body.l1Assignment().strip(), Assignment.class);
        Assignment l2 = blank(body.l2Assignment()) == null ? null
                : fields.enumValue("l2Assignment", body.l2Assignment().strip(), Assignment.class);
        fields.throwIfAny();
        return new AuthorityMatrix(rules, hours(body.l1SlaHours(), 24), hours(body.l2SlaHours(), 24),
                hours(body.committeeSlaHours(), 72), l1, l2);
    }

    static MatrixBody body(AuthorityMatrix m) {
        return new MatrixBody(m.rules().stream().map(r -> new RuleBody(r.productCode(),
                r.branchId() == null ? null : r.branchId().toString(), plain(r.minAmount()), plain(r.maxAmount()), r.grades(),
                r.anyOfFlags(), r.noFlags(), r.route().name(), r.committeeVotes(), r.committeeSize())).toList(),
                m.l1SlaHours(), m.l2SlaHours(), m.committeeSlaHours(), m.l1Assignment().name(), m.l2Assignment().name());
    }

    private static int hours(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
