package org.xiaodai.shared.problem;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the filter that turns the error dispatch of an API request into a problem detail. */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

    /** First on the error dispatch, before security: the problem detail needs no authentication. */
    @Bean
    FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatch(ProblemDetails problems, MessageSource messages) {
        FilterRegistrationBean<ApiErrorDispatchFilter> registration = new FilterRegistrationBean<>(
                new ApiErrorDispatchFilter(problems, messages));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
