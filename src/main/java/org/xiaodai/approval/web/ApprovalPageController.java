package org.xiaodai.approval.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.approval.domain.Route;
import org.xiaodai.approval.internal.ApprovalService;
import org.xiaodai.approval.internal.ApprovalStatistics;
import org.xiaodai.approval.internal.MatrixStore;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The reviewer's and approver's queue (with the approval statistics for those who may see them),
 * the decision form's target, and the authority-matrix admin page (one row per rule, saved as a new version).
 */
@Controller
class ApprovalPageController {

    private static final int MATRIX_ROWS_EXTRA = 2;
    private final ApprovalService approvals;
    private final MatrixStore matrices;
    private final ApprovalStatistics statistics;
    private final PageProblems problems;
    private final java.time.Clock clock;

    ApprovalPageController(ApprovalService approvals, MatrixStore matrices, ApprovalStatistics statistics,
                           PageProblems problems, java.time.Clock clock) {
        this.approvals = approvals;
        this.matrices = matrices;
        this.statistics = statistics;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/approval/queue")
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    String queue(Model model) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("tasks", approvals.queue(caller));
        model.addAttribute("me", caller.userId());
        if (caller.permissions().contains("approval:statistics:view")) {
            Instant now = clock.instant();
            model.addAttribute("stats", statistics.figures(now.minus(30, ChronoUnit.DAYS), now.plusSeconds(1)));
        }
        return "approval/queue";
    }

    @PostMapping("/approval/tasks/{id}/claim")
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    String claim(@PathVariable UUID id, RedirectAttributes redirect) {
        return onQueue(redirect, () -> approvals.claim(CurrentUsers.require(), id, true));
    }

    @PostMapping("/approval/tasks/{id}/release")
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    String release(@PathVariable UUID id, RedirectAttributes redirect) {
        return onQueue(redirect, () -> approvals.claim(CurrentUsers.require(), id, false));
    }

    @PostMapping("/applications/{id}/decide")
    @PreAuthorize("hasAnyAuthority('loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String approvedAmount,
                  @RequestParam(required = false) String approvedAnnualInterestRatePercent,
                  @RequestParam(required = false) String conditions, RedirectAttributes redirect) {
        try {
            Fields fields = new Fields();
            BigDecimal amount = fields.decimal("approvedAmount", approvedAmount, false);
            BigDecimal rate = fields.decimal("approvedAnnualInterestRatePercent", approvedAnnualInterestRatePercent, false);
            fields.throwIfAny();
            approvals.decide(CurrentUsers.require(), id, new ApprovalService.DecisionCommand(decision, comment, amount, rate,
                    conditions == null || conditions.isBlank() ? null : conditions.strip(), List.of()));
            redirect.addFlashAttribute("notice", "approval.decide.submit");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashErrors", messages(problems.errors(e)));
        }
        return "redirect:/applications/" + id;
    }

    @GetMapping("/approval/matrix")
    @PreAuthorize("hasAnyAuthority('approval:matrix:manage','loan:approve:l1','loan:approve:l2','loan:approve:committee')")
    String matrix(Model model) {
        MatrixStore.Versioned current = matrices.current();
        return matrixPage(model, current.version(), ApprovalApiController.body(current.matrix()), FormErrors.none());
    }

    @PostMapping("/approval/matrix")
    @PreAuthorize("hasAuthority('approval:matrix:manage')")
    String saveMatrix(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        ApprovalApiController.MatrixBody body = fromForm(params);
        try {
            MatrixStore.Versioned saved = matrices.save(CurrentUsers.require(), ApprovalApiController.parse(body));
            redirect.addFlashAttribute("notice", "approval.matrix.save");
            return "redirect:/approval/matrix?saved=" + saved.version();
        } catch (ProblemException e) {
            return matrixPage(model, matrices.current().version(), body, problems.errors(e));
        }
    }

    private String matrixPage(Model model, int version, ApprovalApiController.MatrixBody body, FormErrors errors) {
        List<ApprovalApiController.RuleBody> rows = new ArrayList<>(body.rules() == null ? List.of() : body.rules());
        for (int i = 0; i < MATRIX_ROWS_EXTRA; i++) {
            rows.add(new ApprovalApiController.RuleBody(null, null, null, null, List.of(), List.of(), false, null, null, null));
        }
        model.addAttribute("version", version);
        model.addAttribute("rows", rows);
        model.addAttribute("matrix", body);
        model.addAttribute("routes", Route.values());
        model.addAttribute("assignments", org.xiaodai.approval.domain.Assignment.values());
        model.addAttribute("errors", errors);
        model.addAttribute("messages", messages(errors));
        model.addAttribute("canManage", CurrentUsers.require().permissions().contains("approval:matrix:manage"));
        model.addAttribute("versions", matrices.versions());
        return "approval/matrix";
    }

    /** Rows whose route is empty are dropped (that is how a row is removed). */
    private static ApprovalApiController.MatrixBody fromForm(MultiValueMap<String, String> p) {
        List<ApprovalApiController.RuleBody> rules = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String route = p.getFirst("route" + i);
            if (route == null) {
                if (p.getFirst("maxAmount" + i) == null && p.getFirst("productCode" + i) == null) {
                    continue;
                }
            }
            if (route == null || route.isBlank()) {
                continue;
            }
            rules.add(new ApprovalApiController.RuleBody(p.getFirst("productCode" + i), p.getFirst("branchId" + i),
                    p.getFirst("minAmount" + i), p.getFirst("maxAmount" + i), split(p.getFirst("grades" + i)),
                    split(p.getFirst("anyOfFlags" + i)), "on".equals(p.getFirst("noFlags" + i)) || "true".equals(p.getFirst("noFlags" + i)),
                    route, integer(p.getFirst("committeeVotes" + i)), integer(p.getFirst("committeeSize" + i))));
        }
        return new ApprovalApiController.MatrixBody(rules, integer(p.getFirst("l1SlaHours")), integer(p.getFirst("l2SlaHours")),
                integer(p.getFirst("committeeSlaHours")), p.getFirst("l1Assignment"), p.getFirst("l2Assignment"));
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(String::toUpperCase).toList();
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String onQueue(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashErrors", messages(problems.errors(e)));
        }
        return "redirect:/approval/queue";
    }

    private static List<String> messages(FormErrors errors) {
        List<String> messages = new ArrayList<>(errors.general());
        errors.fields().forEach((field, list) -> list.forEach(m -> messages.add(field + ": " + m)));
        return messages;
    }
}
