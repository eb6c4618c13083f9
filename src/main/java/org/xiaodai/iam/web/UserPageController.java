package org.xiaodai.iam.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.OrganisationKind;
import org.xiaodai.iam.Permission;
import org.xiaodai.iam.ScopeLevel;
import org.xiaodai.iam.internal.Organisations;
import org.xiaodai.iam.internal.Roles;
import org.xiaodai.iam.internal.UserOnboarding;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.LocalisedNames;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.shared.query.PageResult;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/** Users (用户): the list within the caller's scope and the form that creates one. */
@Controller
@RequestMapping("/users")
class UserPageController {

    /** Scopes an administrator may give a user of an institution. */
    /** The user list's status filter values. */
    static final List<String> STATUSES = List.of("enabled", "disabled", "locked");
    static final List<ScopeLevel> INSTITUTION_SCOPES = List.of(ScopeLevel.INSTITUTION, ScopeLevel.BRANCH, ScopeLevel.OWN);
    private final Users users;
    private final Organisations organisations;
    private final PageProblems problems;
    private final UserOnboarding onboarding;
    private final Roles roles;
    private final LocalisedNames names;

    UserPageController(Users users, Organisations organisations, PageProblems problems, UserOnboarding onboarding,
                       Roles roles, LocalisedNames names) {
        this.names = names;
        this.onboarding = onboarding;
        this.roles = roles;
        this.users = users;
        this.organisations = organisations;
        this.problems = problems;
    }

    /** The create-user form's fields; {@code institutionId} is chosen only by the platform operator. */
    record UserForm(UUID institutionId, UUID branchId, String username, String displayName, ScopeLevel dataScope,
                    String initialPassword, List<UUID> roleIds) {
        UserForm {
            // an empty or unreadable box binds as null: it chose nothing
            roleIds = roleIds == null ? List.of() : roleIds.stream().filter(java.util.Objects::nonNull).toList();
        }

        static UserForm empty() {
            return new UserForm(null, null, "", "", ScopeLevel.OWN, "", List.of());
        }
    }

    /** A branch as the form's select shows it: indented by depth, labelled with its institution. */
    record BranchOption(UUID id, UUID institutionId, String institutionName, String label) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('iam:user:view')")
    String list(@ModelAttribute("list") ListRequest list, @RequestParam(required = false) String status, Model model) {
        CurrentUser caller = IamPages.requireAny(Permission.USER_VIEW);
        String shown = status != null && STATUSES.contains(status) ? status : null;
        PageResult<Users.UserView> page = users.page(caller, list.toQuery(Users.SORTING), shown);
        model.addAttribute("page", page);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("links", ListLinks.of("/users", page, shown == null ? Map.of() : Map.of("status", shown)));
        model.addAttribute("users", page.items());
        model.addAttribute("branchNames", branchOptions(caller).stream()
                .collect(Collectors.toMap(BranchOption::id, b -> b.label().strip(), (a, b) -> a)));
        model.addAttribute("organisationNames", organisations.visibleTo(caller).stream()
                .collect(Collectors.toMap(Organisations.OrganisationView::id, Organisations.OrganisationView::name)));
        model.addAttribute("canManage", caller.has(Permission.USER_MANAGE));
        return "iam/users";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('iam:user:manage')")
    String form(Model model) {
        return showForm(model, UserForm.empty(), FormErrors.none());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('iam:user:manage')")
    String create(@ModelAttribute UserForm form, Model model, RedirectAttributes redirect) {
        CurrentUser caller = IamPages.requireAny(Permission.USER_MANAGE);
        UserOnboarding.Onboarded created;
        try {
            created = onboarding.create(caller, new Users.CreateUser(form.institutionId(), form.branchId(),
                    form.username(), form.displayName(), form.dataScope(), form.initialPassword()), form.roleIds());
        } catch (ProblemException e) {
            return showForm(model, form, problems.errors(e));
        }
        redirect.addFlashAttribute("notice", created.grantRequests().isEmpty() ? "iam.users.created"
                : "console.users.createdWithGrants");
        return "redirect:/users/" + created.user().id();
    }

    private String showForm(Model model, UserForm form, FormErrors errors) {
        CurrentUser caller = IamPages.requireAny(Permission.USER_MANAGE);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("branches", branchOptions(caller));
        model.addAttribute("scopes", caller.isPlatform() ? Arrays.asList(ScopeLevel.values()) : INSTITUTION_SCOPES);
        model.addAttribute("institutions", caller.isPlatform() ? organisations.visibleTo(caller) : List.of());
        model.addAttribute("roleChoices", caller.has(Permission.ROLE_GRANT) ? roles.visibleTo(caller).stream()
                .filter(r -> caller.isPlatform() || !r.builtIn() || org.xiaodai.iam.domain.BuiltInRole.byCode(r.code())
                        .map(b -> b.organisationKind() == caller.organisationKind()).orElse(true))
                .filter(r -> caller.isPlatform() || caller.permissions().containsAll(r.permissions()))
                .toList() : List.of());
        return "iam/user-form";
    }

    /** Every branch the caller can see, grouped by institution and indented by depth. */
    private List<BranchOption> branchOptions(CurrentUser caller) {
        Map<UUID, Organisations.OrganisationView> lenders = organisations.visibleTo(caller).stream()
                .filter(o -> o.kind() == OrganisationKind.LENDER)
                .collect(Collectors.toMap(Organisations.OrganisationView::id, Function.identity()));
        return lenders.values().stream()
                .sorted(java.util.Comparator.comparing(Organisations.OrganisationView::code))
                .flatMap(o -> organisations.branches(caller, o.id()).stream()
                        .map(b -> new BranchOption(b.id(), o.id(), names.of(o.name()),
                                "\u3000".repeat(Math.max(0, b.depth())) + names.of(b.name()) + " (" + b.code() + ")")))
                .toList();
    }
}
