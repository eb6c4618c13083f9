package org.xiaodai.customer.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.customer.BlacklistReason;
import org.xiaodai.customer.internal.BlacklistService;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/** The regional blacklist page: check an ID number (hit/miss), and for administrators their institution's entries. */
@Controller
@RequestMapping("/blacklist")
class BlacklistPageController {

    private final BlacklistService blacklist;
    private final PageProblems problems;

    BlacklistPageController(BlacklistService blacklist, PageProblems problems) {
        this.blacklist = blacklist;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customer:blacklist:check')")
    String page(Model model) {
        return show(model, FormErrors.none(), null);
    }

    /** A POST, so the ID number checked stays out of URLs, browser history and referrers. */
    @PostMapping("/check")
    @PreAuthorize("hasAuthority('customer:blacklist:check')")
    String check(@RequestParam(required = false) String idNumber, Model model) {
        FormErrors errors = FormErrors.none();
        try {
            model.addAttribute("result", blacklist.check(CurrentUsers.require(), idNumber));
        } catch (ProblemException e) {
            errors = problems.errors(e);
        }
        return show(model, errors, idNumber);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customer:blacklist:manage')")
    String add(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String reason,
               @RequestParam(required = false) String evidence, Model model, RedirectAttributes redirect) {
        try {
            blacklist.add(CurrentUsers.require(), idNumber, reason, evidence);
        } catch (ProblemException e) {
            model.addAttribute("addIdNumber", idNumber);
            model.addAttribute("evidence", evidence);
            return show(model, problems.errors(e), null);
        }
        redirect.addFlashAttribute("notice", "customer.blacklist.added");
        return "redirect:/blacklist";
    }

    private String show(Model model, FormErrors errors, String checkedId) {
        CurrentUser caller = CurrentUsers.require();
        boolean canManage = caller.permissions().contains("customer:blacklist:manage");
        model.addAttribute("errors", errors);
        model.addAttribute("checkedId", checkedId == null ? "" : checkedId);
        model.addAttribute("canManage", canManage);
        model.addAttribute("reasons", BlacklistReason.values());
        model.addAttribute("entries", canManage ? blacklist.own(caller) : java.util.List.of());
        return "customer/blacklist";
    }
}
