package org.xiaodai.risk.web;

import java.util.LinkedHashMap;
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
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.risk.internal.AlertService;
import org.xiaodai.risk.internal.RuleService;
import org.xiaodai.shared.problem.ProblemException;

/** The alert workbench (list, one alert with its history and actions), the rules and the inbox. */
@Controller
@RequestMapping("/risk")
class RiskPageController {

    private final AlertService alerts;
    private final RuleService rules;
    private final PageProblems problems;

    RiskPageController(AlertService alerts, RuleService rules, PageProblems problems) {
        this.alerts = alerts;
        this.rules = rules;
        this.problems = problems;
    }

    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('risk:view')")
    String alerts(@ModelAttribute ListRequest request, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String severity, @RequestParam(required = false) String institution,
                  Model model) {
        CurrentUser caller = CurrentUsers.require();
        java.util.UUID institutionId = institutionFilter(institution);
        var page = alerts.page(caller, request.toQuery(AlertService.SORTING), status, severity, institutionId);
        Map<String, String> filters = new LinkedHashMap<>();
        if (institutionId != null) {
            filters.put("institution", institutionId.toString());
        }
        if (status != null && !status.isBlank()) {
            filters.put("status", status);
        }
        if (severity != null && !severity.isBlank()) {
            filters.put("severity", severity);
        }
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/risk/alerts", page, filters));
        model.addAttribute("status", status);
        model.addAttribute("severity", severity);
        model.addAttribute("open", alerts.openBySeverity(caller));
        model.addAttribute("inbox", alerts.inbox(caller, 20));
        return "risk/alerts";
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize("hasAuthority('risk:view')")
    String alert(@PathVariable String id, Model model) {
        return show(parse(id), model, FormErrors.none());
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasAuthority('risk:manage')")
    String acknowledge(@PathVariable String id, @RequestParam(required = false) String note, Model model,
                       RedirectAttributes redirect) {
        UUID alert = parse(id);
        return act(alert, model, redirect, () -> alerts.acknowledge(CurrentUsers.require(), alert, note));
    }

    @PostMapping("/alerts/{id}/assign")
    @PreAuthorize("hasAuthority('risk:manage')")
    String assign(@PathVariable String id, @RequestParam(required = false) String assignee, Model model,
                  RedirectAttributes redirect) {
        UUID alert = parse(id);
        return act(alert, model, redirect, () -> alerts.assign(CurrentUsers.require(), alert, assignee));
    }

    @PostMapping("/alerts/{id}/resolve")
    @PreAuthorize("hasAuthority('risk:manage')")
    String resolve(@PathVariable String id, @RequestParam(required = false) String note, Model model,
                   RedirectAttributes redirect) {
        UUID alert = parse(id);
        return act(alert, model, redirect, () -> alerts.resolve(CurrentUsers.require(), alert, note));
    }

    @PostMapping("/inbox/read")
    @PreAuthorize("hasAuthority('risk:view')")
    String read(RedirectAttributes redirect) {
        alerts.markInboxRead(CurrentUsers.require());
        redirect.addFlashAttribute("notice", "risk.inbox.read");
        return "redirect:/risk/alerts";
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('risk:view')")
    String rules(Model model) {
        return showRules(model, FormErrors.none(), Map.of());
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('risk:rule:manage')")
    String addRule(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            rules.add(CurrentUsers.require(), new RuleService.RuleInput(form.get("code"), form.get("indicator"),
                    form.get("comparator"), form.get("threshold"), form.get("severity"), form.get("scope"),
                    form.get("scopeInstitutionId"), form.get("effectiveFrom"), !"false".equals(form.get("enabled"))));
        } catch (ProblemException e) {
            return showRules(model, problems.errors(e), form);
        }
        redirect.addFlashAttribute("notice", "risk.rules.saved");
        return "redirect:/risk/rules";
    }

    private String showRules(Model model, FormErrors errors, Map<String, String> typed) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("canManage", CurrentUsers.require().permissions().contains("risk:rule:manage"));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "risk/rules";
    }

    private String act(UUID alert, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return show(alert, model, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "risk.alert.saved");
        return "redirect:/risk/alerts/" + alert;
    }

    private String show(UUID id, Model model, FormErrors errors) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("detail", alerts.detail(caller, id));
        model.addAttribute("canManage", caller.permissions().contains("risk:manage"));
        model.addAttribute("errors", errors);
        return "risk/alert";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("alert");
        }
    }

    /** The overview's per-institution filter; anything that is not an id filters nothing. */
    private static java.util.@org.jspecify.annotations.Nullable UUID institutionFilter(String institution) {
        if (institution == null || institution.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(institution.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
