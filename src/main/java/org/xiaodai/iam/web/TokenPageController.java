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
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.iam.CurrentUsers;
import org.xiaodai.iam.internal.ApiTokens;

/**
 * API tokens: the caller's own (and, with {@code iam:token:manage}, those of the users they
 * administer); issue one, whose secret is shown on the response page only, and revoke.
 */
@Controller
@PreAuthorize("isAuthenticated()")
@RequestMapping("/tokens")
class TokenPageController {

    private final ApiTokens tokens;

    TokenPageController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.visibleTo(CurrentUsers.require()));
        return "iam/tokens";
    }

    @PostMapping
    String issue(@RequestParam(required = false) String name, Model model) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("issued", tokens.issue(caller, name));
        model.addAttribute("tokens", tokens.visibleTo(caller));
        return "iam/tokens";
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(CurrentUsers.require(), tokenId);
        redirect.addFlashAttribute("notice", "iam.tokens.revoked");
        return "redirect:/tokens";
    }
}
