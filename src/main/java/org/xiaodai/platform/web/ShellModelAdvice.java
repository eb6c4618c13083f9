package org.xiaodai.platform.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every page what the layout needs: the navigation entries the caller may see, the caller
 * as the header shows them, and the current path (for the active entry and the language links).
 * JSON endpoints are skipped so the API pays nothing for the shell.
 */
@ControllerAdvice
class ShellModelAdvice {

    private final Navigation navigation;
    private final List<ShellUserSource> users;

    ShellModelAdvice(Navigation navigation, List<ShellUserSource> users) {
        this.navigation = navigation;
        this.users = users;
    }

    /**
     * One model method rather than one per attribute: Spring MVC runs every {@code @ModelAttribute}
     * method of an advice before every handler, the API's too, and each costs an invocation with
     * argument resolution; a JSON endpoint gets none of them.
     */
    @ModelAttribute
    void shell(Model model, HttpServletRequest request) {
        if (!isPage(request)) {
            return;
        }
        Authentication authentication = signedInAuthentication();
        model.addAttribute("navItems", navItems(authentication));
        model.addAttribute("shellUser", authentication == null ? null
                : users.stream().flatMap(s -> s.current().stream()).findFirst().orElse(null));
        // true when somebody is signed in (the anonymous calculator offers a sign-in link otherwise)
        model.addAttribute("signedIn", authentication != null);
        // times in the viewer's zone, with the zone named (ShownTimes)
        model.addAttribute("times", new ShownTimes(ViewerZone.of(request)));
        model.addAttribute("currentPath", currentPath(request));
    }

    private List<NavigationItem> navItems(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return navigation.visibleWith(authorities);
    }

    /** The path the user asked for; on an error page the path that failed, so the language links stay there. */
    private static String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return path.isEmpty() ? "/" : path;
    }

    private static Authentication signedInAuthentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication;
    }

    private static boolean isPage(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            return !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                    && !handler.hasMethodAnnotation(ResponseBody.class);
        }
        return true;
    }
}
