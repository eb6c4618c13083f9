package org.xiaodai.audit.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.xiaodai.audit.AuditEntryView;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.platform.web.EntityNames;
import org.xiaodai.platform.web.HomeShortcut;
import org.xiaodai.platform.web.HomeTile;
import org.xiaodai.platform.web.HomeTileContributor;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.platform.web.ShellUser;
import org.xiaodai.platform.web.ShellUserSource;
import org.xiaodai.platform.web.ShownTimes;
import org.xiaodai.platform.web.ViewerZone;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.PageResult;

/**
 * The audit trail page (审计日志): the whole trail in the caller's scope — every institution for
 * the platform operator and the regulator, their own institution for everyone else — filtered by
 * time, actor, action, institution and record, paged, newest first, with the latest chain
 * verification on top and a button that verifies again. Verifying changes nothing, so it is a
 * GET, which the read-only regulator may use too. The filtered view exports as CSV
 * ({@link AuditExportController}).
 */
@Controller
@PreAuthorize("hasAuthority('audit:view')")
@RequestMapping("/audit")
class AuditPageController {

    static final String PERMISSION = "audit:view";
    private final AuditTrail audit;
    private final ShellUserSource users;
    private final AuditRows rows;
    private final LatestVerification verification;
    private final List<EntityNames> names;

    AuditPageController(AuditTrail audit, ShellUserSource users, AuditRows rows, LatestVerification verification,
                        List<EntityNames> names) {
        this.audit = audit;
        this.users = users;
        this.rows = rows;
        this.verification = verification;
        this.names = names;
    }

    @GetMapping
    String trail(@ModelAttribute("list") ListRequest list, @ModelAttribute("filter") AuditFilterForm filter,
                 HttpServletRequest request, Model model) {
        return show(list, filter, request, model, verification.latest());
    }

    /** htmx swaps the returned fragment into the page; without htmx the whole page shows the result. */
    @GetMapping("/verify")
    String verify(@ModelAttribute("list") ListRequest list, @ModelAttribute("filter") AuditFilterForm filter,
                  HttpServletRequest request, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        requireViewer();
        LatestVerification.Checked checked = verification.verifyNow();
        if ("true".equals(htmx)) {
            model.addAttribute("verification", checked.result());
            model.addAttribute("verifiedAt", checked.at());
            return "audit/audit :: verification";
        }
        return show(list, filter, request, model, checked);
    }

    private String show(ListRequest list, AuditFilterForm filter, HttpServletRequest request, Model model,
                        LatestVerification.Checked checked) {
        ShellUser caller = requireViewer();
        ZoneId zone = ViewerZone.of(request);
        PageResult<AuditEntryView> page = audit.search(filter.toFilter(zone), list.toQuery(AuditTrail.SORTING));
        model.addAttribute("page", page);
        model.addAttribute("rows", rows.rows(page.items(), new ShownTimes(zone)));
        model.addAttribute("links", ListLinks.of("/audit", page, filter.asParameters()));
        model.addAttribute("invalidDates", filter.invalidDates());
        model.addAttribute("actions", audit.actions());
        model.addAttribute("institutions", caller.seesAllInstitutions() ? institutions() : Map.of());
        model.addAttribute("verification", checked.result());
        model.addAttribute("verifiedAt", checked.at());
        return "audit/audit";
    }

    private Map<String, String> institutions() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        names.forEach(n -> all.putAll(n.choices("organisation")));
        return all;
    }

    ShellUser requireViewer() {
        ShellUser caller = users.current().orElseThrow(() -> ProblemException.forbidden("forbidden"));
        if (!caller.permissions().contains(PERMISSION)) {
            throw ProblemException.forbidden("forbidden");
        }
        return caller;
    }

    /** The audit page's navigation entry, and a home shortcut for those who may read the trail. */
    @org.springframework.stereotype.Component
    static class AuditNavigation implements NavigationContributor, HomeTileContributor {
        private final ShellUserSource users;

        AuditNavigation(ShellUserSource users) {
            this.users = users;
        }

        @Override
        public List<NavigationItem> navigationItems() {
            return List.of(new NavigationItem("nav.audit", "/audit", PERMISSION, 900));
        }

        @Override
        public List<HomeTile> homeTiles() {
            return List.of();
        }

        @Override
        public List<HomeShortcut> shortcuts() {
            boolean reader = users.current().map(u -> u.permissions().contains(PERMISSION)).orElse(false);
            return reader ? List.of(new HomeShortcut("nav.audit", "/audit", 900)) : List.of();
        }
    }
}
