package org.xiaodai.origination.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.origination.domain.LoanPurpose;
import org.xiaodai.origination.internal.ApplicationReader;
import org.xiaodai.origination.internal.ApplicationService;
import org.xiaodai.origination.internal.ApplicationView;
import org.xiaodai.origination.internal.Preview;
import org.xiaodai.origination.internal.SecurityChangeService;
import org.xiaodai.platform.web.EntityNames;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.product.DocumentType;
import org.xiaodai.product.Products;
import org.xiaodai.shared.problem.FieldProblem;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.PageResult;

/**
 * The officer's pages: the list, the entry form with a live schedule and annualised-rate preview
 * (htmx posts the form to {@code /applications/preview}), and the application with its score, flags,
 * documents, collateral, limits and decision trail, and the actions the caller may take.
 */
@Controller
@RequestMapping("/applications")
class ApplicationPageController {

    private final ApplicationService applications;
    private final ApplicationReader reader;
    private final Preview preview;
    private final Products products;
    private final PageProblems problems;
    private final SecurityChangeService securityChanges;
    private final List<EntityNames> names;

    ApplicationPageController(ApplicationService applications, ApplicationReader reader, Preview preview,
                              Products products, PageProblems problems, SecurityChangeService securityChanges,
                              List<EntityNames> names) {
        this.applications = applications;
        this.reader = reader;
        this.preview = preview;
        this.products = products;
        this.problems = problems;
        this.securityChanges = securityChanges;
        this.names = names;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('application:view')")
    String list(ListRequest request, @RequestParam(required = false) String status, Model model) {
        String filter = status != null && status.matches("[A-Z_]{1,20}") ? status : null;
        PageResult<ApplicationReader.Summary> page = reader.page(CurrentUsers.require(), filter,
                request.toQuery(ApplicationReader.SORTING));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/applications", page, filter == null ? Map.of() : Map.of("status", filter)));
        model.addAttribute("canCreate", CurrentUsers.require().permissions().contains("application:create"));
        return "origination/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('application:create')")
    String newApplication(@RequestParam(required = false) String customerId, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("customerId", customerId == null ? "" : customerId.strip());
        form.put("channel", "OFFLINE");
        form.put("purpose", "CONSUMPTION");
        form.put("numberOfRepayments", "12");
        return form(model, form, List.of("ID_CARD"), FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('application:create')")
    String create(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> form = single(params);
        List<String> documents = params.getOrDefault("documents", List.of());
        try {
            UUID id = applications.create(CurrentUsers.require(), ApplicationRequests.parse(body(form, documents)), null,
                    request.getRemoteAddr());
            if ("submit".equals(form.get("then"))) {
                applications.submit(CurrentUsers.require(), id, request.getRemoteAddr(), null);
            }
            redirect.addFlashAttribute("notice", "origination.status.DRAFT");
            return "redirect:/applications/" + id;
        } catch (ProblemException e) {
            return form(model, form, documents, problems.errors(e));
        }
    }

    /** The live preview: the annualised rate first and largest, then the installments; or what is wrong. */
    @PostMapping("/preview")
    @PreAuthorize("hasAuthority('application:create')")
    String preview(@RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> form = single(params);
        List<FieldProblem> unreadable = new ArrayList<>();
        UUID product = ApplicationRequests.uuid("productId", form.get("productId"), true, unreadable);
        BigDecimal amount = ApplicationRequests.decimal("amount", form.get("amount"), unreadable);
        BigDecimal rate = ApplicationRequests.decimal("annualInterestRatePercent", form.get("annualInterestRatePercent"),
                unreadable);
        Integer n = integer(form.get("numberOfRepayments"));
        if (n == null || n < 1 || n > 600) {
            unreadable.add(FieldProblem.of("numberOfRepayments", "range"));
        }
        if (unreadable.isEmpty()) {
            Preview.Result result = preview.of(CurrentUsers.require(), product, amount, n, rate);
            model.addAttribute("preview", result.schedule() == null ? null : result);
            model.addAttribute("previewErrors", messages(result.problems()));
        } else {
            model.addAttribute("preview", null);
            model.addAttribute("previewErrors", List.of());
        }
        return "origination/form :: preview";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('application:view')")
    String view(@PathVariable UUID id, Model model) {
        CurrentUser caller = CurrentUsers.require();
        ApplicationView a = reader.view(caller, id);
        model.addAttribute("a", a);
        model.addAttribute("canEdit", caller.permissions().contains("application:create"));
        model.addAttribute("canInvestigate", caller.permissions().contains("application:investigate"));
        model.addAttribute("canDecide", a.openLevel() != null && !caller.userId().equals(a.ownerId())
                && caller.permissions().contains(switch (a.openLevel()) {
                    case "L1" -> "loan:approve:l1";
                    case "L2" -> "loan:approve:l2";
                    default -> "loan:approve:committee";
                }));
        securityModel(model, caller, a, null, FormErrors.none());
        return "origination/view";
    }

    /**
     * The guarantee change (担保变更, report-time code 30) on the application's page: the security after the change in
     * full (one collateral item and one guarantor, as the entry form takes them; empty fields for none) and the reason.
     * Refused input shows the page again with the problems at their fields; a recorded change is listed in the history.
     */
    @PostMapping("/{id}/security-changes")
    @PreAuthorize("hasAuthority('application:security:change')")
    String changeSecurity(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                          RedirectAttributes redirect) {
        CurrentUser caller = CurrentUsers.require();
        Map<String, String> form = single(params);
        try {
            List<FieldProblem> unreadable = new ArrayList<>();
            SecurityChangeService.SecurityChange change = securityChange(form, unreadable);
            if (!unreadable.isEmpty()) {
                throw ProblemException.invalid(unreadable);
            }
            securityChanges.record(caller, id, change);
            redirect.addFlashAttribute("notice", "origination.security.recorded");
            return "redirect:/applications/" + id + "#security-changes";
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            ApplicationView a = reader.view(caller, id);
            model.addAttribute("a", a);
            model.addAttribute("canEdit", false);
            model.addAttribute("canInvestigate", false);
            model.addAttribute("canDecide", false);
            securityModel(model, caller, a, form, problems.errors(e));
            return "origination/view";
        }
    }

    /** Live validation of the change form (htmx on each change): the problems in the reader's language, or an OK mark. */
    @PostMapping("/{id}/security-changes/check")
    @PreAuthorize("hasAuthority('application:security:change')")
    String checkSecurity(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> form = single(params);
        List<FieldProblem> found = new ArrayList<>();
        SecurityChangeService.SecurityChange change = securityChange(form, found);
        try {
            // always asked (the scope check: another institution's id is 404 whatever the form holds); its own
            // problems count when the form could be read
            List<FieldProblem> rules = securityChanges.problems(CurrentUsers.require(), id, change);
            if (found.isEmpty()) {
                found.addAll(rules);
            }
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("securityCheck", problems.errors(e));
            return "origination/view :: securityCheck";
        }
        model.addAttribute("securityCheck", found.isEmpty() ? FormErrors.none()
                : problems.errors(ProblemException.invalid(found)));
        return "origination/view :: securityCheck";
    }

    private void securityModel(Model model, CurrentUser caller, ApplicationView a, Map<String, String> form,
                               FormErrors errors) {
        boolean canChange = a.loanId() != null && caller.permissions().contains("application:security:change");
        model.addAttribute("canChangeSecurity", canChange);
        List<SecurityChangeService.HistoryEntry> history = a.loanId() == null ? List.of()
                : securityChanges.history(caller, a.id());
        model.addAttribute("securityChanges", history);
        Map<String, String> people = new java.util.HashMap<>();
        List<String> ids = history.stream().map(h -> h.changedBy().toString()).distinct().toList();
        if (!ids.isEmpty()) {
            names.forEach(n -> people.putAll(n.names("user", ids)));
        }
        model.addAttribute("securityChangedBy", people);
        if (form == null) {
            // the form starts from the security in force: the latest change's, else the contract's
            form = new LinkedHashMap<>();
            List<org.xiaodai.origination.internal.NewApplication.Collateral> collateral = history.isEmpty()
                    ? a.collateral().stream().map(c -> new org.xiaodai.origination.internal.NewApplication.Collateral(
                            org.xiaodai.origination.domain.CollateralType.valueOf(c.type()), c.description(), c.valuation(),
                            c.valuationDate())).toList()
                    : history.getFirst().collateral();
            if (!collateral.isEmpty()) {
                var c = collateral.getFirst();
                form.put("collateral[0].type", c.type().name());
                form.put("collateral[0].description", c.description() == null ? "" : c.description());
                form.put("collateral[0].valuation", c.valuation().toPlainString());
                form.put("collateral[0].valuationDate", c.valuationDate().toString());
            }
            if (history.isEmpty() && !a.guarantors().isEmpty()) {
                form.put("guarantors[0]", a.guarantors().getFirst().customerId().toString());
            }
        }
        model.addAttribute("securityForm", form);
        model.addAttribute("securityErrors", errors);
        model.addAttribute("collateralTypes", org.xiaodai.origination.domain.CollateralType.values());
    }

    /** The form's one collateral item (when a type is chosen) and one guarantor (when given), parsed as the API parses. */
    private static SecurityChangeService.SecurityChange securityChange(Map<String, String> f, List<FieldProblem> problems) {
        List<ApplicationRequests.CollateralBody> items = new ArrayList<>();
        if (f.get("collateral[0].type") != null && !f.get("collateral[0].type").isBlank()) {
            items.add(new ApplicationRequests.CollateralBody(f.get("collateral[0].type"), f.get("collateral[0].description"),
                    f.get("collateral[0].valuation"), f.get("collateral[0].valuationDate")));
        }
        String guarantor = f.get("guarantors[0]");
        List<String> guarantorIds = guarantor == null || guarantor.isBlank() ? List.of() : List.of(guarantor.strip());
        return new SecurityChangeService.SecurityChange(ApplicationRequests.collateral(items, problems),
                ApplicationRequests.guarantors(guarantorIds, problems), f.get("reason"));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('application:create')")
    String submit(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, () -> applications.submit(CurrentUsers.require(), id, request.getRemoteAddr(), null));
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAuthority('application:create')")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> applications.withdraw(CurrentUsers.require(), id));
    }

    @PostMapping("/{id}/human-review")
    @PreAuthorize("hasAuthority('application:create')")
    String humanReview(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> applications.requestHumanReview(CurrentUsers.require(), id));
    }

    @PostMapping("/{id}/investigations")
    @PreAuthorize("hasAuthority('application:investigate')")
    String investigate(@PathVariable UUID id, @RequestParam(required = false) String visitDate,
                       @RequestParam(required = false) String findings, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<FieldProblem> unreadable = new ArrayList<>();
            var date = ApplicationRequests.date("visitDate", visitDate, unreadable);
            if (!unreadable.isEmpty()) {
                throw ProblemException.invalid(unreadable);
            }
            applications.investigate(CurrentUsers.require(), id, date, findings, List.of());
        });
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            FormErrors errors = problems.errors(e);
            List<String> messages = new ArrayList<>(errors.general());
            errors.fields().forEach((field, list) -> list.forEach(m -> messages.add(field + ": " + m)));
            redirect.addFlashAttribute("flashErrors", messages);
        }
        return "redirect:/applications/" + id;
    }

    private String form(Model model, Map<String, String> form, List<String> documents, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("documents", documents);
        model.addAttribute("errors", errors);
        model.addAttribute("products", products.current());
        model.addAttribute("purposes", java.util.Arrays.stream(LoanPurpose.values()).filter(p -> !p.forbidden()).toList());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("collateralTypes", org.xiaodai.origination.domain.CollateralType.values());
        // every answer an A-card may read that the applicant gives (the bureau gives existingCredits)
        model.addAttribute("answerFields", List.of("currentAccount", "savings", "employmentLength", "installmentRate",
                "property", "housing", "job", "otherInstallments", "telephone", "guarantor", "residenceYears", "dependents",
                "age"));
        model.addAttribute("preview", null);
        model.addAttribute("previewErrors", List.of());
        return "origination/form";
    }

    private static ApplicationRequests.CreateApplicationRequest body(Map<String, String> f, List<String> documents) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String key : ApplicationRequests.ANSWERS) {
            String v = f.get("answer." + key);
            if (v != null && !v.isBlank()) {
                answers.put(key, v.strip());
            }
        }
        List<ApplicationRequests.CollateralBody> collateral = new ArrayList<>();
        if (f.get("collateralType") != null && !f.get("collateralType").isBlank()) {
            collateral.add(new ApplicationRequests.CollateralBody(f.get("collateralType"), f.get("collateralDescription"),
                    f.get("collateralValuation"), f.get("collateralValuationDate")));
        }
        List<String> guarantors = f.get("guarantor") == null || f.get("guarantor").isBlank() ? List.of()
                : List.of(f.get("guarantor"));
        return new ApplicationRequests.CreateApplicationRequest(f.get("customerId"), f.get("productId"), f.get("amount"),
                integer(f.get("numberOfRepayments")), f.get("annualInterestRatePercent"), f.get("purpose"), f.get("channel"),
                answers, documents, collateral, guarantors, null);
    }

    private List<String> messages(List<FieldProblem> fieldProblems) {
        if (fieldProblems.isEmpty()) {
            return List.of();
        }
        FormErrors errors = problems.errors(ProblemException.invalid(fieldProblems));
        List<String> messages = new ArrayList<>(errors.general());
        errors.fields().forEach((field, list) -> list.forEach(m -> messages.add(field + ": " + m)));
        return messages;
    }

    private static Map<String, String> single(MultiValueMap<String, String> params) {
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.getFirst()));
        return form;
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
