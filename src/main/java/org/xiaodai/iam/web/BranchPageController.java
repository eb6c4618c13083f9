package org.xiaodai.iam.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.BranchChanges;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;
import org.xiaodai.shared.query.PageResult;

/**
 * The branch tree (网点) of one institution: searched and paged, adding a branch (under the head
 * office unless another parent is chosen), and editing one — code, name, and moving it with its
 * subtree under another branch of the same institution ({@code ?edit=<id>} opens the form). An
 * institution outside the caller's data scope is a 404, so its existence is not revealed.
 */
@Controller
class BranchPageController {

    private final Organisations organisations;
    private final BranchChanges changes;
    private final PageProblems problems;

    BranchPageController(Organisations organisations, BranchChanges changes, PageProblems problems) {
        this.organisations = organisations;
        this.changes = changes;
        this.problems = problems;
    }

    /** The add- and edit-branch forms' fields; {@code parentId} null for a root branch. */
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
    String list(@PathVariable UUID institutionId, @ModelAttribute("list") ListRequest list,
                @RequestParam(required = false) String edit, Model model) {
        CurrentUser caller = IamPages.requireAny(Permission.BRANCH_MANAGE, Permission.USER_VIEW);
        List<Organisations.BranchView> all = organisations.branches(caller, institutionId);
        UUID headOffice = all.stream().filter(b -> b.depth() == 0).map(Organisations.BranchView::id).findFirst()
                .orElse(null);
        all.stream().filter(b -> b.id().toString().equals(edit)).findFirst().ifPresent(b -> {
            model.addAttribute("editing", b);
            model.addAttribute("editForm", new BranchForm(b.parentId(), b.code(), b.name()));
        });
        return show(model, institutionId, list, new BranchForm(headOffice, "", ""), FormErrors.none());
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
            return show(model, institutionId, ListRequest.none(), form, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "iam.branches.added");
        return "redirect:/institutions/" + institutionId + "/branches";
    }

    @PostMapping("/institutions/{institutionId}/branches/{branchId}")
    @PreAuthorize("hasAuthority('iam:branch:manage')")
    String update(@PathVariable UUID institutionId, @PathVariable UUID branchId, @ModelAttribute BranchForm form,
                  Model model, RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.BRANCH_MANAGE);
        try {
            changes.update(caller, institutionId, branchId, new BranchChanges.ChangeBranch(form.parentId(),
                    form.code(), form.name()));
        } catch (ProblemException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            organisations.branches(caller, institutionId).stream().filter(b -> b.id().equals(branchId)).findFirst()
                    .ifPresent(b -> model.addAttribute("editing", b));
            model.addAttribute("editForm", form);
            model.addAttribute("editErrors", problems.errors(e));
            return show(model, institutionId, ListRequest.none(), new BranchForm(null, "", ""), FormErrors.none());
        }
        redirect.addFlashAttribute("notice", "console.branches.changed");
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
        if (!model.containsAttribute("editErrors")) {
            model.addAttribute("editErrors", FormErrors.none());
        }
        return "iam/branches";
    }
}
