package org.xiaodai.servicing.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.calc.FiveLevelGrade;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.servicing.internal.AutoDebitMandates;
import org.xiaodai.servicing.internal.LoanQueries;
import org.xiaodai.servicing.internal.LoanWorkouts;
import org.xiaodai.servicing.internal.Repayments;
import org.xiaodai.servicing.internal.WorkoutRequests;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.PageResult;

/**
 * The loan pages: the list (filters by status and grade, search, sort, paging in the URL) and the
 * loan account (分户账): figures as of the business date, schedule versions, transactions, grade
 * history and vouchers, with the repayment entry, the manual downgrade and the write-off and
 * restructuring requests for those who may file them.
 */
@Controller
@RequestMapping("/loans")
class LoanPageController {

    static final List<String> STATUSES = List.of("PENDING_DISBURSEMENT", "DISBURSING", "ACTIVE", "OVERDUE", "PAID_OFF",
            "WRITTEN_OFF");
    static final List<String> GRADES = List.of("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");

    private final LoanQueries queries;
    private final Repayments repayments;
    private final LoanWorkouts workouts;
    private final WorkoutRequests requests;
    private final PageProblems problems;
    private final AutoDebitMandates mandates;

    LoanPageController(LoanQueries queries, Repayments repayments, LoanWorkouts workouts, WorkoutRequests requests,
                       PageProblems problems, AutoDebitMandates mandates) {
        this.queries = queries;
        this.repayments = repayments;
        this.workouts = workouts;
        this.requests = requests;
        this.mandates = mandates;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('loan:view')")
    String list(@ModelAttribute("list") ListRequest list, @RequestParam(required = false) String status,
                @RequestParam(required = false) String grade, Model model) {
        String shownStatus = status != null && STATUSES.contains(status) ? status : null;
        String shownGrade = grade != null && GRADES.contains(grade) ? grade : null;
        PageResult<LoanQueries.LoanListItem> page = queries.page(CurrentUsers.require(), shownStatus, shownGrade,
                list.toQuery(LoanQueries.SORTING));
        Map<String, String> filters = new LinkedHashMap<>();
        if (shownStatus != null) {
            filters.put("status", shownStatus);
        }
        if (shownGrade != null) {
            filters.put("grade", shownGrade);
        }
        model.addAttribute("page", page);
        model.addAttribute("loans", page.items());
        model.addAttribute("links", ListLinks.of("/loans", page, filters));
        model.addAttribute("status", shownStatus);
        model.addAttribute("grade", shownGrade);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("grades", GRADES);
        return "servicing/loans";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('loan:view')")
    String show(@PathVariable UUID id, Model model) {
        return show(id, model, Map.of(), FormErrors.none(), null);
    }

    private String show(UUID id, Model model, Map<String, String> form, FormErrors errors, String failedForm) {
        CurrentUser caller = CurrentUsers.require();
        LoanQueries.LoanDetail loan = queries.detail(caller, id);
        model.addAttribute("loan", loan);
        model.addAttribute("schedules", queries.schedules(caller, id));
        model.addAttribute("transactions", queries.transactions(caller, id));
        model.addAttribute("gradeChanges", queries.grades(caller, id));
        boolean open = loan.status().equals("ACTIVE") || loan.status().equals("OVERDUE");
        model.addAttribute("open", open);
        if (open && loan.disbursementDate() != null && loan.businessDate().isAfter(loan.disbursementDate())) {
            try {
                model.addAttribute("quote", workouts.quote(id, null));
            } catch (ProblemException ignored) {
                model.addAttribute("quote", null);
            }
        }
        model.addAttribute("canRepay", caller.permissions().contains("repayment:record")
                && (open || loan.status().equals("WRITTEN_OFF")));
        model.addAttribute("canMandate", caller.permissions().contains("loan:auto-debit") && (open
                || loan.status().equals("PENDING_DISBURSEMENT") || loan.status().equals("DISBURSING")));
        model.addAttribute("canGrade", open && caller.permissions().contains("classification:review"));
        model.addAttribute("canRequest", open && caller.permissions().contains("risk:manage"));
        model.addAttribute("canSeeVouchers", caller.permissions().contains("loan:view"));
        model.addAttribute("grades", GRADES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failedForm", failedForm);
        return "servicing/loan";
    }

    @PostMapping("/{id}/repayments")
    @PreAuthorize("hasAuthority('repayment:record')")
    String repay(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
                 @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String idempotencyKey,
                 Model model, RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        try {
            BigDecimal value = LoanApiController.amount(amount);
            repayments.repay(id, value, idempotencyKey, channel, caller.userId());
        } catch (ProblemException e) {
            return show(id, model, Map.of("amount", amount, "channel", channel), problems.errors(e), "repayment");
        }
        redirect.addFlashAttribute("notice", "servicing.loan.repaid");
        return "redirect:/loans/" + id;
    }

    @PostMapping("/{id}/auto-debit")
    @PreAuthorize("hasAuthority('loan:auto-debit')")
    String setAutoDebit(@PathVariable UUID id, @RequestParam(defaultValue = "") String autoDebit,
                        @RequestParam(defaultValue = "") String idempotencyKey, @RequestParam(defaultValue = "") String reason,
                        Model model, RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        try {
            Boolean value = switch (autoDebit.strip()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
            mandates.set(id, value, idempotencyKey, reason, caller.userId());
        } catch (ProblemException e) {
            return show(id, model, Map.of("reason", reason), problems.errors(e), "mandate");
        }
        redirect.addFlashAttribute("notice", "servicing.mandate.changed");
        return "redirect:/loans/" + id;
    }

    @PostMapping("/{id}/grade")
    @PreAuthorize("hasAuthority('classification:review')")
    String downgrade(@PathVariable UUID id, @RequestParam(defaultValue = "") String grade,
                     @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        try {
            workouts.downgrade(id, LoanWorkoutApiController.choice("grade", grade, FiveLevelGrade.class), reason,
                    caller.userId());
        } catch (ProblemException e) {
            return show(id, model, Map.of("grade", grade, "reason", reason), problems.errors(e), "grade");
        }
        redirect.addFlashAttribute("notice", "servicing.loan.downgraded");
        return "redirect:/loans/" + id;
    }

    @PostMapping("/{id}/write-off-requests")
    @PreAuthorize("hasAuthority('risk:manage')")
    String requestWriteOff(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                           RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        try {
            requests.requestWriteOff(caller, id, reason);
        } catch (ProblemException e) {
            return show(id, model, Map.of("writeOffReason", reason), problems.errors(e), "writeOff");
        }
        redirect.addFlashAttribute("notice", "servicing.loan.requested");
        return "redirect:/loans/" + id;
    }

    @PostMapping("/{id}/restructuring-requests")
    @PreAuthorize("hasAuthority('risk:manage')")
    String requestRestructuring(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
                                @RequestParam(defaultValue = "") String numberOfRepayments,
                                @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        queries.requireVisible(caller, id);
        try {
            Integer n;
            try {
                n = numberOfRepayments.isBlank() ? null : Integer.valueOf(numberOfRepayments.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("numberOfRepayments", "wholeNumber");
            }
            requests.requestRestructuring(caller, id, kind, n, null, reason);
        } catch (ProblemException e) {
            return show(id, model, Map.of("kind", kind, "numberOfRepayments", numberOfRepayments, "restructureReason", reason),
                    problems.errors(e), "restructure");
        }
        redirect.addFlashAttribute("notice", "servicing.loan.requested");
        return "redirect:/loans/" + id;
    }
}
