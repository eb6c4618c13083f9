package org.xiaodai.portal.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.xiaodai.shared.problem.ProblemDetails;

/**
 * The portal's own two filter chains, ahead of the staff chains: the portal API (stateless, portal
 * tokens) and the portal pages (session, CSRF). Both admit a {@link BorrowerPrincipal} only, so a
 * staff session or token gets nothing here; and the staff chains admit only staff principals, so a
 * borrower gets nothing there (403, or 401 for a portal token on the staff API, which does not know it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurity {

    static final String[] PUBLIC_API_POSTS = {"/api/v1/portal/auth/**"};
    static final String[] PUBLIC_PAGES = {"/portal/login", "/portal/register", "/portal/register/**",
            "/portal/manifest.webmanifest", "/portal/icons/**", "/portal/sw.js", "/portal/portal.css", "/portal/portal.js"};
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

    @Bean
    @Order(-2)
    SecurityFilterChain portalApi(HttpSecurity http, Borrowers borrowers, ProblemDetails problems) throws Exception {
        http.securityMatcher("/api/v1/portal/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BorrowerTokenFilter(borrowers, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, PUBLIC_API_POSTS).permitAll()
                        .anyRequest().access(borrowerOnly()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated");
                        })
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    @Bean
    @Order(-1)
    SecurityFilterChain portalPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/portal", "/portal/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().access(borrowerOnly()))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> res.sendRedirect(
                        req.getContextPath() + "/portal/login")))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    /** Signed in as a borrower; a staff principal is refused (403), an anonymous caller asked to sign in. */
    static AuthorizationManager<RequestAuthorizationContext> borrowerOnly() {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            return new AuthorizationDecision(caller != null && caller.getPrincipal() instanceof BorrowerPrincipal);
        };
    }
}
