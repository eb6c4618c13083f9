package org.xiaodai.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a typical response in one piece. Tomcat buffers 8 KiB of a response body and writes its
 * socket 8 KiB at a time, so a page or a list of 50 users (≈ 13 KiB of JSON) left the app in two or
 * three writes, chunked, the first of them in the middle of the JSON generation. With
 * {@value #BYTES} bytes a response that size is written once, with its {@code Content-Length}
 * (measured by {@code ./bench/run.sh api}, see the README). Larger responses (exports) still stream,
 * {@value #BYTES} bytes at a time. Tomcat keeps a response buffer of up to 16 times its default
 * across requests, so the larger buffer is allocated once per connection processor, not per request.
 */
@Configuration(proxyBeanMethods = false)
class ResponseBuffering {

    /** Response buffer and socket write buffer, in bytes. */
    static final int BYTES = 32 * 1024;

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(BYTES));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> responseBuffer() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setBufferSize(BYTES);
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("responseBuffer");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
