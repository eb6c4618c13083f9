package org.xiaodai.iam.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The branch tree (网点) of one institution, and adding a branch under a parent. An institution
 * outside the caller's data scope is a 404, so its existence is not revealed.
 */
@Controller
class BranchPageController {

    private final Organisations organisations;
    private final PageProblems problems;

    BranchPageController(Organisations organisations, PageProblems problems) {
        this.organisations = organisations;
        this.problems = problems;
    }

    /** The add-branch form's fields; {@code parentId} null for a root branch. */
    record BranchForm(UUID parentId, String code, String name) {
    }

    /** The caller's own branch tree; the platform operator picks an institution first. */
    @GetMapping("/branches")
    @PreAuthorize("hasAnyAuthority('iam:branch:manage', 'iam:user:view')")
    String own() {
        CurrentUser caller = IamPages.requireAny(Permission.BRANCH_MANAGE, Permission.USER_VIEW);
        return caller.seesAllInstitutions()
                ? "redirect:/institutions"
                : "redirect:/institutions/" + caller.organisationId() + "/branches";
    }

    @GetMapping("/institutions/{institutionId}/branches")
    @PreAuthorize("hasAnyAuthority('iam:branch:manage', 'iam:user:view')")
    String list(@PathVariable UUID institutionId, @ModelAttribute("list") ListRequest list, Model model) {
        return show(model, institutionId, list, new BranchForm(null, "", ""), FormErrors.none());
    }

    @PostMapping("/institutions/{institutionId}/branches")
    @PreAuthorize("hasAuthority('iam:branch:manage')")
    String add(@PathVariable UUID institutionId, @ModelAttribute BranchForm form, Model model,
               RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.BRANCH_MANAGE);
        try {
            organisations.addBranch(caller, institutionId, new Organisations.NewBranch(form.parentId(), form.code(),
                    form.name()));
        } catch (ProblemException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            return show(model, institutionId, new ListRequest(null, null, null, null, null), form, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "iam.branches.added");
        return "redirect:/institutions/" + institutionId + "/branches";
    }

    private String show(Model model, UUID institutionId, ListRequest list, BranchForm form, FormErrors errors) {
        CurrentUser caller = IamPages.requireAny(Permission.BRANCH_MANAGE, Permission.USER_VIEW);
        model.addAttribute("institution", organisations.get(caller, institutionId));
        PageResult<Organisations.BranchView> page = organisations.branchPage(caller, institutionId,
                list.toQuery(Organisations.BRANCH_SORTING));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/institutions/" + institutionId + "/branches", page));
        model.addAttribute("treeOrder", "tree".equals(page.query().sort()) && !page.query().hasSearch());
        model.addAttribute("branches", organisations.branches(caller, institutionId));
        model.addAttribute("canAdd", caller.has(Permission.BRANCH_MANAGE)
                && (caller.isPlatform() || caller.organisationId().equals(institutionId)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "iam/branches";
    }
}
