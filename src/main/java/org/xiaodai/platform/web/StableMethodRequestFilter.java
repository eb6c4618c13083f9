package org.xiaodai.platform.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Hands the dispatcher a request whose HTTP method is a field. By the time a request reaches Spring
 * MVC it is wrapped five deep (Tomcat's facade, the size limit, Spring Security's firewall, header
 * writer and servlet-API wrappers), and the handler lookup asks every mapping's method condition
 * for {@code getMethod()} — twice per mapping, for every path with a variable in it, so a few
 * hundred mappings cost a thousand megamorphic calls down the chain per request. In the JFR profile
 * of {@code ./bench/run.sh api} those calls were ~11 % of the application's CPU on get-by-id. The
 * method of a request never changes while it is dispatched (a forward keeps it; an error dispatch
 * runs a chain of its own without this wrapper), so keeping it is safe; everything else still
 * goes to the wrapped request.
 */
@Configuration(proxyBeanMethods = false)
class StableMethodRequestFilter {

    @Bean
    FilterRegistrationBean<Filter> stableMethodRequest() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(StableMethodRequestFilter::filter);
        registration.setName("stableMethodRequest");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    private static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new StableMethod(http) : request, response);
    }

    private static final class StableMethod extends HttpServletRequestWrapper {

        private final String method;

        StableMethod(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
