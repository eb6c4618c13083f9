package org.xiaodai.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping and message converters: installs {@link PrefixIndexedHandlerMapping}
 * (Spring Boot configures it as usual), and answers in JSON and the other formats the app declares,
 * never in JAXB XML: the test classpath carries the JAXB API (through the test starter), whose
 * converter Spring would otherwise add there only, asking every response's class for
 * {@code @XmlRootElement} (~1.5 % of an API read's CPU in the benchmark, which runs on that classpath).
 */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(Jaxb2RootElementHttpMessageConverter.class::isInstance));
    }

    @Bean
    WebMvcRegistrations prefixIndexedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixIndexedHandlerMapping();
            }
        };
    }
}
