package org.xiaodai.iam.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/** Institutions (机构): the list the caller may see; the platform administrator registers new ones. */
@Controller
@RequestMapping("/institutions")
class InstitutionPageController {

    private final Organisations organisations;
    private final PageProblems problems;

    InstitutionPageController(Organisations organisations, PageProblems problems) {
        this.organisations = organisations;
        this.problems = problems;
    }

    /** The registration form's fields. */
    record InstitutionForm(OrganisationKind kind, String code, String name, String uscc, String regionCode) {
        static InstitutionForm empty() {
            return new InstitutionForm(OrganisationKind.LENDER, "", "", "", "");
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('iam:institution:manage', 'iam:branch:manage', 'iam:user:view')")
    String list(Model model) {
        return show(model, InstitutionForm.empty(), FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('iam:institution:manage')")
    String register(@ModelAttribute("form") InstitutionForm form, Model model, RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.INSTITUTION_MANAGE);
        try {
            organisations.register(caller, new Organisations.NewOrganisation(form.kind(), form.code(), form.name(),
                    form.uscc(), form.regionCode()));
        } catch (ProblemException e) {
            return show(model, form, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "iam.institutions.registered");
        return "redirect:/institutions";
    }

    private String show(Model model, InstitutionForm form, FormErrors errors) {
        CurrentUser caller = IamPages.requireAny(Permission.INSTITUTION_MANAGE, Permission.BRANCH_MANAGE,
                Permission.USER_VIEW);
        model.addAttribute("institutions", organisations.visibleTo(caller));
        model.addAttribute("canRegister", caller.has(Permission.INSTITUTION_MANAGE));
        model.addAttribute("kinds", java.util.List.of(OrganisationKind.LENDER, OrganisationKind.REGULATOR));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "iam/institutions";
    }
}
