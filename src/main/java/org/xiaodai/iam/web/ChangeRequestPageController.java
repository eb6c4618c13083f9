package org.xiaodai.iam.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.ChangeRequests;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.query.PageResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xiaodai.shared.problem.ProblemException;

/**
 * Maker-checker (双人复核) requests: the pending ones (or all), approve or reject by a second user.
 * The maker sees their own request without the decision buttons; the service refuses them anyway.
 */
@Controller
@RequestMapping("/changes")
class ChangeRequestPageController {

    private final ChangeRequests changes;
    private final PageProblems problems;

    ChangeRequestPageController(ChangeRequests changes, PageProblems problems) {
        this.changes = changes;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('iam:change:approve', 'iam:role:grant')")
    String list(@RequestParam(defaultValue = "false") boolean all, @ModelAttribute("list") ListRequest list,
                Model model) {
        CurrentUser caller = IamPages.requireAny(Permission.CHANGE_APPROVE, Permission.ROLE_GRANT);
        PageResult<ChangeRequests.ChangeRequestView> page = changes.page(caller, !all,
                list.toQuery(ChangeRequests.SORTING));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/changes", page, all ? java.util.Map.of("all", "true") : java.util.Map.of()));
        model.addAttribute("requests", page.items());
        model.addAttribute("details", page.items().stream().collect(java.util.stream.Collectors.toMap(
                ChangeRequests.ChangeRequestView::id, c -> changes.details(caller, c))));
        model.addAttribute("all", all);
        model.addAttribute("me", caller.username());
        model.addAttribute("canDecide", caller.has(Permission.CHANGE_APPROVE));
        return "iam/changes";
    }

    @PostMapping("/{requestId}/approve")
    @PreAuthorize("hasAuthority('iam:change:approve')")
    String approve(@PathVariable UUID requestId, @RequestParam(required = false) String note,
                   RedirectAttributes redirect) {
        return decide(redirect, "iam.changes.approved", caller -> changes.approve(caller, requestId, note));
    }

    @PostMapping("/{requestId}/reject")
    @PreAuthorize("hasAuthority('iam:change:approve')")
    String reject(@PathVariable UUID requestId, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        return decide(redirect, "iam.changes.rejected", caller -> changes.reject(caller, requestId, note));
    }

    /** Runs a decision; a refusal (maker deciding, already decided) comes back as a message on the list. */
    private String decide(RedirectAttributes redirect, String notice,
                          java.util.function.Consumer<CurrentUser> decision) {
        CurrentUser caller = IamPages.requireAny(Permission.CHANGE_APPROVE);
        try {
            decision.accept(caller);
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashErrors", problems.errors(e).otherThan());
        }
        return "redirect:/changes";
    }
}
