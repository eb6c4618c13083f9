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

    @ModelAttribute("navItems")
    List<NavigationItem> navItems(HttpServletRequest request) {
        Authentication authentication = signedInAuthentication();
        if (authentication == null || !isPage(request)) {
            return List.of();
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return navigation.visibleWith(authorities);
    }

    @ModelAttribute("shellUser")
    ShellUser shellUser(HttpServletRequest request) {
        if (signedInAuthentication() == null || !isPage(request)) {
            return null;
        }
        return users.stream().flatMap(s -> s.current().stream()).findFirst().orElse(null);
    }

    /** True when somebody is signed in (the anonymous calculator offers a sign-in link otherwise). */
    @ModelAttribute("signedIn")
    boolean signedIn() {
        return signedInAuthentication() != null;
    }

    /** Times in the viewer's zone, with the zone named ({@link ShownTimes}). */
    @ModelAttribute("times")
    ShownTimes times(HttpServletRequest request) {
        return new ShownTimes(ViewerZone.of(request));
    }

    /** The path the user asked for; on an error page the path that failed, so the language links stay there. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
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
