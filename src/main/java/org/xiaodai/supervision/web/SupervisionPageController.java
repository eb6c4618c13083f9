package org.xiaodai.supervision.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.LicenceStatus;
import org.xiaodai.supervision.SupervisoryIndicators;
import org.xiaodai.supervision.internal.IndicatorViews;
import org.xiaodai.supervision.internal.InspectionService;
import org.xiaodai.supervision.internal.LoanFeedService;
import org.xiaodai.supervision.internal.RegionStatistics;
import org.xiaodai.supervision.internal.RegistryService;

/**
 * The regulator's supervision pages: every institution in one table, an institution's registry with
 * its history and the form for a new version, its indicator history (empty until end of day
 * computes indicators) and its inspections; and the region aggregates the association sees.
 */
@Controller
@RequestMapping("/supervision")
class SupervisionPageController {

    /** The indicators the overview shows per institution (the full set is on the institution's page). */
    static final java.util.List<String> OVERVIEW_CODES = java.util.List.of(SupervisoryIndicators.TOP_BORROWER_EXPOSURE,
            SupervisoryIndicators.RELATED_PARTY_EXPOSURE, SupervisoryIndicators.LEVERAGE_LOANS, SupervisoryIndicators.LEVERAGE_BONDS,
            SupervisoryIndicators.NPL_RATIO, SupervisoryIndicators.PROVISION_COVERAGE, SupervisoryIndicators.OVERDUE_RATE,
            SupervisoryIndicators.ABOVE_RATE_BENCHMARK, SupervisoryIndicators.COMPLAINT_RATE);

    private final RegistryService registry;
    private final RegionStatistics region;
    private final InspectionService inspections;
    private final PageProblems problems;
    private final LoanFeedService feed;
    private final org.xiaodai.iam.InstitutionDirectory directory;

    SupervisionPageController(RegistryService registry, RegionStatistics region, InspectionService inspections,
                              PageProblems problems, LoanFeedService feed, org.xiaodai.iam.InstitutionDirectory directory) {
        this.feed = feed;
        this.directory = directory;
        this.registry = registry;
        this.region = region;
        this.inspections = inspections;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('supervision:view')")
    String overview(Model model) {
        var institutions = registry.overview(CurrentUsers.require());
        Map<String, Map<String, IndicatorViews.IndicatorValue>> byId = new java.util.HashMap<>();
        for (var i : institutions) {
            Map<String, IndicatorViews.IndicatorValue> values = new java.util.HashMap<>();
            i.indicators().forEach(v -> values.put(v.indicator(), v));
            byId.put(i.id().toString(), values);
        }
        model.addAttribute("institutions", institutions);
        model.addAttribute("indicatorsById", byId);
        model.addAttribute("overviewCodes", OVERVIEW_CODES);
        return "supervision/overview";
    }

    @GetMapping("/feed")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    String feed(@ModelAttribute ListRequest request, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String institutionId, Model model) {
        CurrentUser caller = CurrentUsers.require();
        String onlyKind = kind != null && java.util.Arrays.stream(LoanFeedService.Kind.values()).anyMatch(k -> k.name().equals(kind))
                ? kind : null;
        String onlyInstitution = null;
        if (institutionId != null && !institutionId.isBlank()) {
            try {
                onlyInstitution = UUID.fromString(institutionId.strip()).toString();
            } catch (IllegalArgumentException ignored) {
                onlyInstitution = null;
            }
        }
        var page = feed.page(caller, request.toQuery(LoanFeedService.SORTING), onlyInstitution, onlyKind);
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        if (onlyKind != null) {
            filters.put("kind", onlyKind);
        }
        if (onlyInstitution != null) {
            filters.put("institutionId", onlyInstitution);
        }
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/supervision/feed", page, filters));
        model.addAttribute("kind", onlyKind);
        model.addAttribute("kinds", LoanFeedService.Kind.values());
        model.addAttribute("institutionId", onlyInstitution);
        model.addAttribute("institutions", caller.isRegulator() ? directory.lenders() : java.util.List.of());
        return "supervision/feed";
    }

    @GetMapping("/region")
    @PreAuthorize("hasAuthority('supervision:region:view')")
    String region(Model model) {
        model.addAttribute("region", region.region());
        return "supervision/region";
    }

    @GetMapping("/institutions/{id}")
    @PreAuthorize("hasAnyAuthority('supervision:view', 'supervision:own:view')")
    String institution(@PathVariable String id, Model model) {
        return show(parse(id), model, FormErrors.none(), Map.of());
    }

    @PostMapping("/institutions/{id}/registry")
    @PreAuthorize("hasAuthority('supervision:manage')")
    String change(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                  RedirectAttributes redirect) {
        UUID institution = parse(id);
        try {
            registry.change(CurrentUsers.require(), institution, new RegistryService.RegistryInput(form.getFirst("effectiveFrom"),
                    form.getFirst("licenceNumber"), form.getFirst("licensedRegion"), form.get("businessScope"),
                    "true".equals(form.getFirst("onlineLending")), form.getFirst("registeredCapital"),
                    form.getFirst("netAssets"), form.getFirst("netAssetsYear"), form.getFirst("bankLoans"),
                    form.getFirst("shareholderLoans"), form.getFirst("bonds"), form.getFirst("assetBacked"),
                    form.getFirst("status"), form.getFirst("contactName"), form.getFirst("contactPhone"),
                    form.getFirst("contactEmail"), form.getFirst("reason")));
        } catch (ProblemException e) {
            return show(institution, model, problems.errors(e), form.toSingleValueMap());
        }
        redirect.addFlashAttribute("notice", "supervision.registry.saved");
        return "redirect:/supervision/institutions/" + institution;
    }

    private String show(UUID id, Model model, FormErrors errors, Map<String, String> typed) {
        CurrentUser caller = CurrentUsers.require();
        var detail = registry.detail(caller, id);
        model.addAttribute("institution", detail);
        var points = registry.indicators(caller, id, null, null);
        model.addAttribute("indicators", points);
        model.addAttribute("indicatorCodes", SupervisoryIndicators.ALL);
        model.addAttribute("indicatorHistory", IndicatorTable.byDate(points));
        model.addAttribute("indicatorJson", IndicatorTable.json(points));
        model.addAttribute("inspections", inspections.list(caller, id));
        model.addAttribute("canManage", caller.permissions().contains("supervision:manage"));
        model.addAttribute("scopes", BusinessScope.values());
        model.addAttribute("statuses", LicenceStatus.values());
        model.addAttribute("values", typed.isEmpty() ? values(detail.current()) : typed);
        model.addAttribute("errors", errors);
        return "supervision/institution";
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("institution");
        }
    }

    /** The form's fields filled from the entry in effect, so a new version starts from the current one. */
    private static Map<String, String> values(org.xiaodai.supervision.internal.RegistryViews.LicenceView c) {
        Map<String, String> v = new java.util.HashMap<>();
        if (c != null) {
            v.put("status", c.status());
            v.put("licenceNumber", c.licenceNumber());
            v.put("licensedRegion", c.licensedRegion());
            v.put("registeredCapital", c.registeredCapital());
            v.put("netAssets", c.netAssets());
            v.put("netAssetsYear", String.valueOf(c.netAssetsYear()));
            v.put("bankLoans", c.funding().bankLoans());
            v.put("shareholderLoans", c.funding().shareholderLoans());
            v.put("bonds", c.funding().bonds());
            v.put("assetBacked", c.funding().assetBacked());
            v.put("contactName", c.contactName());
            v.put("contactPhone", c.contactPhone());
            v.put("contactEmail", c.contactEmail());
        }
        return v;
    }
}
