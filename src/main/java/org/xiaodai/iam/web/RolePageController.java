package org.xiaodai.iam.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.Roles;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/** Roles (角色): built-in and the institution's custom ones with their permissions; creating a custom role. */
@Controller
@RequestMapping("/roles")
class RolePageController {

    private final Roles roles;
    private final PageProblems problems;

    RolePageController(Roles roles, PageProblems problems) {
        this.roles = roles;
        this.problems = problems;
    }

    /** The create-role form's fields; {@code permissions} are the ticked permission codes. */
    record RoleForm(String code, String name, List<String> permissions) {
        RoleForm {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('iam:role:manage', 'iam:role:grant')")
    String list(@ModelAttribute("list") ListRequest list, Model model) {
        return show(model, list, new RoleForm("", "", List.of()), FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('iam:role:manage')")
    String create(@ModelAttribute RoleForm form, Model model, RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.ROLE_MANAGE);
        try {
            roles.create(caller, new Roles.NewRole(IamPages.blankToNull(form.code()), form.name(), form.permissions()));
        } catch (ProblemException e) {
            return show(model, ListRequest.none(), form, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "iam.roles.created");
        return "redirect:/roles";
    }

    private String show(Model model, ListRequest list, RoleForm form, FormErrors errors) {
        CurrentUser caller = IamPages.requireAny(Permission.ROLE_MANAGE, Permission.ROLE_GRANT);
        PageResult<Roles.RoleView> page = roles.page(caller, list.toQuery(Roles.SORTING));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/roles", page));
        model.addAttribute("roles", page.items());
        model.addAttribute("allPermissions", List.of(Permission.values()));
        model.addAttribute("canCreate", caller.has(Permission.ROLE_MANAGE) && !caller.isRegulator());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "iam/roles";
    }
}
