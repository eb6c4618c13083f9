package org.xiaodai.supervision.web;

import java.util.Map;
import java.util.UUID;

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
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.supervision.BusinessScope;
import org.xiaodai.supervision.LicenceStatus;
import org.xiaodai.supervision.internal.InspectionService;
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

    private final RegistryService registry;
    private final RegionStatistics region;
    private final InspectionService inspections;
    private final PageProblems problems;

    SupervisionPageController(RegistryService registry, RegionStatistics region, InspectionService inspections,
                              PageProblems problems) {
        this.registry = registry;
        this.region = region;
        this.inspections = inspections;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('supervision:view')")
    String overview(Model model) {
        model.addAttribute("institutions", registry.overview(CurrentUsers.require()));
        return "supervision/overview";
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
        model.addAttribute("indicators", registry.indicators(caller, id, null, null));
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
