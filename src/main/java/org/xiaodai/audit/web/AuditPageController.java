package org.xiaodai.audit.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.platform.web.NavigationContributor;
import org.xiaodai.platform.web.NavigationItem;
import org.xiaodai.platform.web.ShellUser;
import org.xiaodai.platform.web.ShellUserSource;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The audit trail page (审计日志): the latest entries in the caller's scope — every institution for
 * the platform operator and the regulator, their own institution for everyone else — and a
 * button that verifies the whole hash chain. Verifying changes nothing, so it is a GET, which
 * the read-only regulator may use too.
 */
@Controller
@PreAuthorize("hasAuthority('audit:view')")
@RequestMapping("/audit")
class AuditPageController {

    static final String PERMISSION = "audit:view";
    static final int LIMIT = 100;
    private final AuditTrail audit;
    private final ShellUserSource users;

    AuditPageController(AuditTrail audit, ShellUserSource users) {
        this.audit = audit;
        this.users = users;
    }

    @GetMapping
    String latest(Model model) {
        requireViewer();
        model.addAttribute("entries", audit.latest(LIMIT));
        model.addAttribute("limit", LIMIT);
        return "audit/audit";
    }

    /** htmx swaps the returned fragment into the page; without htmx the whole page shows the result. */
    @GetMapping("/verify")
    String verify(Model model, @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request",
            required = false) String htmx) {
        requireViewer();
        model.addAttribute("verification", audit.verify());
        return "true".equals(htmx) ? "audit/audit :: verification" : latest(model);
    }

    private ShellUser requireViewer() {
        ShellUser caller = users.current().orElseThrow(() -> ProblemException.forbidden("forbidden"));
        if (!caller.permissions().contains(PERMISSION)) {
            throw ProblemException.forbidden("forbidden");
        }
        return caller;
    }

    /** The audit page's navigation entry. */
    @org.springframework.stereotype.Component
    static class AuditNavigation implements NavigationContributor {
        @Override
        public List<NavigationItem> navigationItems() {
            return List.of(new NavigationItem("nav.audit", "/audit", PERMISSION, 900));
        }
    }
}
