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
import org.xiaodai.platform.web.Confirmation;
import org.xiaodai.platform.web.ListLinks;
import org.xiaodai.platform.web.ListRequest;
import org.xiaodai.shared.query.PageResult;
import org.springframework.web.bind.annotation.ModelAttribute;

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
    String list(@ModelAttribute("list") ListRequest list, Model model) {
        return show(model, list);
    }

    @PostMapping
    String issue(@RequestParam(required = false) String name, Model model) {
        CurrentUser caller = CurrentUsers.require();
        model.addAttribute("issued", tokens.issue(caller, name));
        return show(model, ListRequest.none());
    }

    private String show(Model model, ListRequest list) {
        PageResult<ApiTokens.TokenView> page = tokens.page(CurrentUsers.require(), list.toQuery(ApiTokens.SORTING));
        model.addAttribute("page", page);
        model.addAttribute("links", ListLinks.of("/tokens", page));
        model.addAttribute("tokens", page.items());
        return "iam/tokens";
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable UUID tokenId,
                  @RequestParam(name = Confirmation.PARAMETER, required = false) String confirm, Model model,
                  RedirectAttributes redirect) {
        if (!Confirmation.confirmed(confirm)) {
            ApiTokens.TokenView token = tokens.get(CurrentUsers.require(), tokenId);
            model.addAttribute("confirmation", new Confirmation("console.confirm.revokeToken.title",
                    "console.confirm.revokeToken.question", java.util.List.of(token.name(), token.username()),
                    "/tokens/" + tokenId + "/revoke", java.util.Map.of(), "console.confirm.revokeToken.button", "/tokens"));
            return Confirmation.VIEW;
        }
        tokens.revoke(CurrentUsers.require(), tokenId);
        redirect.addFlashAttribute("notice", "iam.tokens.revoked");
        return "redirect:/tokens";
    }
}
