package org.xiaodai.iam.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.internal.Users;
import org.xiaodai.platform.web.FormErrors;
import org.xiaodai.platform.web.PageProblems;
import org.xiaodai.shared.problem.ProblemException;

/**
 * The signed-in user changes their own password (required after a reset or at first login).
 * On success the session ends and the user signs in again with the new password, so the session
 * never holds a principal that still says "must change password".
 */
@Controller
@PreAuthorize("isAuthenticated()")
@RequestMapping("/account/password")
class AccountPageController {

    private final Users users;
    private final PageProblems problems;
    private final MessageSource messages;

    AccountPageController(Users users, PageProblems problems, MessageSource messages) {
        this.users = users;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        return show(model, FormErrors.none());
    }

    @PostMapping
    String change(@RequestParam(required = false) String oldPassword, @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        CurrentUser caller = CurrentUsers.require();
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            String mismatch = messages.getMessage("account.password.mismatch", null, LocaleContextHolder.getLocale());
            return show(model, new FormErrors(Map.of("confirmPassword", List.of(mismatch)), List.of()));
        }
        try {
            users.changeOwnPassword(caller.userId(), oldPassword, newPassword);
        } catch (ProblemException e) {
            return show(model, problems.errors(e));
        }
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }

    private String show(Model model, FormErrors errors) {
        model.addAttribute("required", CurrentUsers.require().passwordChangeRequired());
        model.addAttribute("errors", errors);
        return "account/password";
    }
}
