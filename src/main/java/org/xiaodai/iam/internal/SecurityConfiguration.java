package org.xiaodai.iam.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.xiaodai.shared.problem.ProblemDetails;
import tools.jackson.databind.json.JsonMapper;

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

    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/error", "/calculator/**", "/locale", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemDetails problems, JsonMapper json,
                            LocaleResolver locales) throws Exception {
        ProblemWriter writer = new ProblemWriter(problems, json, locales);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, writer), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/password").permitAll()
                        .requestMatchers("/api/v1/calculator/**").permitAll()
                        .requestMatchers(regulatorWritable()).authenticated()
                        .requestMatchers(this::isWrite).hasAuthority(Principals.LENDING_WRITER)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> writer.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler((req, res, ex) -> writer.write(req, res, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Authenticator authenticator) throws Exception {
        http.authenticationProvider(authenticator)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(regulatorWritable()).authenticated()
                        .requestMatchers(this::isWrite).hasAuthority(Principals.LENDING_WRITER)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterAfter(new PasswordChangeRequiredFilter(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")));
        return http.build();
    }

    private boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    private static RequestMatcher regulatorWritable() {
        List<RequestMatcher> matchers = REGULATOR_WRITABLE.stream()
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList();
        return request -> matchers.stream().anyMatch(m -> m.matches(request));
    }

    /** Writes a problem detail from inside the security filters, in the caller's language. */
    record ProblemWriter(ProblemDetails problems, JsonMapper json, LocaleResolver locales) {
        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
            Locale locale = locales.resolveLocale(request);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            if (status == HttpStatus.UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            json.writeValue(response.getOutputStream(), problems.build(status, code, List.of(), locale));
        }
    }
}
