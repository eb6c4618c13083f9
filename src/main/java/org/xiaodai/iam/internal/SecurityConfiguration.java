package org.xiaodai.iam.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaodai.iam.CurrentUser;
import org.xiaodai.shared.problem.ProblemDetails;

/**
 * Two filter chains: {@code /api/**} (and the Prometheus scrape) is stateless with bearer tokens
 * (no session, no CSRF); the web UI uses form login, a session and CSRF. In both, a request only
 * needs to be authenticated here: every endpoint declares the permission it needs with
 * {@code @PreAuthorize} where it is mapped ({@code EndpointPermissionsIntegrationTest} fails the build on one
 * that declares nothing). On top of that, a regulator user may write only to the paths the modules
 * list as regulator-writable ({@link AccessCatalogue#regulatorWritablePaths()}): the regulator
 * reads lending data but never changes it, whatever role it is given.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity(prePostEnabled = false)
class SecurityConfiguration {

    /**
     * {@code @PreAuthorize}, with the permission-only expressions most endpoints use decided without
     * the expression language ({@link PermissionAuthorizationManager}); in Spring Security's own
     * order among the method interceptors, so it still runs before {@code @Transactional}.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorize(ApplicationContext context) {
        PreAuthorizeAuthorizationManager expressions = new PreAuthorizeAuthorizationManager();
        expressions.setApplicationContext(context);
        return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(new PermissionAuthorizationManager(expressions));
    }


    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/webjars/**",
            "/error", "/calculator/**", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    /** API paths anybody may call: sign-in by credentials (POST only) and the public calculator. */
    static final String[] PUBLIC_API_POSTS = {"/api/v1/auth/token", "/api/v1/auth/password"};
    static final String[] PUBLIC_API = {"/api/v1/calculator/**"};

    static final String PROMETHEUS = "/actuator/prometheus";

    /**
     * No Micrometer observation around every security filter, authentication and authorisation
     * decision: on the API hot path they cost more CPU than the bearer-token lookup itself (JFR
     * profile of {@code ./bench/run.sh api}), and nothing here consumes those spans. Requests are
     * still observed as a whole ({@code http.server.requests} on the Prometheus endpoint).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemDetails problems, AccessCatalogue catalogue,
                            TransactionTemplate transactions)
            throws Exception {
        http.securityMatcher("/api/**", PROMETHEUS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless: no logout URL, no saved request, no servlet-API request wrapper
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servlet -> servlet.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems, transactions), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, PUBLIC_API_POSTS).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers(PROMETHEUS).hasAuthority(OPS_METRICS)
                        .anyRequest().access(regulatorReadOnly(catalogue)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(problems, req, res, "unauthenticated"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Authenticator authenticator, AccessCatalogue catalogue, JdbcClient jdbc,
                            TransactionTemplate transactions) throws Exception {
        // this chain's own manager with no parent: a refused password is checked (and counted) once
        http.authenticationManager(new ProviderManager(authenticator))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().access(regulatorReadOnly(catalogue)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterBefore(new SessionValidityFilter(jdbc, transactions), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Before Spring Security's filters (order -100), so a throttled form login never reaches the password check. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(Clock clock, IamProperties properties, ProblemDetails problems) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(clock, properties.loginAttemptsPerMinute(), problems));
        registration.setOrder(-110);
        return registration;
    }

    /** The permission a Prometheus scraper's token needs (contributed by platform operations). */
    static final String OPS_METRICS = "ops:metrics:view";

    /**
     * Authenticated, and for a regulator user a write only where a module allows it. The rule is
     * by organisation kind, not permission, so no role grant can turn a regulator into a lender.
     */
    static AuthorizationManager<RequestAuthorizationContext> regulatorReadOnly(AccessCatalogue catalogue) {
        RequestMatcher writable = new OrRequestMatcher(catalogue.regulatorWritablePaths().stream()
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            if (caller == null || !(caller.getPrincipal() instanceof CurrentUser user)) {
                return new AuthorizationDecision(false);
            }
            boolean readOnlyViolation = user.isRegulator() && isWrite(context.getRequest())
                    && !writable.matches(context.getRequest());
            return new AuthorizationDecision(!readOnlyViolation);
        };
    }

    private static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** A 401 problem detail that also tells the client which scheme to use. */
    static void unauthorized(ProblemDetails problems, HttpServletRequest request, HttpServletResponse response,
                             String code) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, code);
    }
}
