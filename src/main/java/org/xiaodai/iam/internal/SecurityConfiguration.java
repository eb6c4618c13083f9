package org.xiaodai.iam.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.xiaodai.shared.problem.ProblemDetails;

/**
 * Two filter chains: {@code /api/**} is stateless with bearer tokens (no session, no CSRF); the
 * web UI uses form login, a session and CSRF. Both refuse writes by regulator users outside the
 * supervision area (the regulator reads lending data but never changes it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    /** Paths a regulator may write to: its own login, password and tokens, and supervision. */
    static final List<String> REGULATOR_WRITABLE = List.of("/api/v1/auth/**", "/api/v1/account/**",
            "/api/v1/supervision/**", "/login", "/logout", "/account/**", "/tokens/**", "/locale", "/supervision/**");

    private static final RequestMatcher REGULATOR_WRITABLE_MATCHER = new OrRequestMatcher(REGULATOR_WRITABLE.stream()
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());

    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/error", "/calculator/**", "/locale", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemDetails problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password").permitAll()
                        .requestMatchers("/api/v1/calculator/**").permitAll()
                        .requestMatchers(REGULATOR_WRITABLE_MATCHER).authenticated()
                        .requestMatchers(SecurityConfiguration::isWrite).hasAuthority(Principals.LENDING_WRITER)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(problems, req, res, "unauthenticated"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Authenticator authenticator) throws Exception {
        http.authenticationProvider(authenticator)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(REGULATOR_WRITABLE_MATCHER).authenticated()
                        .requestMatchers(SecurityConfiguration::isWrite).hasAuthority(Principals.LENDING_WRITER)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterAfter(new PasswordChangeRequiredFilter(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")));
        return http.build();
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
