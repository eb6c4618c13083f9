package org.xiaodai.platform.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Gives every page what the layout needs: the navigation entries the caller may see, the caller
 * as the header shows them, and the current path (for the active entry and the language links).
 * <p>
 * An interceptor that fills the model of a handler that rendered a view, rather than a
 * {@code @ModelAttribute} advice: Spring MVC runs an advice's model methods before every handler,
 * the JSON API's too, building an invocable method and resolving its arguments each time (about
 * 5 % of an API read's CPU in the profile of {@code ./bench/run.sh api}); a JSON endpoint has no
 * {@link ModelAndView} here, so the API pays nothing for the shell. Redirects are left alone (their
 * model would become query parameters).
 */
@Component
class ShellModelInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Navigation navigation;
    private final List<ShellUserSource> users;

    ShellModelInterceptor(Navigation navigation, List<ShellUserSource> users) {
        this.navigation = navigation;
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView view) {
        if (view == null || view.getView() instanceof RedirectView
                || (view.getViewName() != null && (view.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                || view.getViewName().startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX)))) {
            return;
        }
        shell(view.getModelMap(), request);
    }

    private void shell(ModelMap model, HttpServletRequest request) {
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
}
