package org.xiaodai.iam.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.domain.BuiltInRole;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.iam.internal.Roles;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.platform.web.Confirmation;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/**
 * One user: details, enable or disable (htmx swaps the row or the status; a plain POST
 * redirects), reset the password (the temporary one is shown once, never stored in a URL or the
 * session), and request a role grant, which waits for a second user's approval.
 */
@Controller
@RequestMapping("/users/{userId}")
class UserActionsPageController {

    private final Users users;
    private final Roles roles;
    private final Organisations organisations;
    private final PageProblems problems;
    private final MessageSource messages;

    UserActionsPageController(Users users, Roles roles, Organisations organisations, PageProblems problems,
                              MessageSource messages) {
        this.messages = messages;
        this.users = users;
        this.roles = roles;
        this.organisations = organisations;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('iam:user:view')")
    String detail(@PathVariable UUID userId, Model model) {
        return show(model, userId, FormErrors.none());
    }

    @PostMapping("/enabled")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    String setEnabled(@PathVariable UUID userId, @RequestParam boolean enabled,
                      @RequestParam(name = Confirmation.PARAMETER, required = false) String confirm,
                      HttpServletRequest request, Model model, RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.USER_MANAGE);
        if (!enabled && !Confirmation.confirmed(confirm)) {
            Users.UserView user = users.get(caller, userId);
            return confirm(model, "disable", "/users/" + userId + "/enabled", Map.of("enabled", "false"), userId,
                    user.displayName(), user.username());
        }
        Users.UserView user;
        try {
            user = users.setEnabled(caller, userId, enabled);
        } catch (ProblemException e) {
            return refused(e, userId, redirect);
        }
        if (IamPages.isHtmx(request)) {
            model.addAttribute("u", user);
            model.addAttribute("canManage", true);
            return "iam/users :: status";
        }
        redirect.addFlashAttribute("notice", enabled ? "iam.users.enabledNotice" : "iam.users.disabledNotice");
        return "redirect:/users/" + userId;
    }

    @PostMapping("/password-reset")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    String resetPassword(@PathVariable UUID userId,
                         @RequestParam(name = Confirmation.PARAMETER, required = false) String confirm, Model model,
                         RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.USER_MANAGE);
        if (!Confirmation.confirmed(confirm)) {
            Users.UserView user = users.get(caller, userId);
            return confirm(model, "reset", "/users/" + userId + "/password-reset", Map.of(), userId,
                    user.displayName(), user.username());
        }
        String temporary;
        try {
            temporary = users.resetPassword(caller, userId);
        } catch (ProblemException e) {
            return refused(e, userId, redirect);
        }
        model.addAttribute("temporaryPassword", temporary);
        return show(model, userId, FormErrors.none());
    }

    @PostMapping("/roles/{roleId}/revoke")
    @PreAuthorize("hasAuthority('iam:role:grant')")
    String revokeRole(@PathVariable UUID userId, @PathVariable UUID roleId,
                      @RequestParam(name = Confirmation.PARAMETER, required = false) String confirm, Model model,
                      RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.ROLE_GRANT);
        if (!Confirmation.confirmed(confirm)) {
            Users.UserView user = users.get(caller, userId);
            Roles.RoleView role = roles.get(caller, roleId);
            String roleName = messages.getMessage("role." + role.code(), null, role.name(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale());
            return confirm(model, "revokeRole", "/users/" + userId + "/roles/" + roleId + "/revoke", Map.of(), userId,
                    user.displayName(), user.username(), roleName);
        }
        try {
            roles.revoke(caller, userId, roleId);
        } catch (ProblemException e) {
            return refused(e, userId, redirect);
        }
        redirect.addFlashAttribute("notice", "console.users.roleRevoked");
        return "redirect:/users/" + userId;
    }

    private String confirm(Model model, String what, String action, Map<String, String> fields, UUID userId,
                           Object... args) {
        model.addAttribute("confirmation", new Confirmation("console.confirm." + what + ".title",
                "console.confirm." + what + ".question", List.of(args), action, fields,
                "console.confirm." + what + ".button", "/users/" + userId));
        return Confirmation.VIEW;
    }

    /** A refused action (yourself, the last administrator, a more powerful user) as a message on the user's page. */
    private String refused(ProblemException e, UUID userId, RedirectAttributes redirect) {
        if (e.status().value() == 404) {
            throw e;
        }
        redirect.addFlashAttribute("flashErrors", problems.errors(e).otherThan());
        return "redirect:/users/" + userId;
    }

    @PostMapping("/role-grants")
    @PreAuthorize("hasAuthority('iam:role:grant')")
    String requestGrant(@PathVariable UUID userId, @RequestParam(required = false) UUID roleId, Model model,
                        RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.ROLE_GRANT);
        try {
            if (roleId == null) {
                throw ProblemException.invalid("roleId", "required");
            }
            roles.requestGrant(caller, userId, roleId);
        } catch (ProblemException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            return show(model, userId, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", "iam.users.grantRequested");
        return "redirect:/users/" + userId;
    }

    private String show(Model model, UUID userId, FormErrors errors) {
        CurrentUser caller = IamPages.requireAny(Permission.USER_VIEW);
        Users.UserView user = users.get(caller, userId);
        model.addAttribute("u", user);
        OrganisationKind kind = organisations.get(caller, user.institutionId()).kind();
        List<Roles.RoleView> visibleRoles = roles.visibleTo(caller);
        model.addAttribute("userRoles", visibleRoles.stream().filter(r -> user.roles().contains(r.code())).toList());
        model.addAttribute("self", userId.equals(caller.userId()));
        model.addAttribute("grantableRoles", visibleRoles.stream()
                .filter(r -> !user.roles().contains(r.code()) && fitsOrganisation(r, kind)).toList());
        model.addAttribute("canManage", caller.has(Permission.USER_MANAGE));
        model.addAttribute("canGrant", caller.has(Permission.ROLE_GRANT));
        model.addAttribute("errors", errors);
        return "iam/user-detail";
    }

    /** A built-in role is offered only to users of the kind of organisation it is made for (no PLATFORM_ADMIN for a lender). */
    private static boolean fitsOrganisation(Roles.RoleView role, OrganisationKind kind) {
        if (!role.builtIn()) {
            return true;
        }
        return BuiltInRole.byCode(role.code()).map(b -> b.organisationKind() == kind).orElse(true);
    }
}
