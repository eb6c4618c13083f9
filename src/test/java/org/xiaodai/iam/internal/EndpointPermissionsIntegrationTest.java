package org.xiaodai.iam.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of ours, API or page, declares the permission it needs where it is mapped, and
 * names only permissions some module defines: a forgotten or misspelt check is a red build.
 */
@IntegrationTest
class EndpointPermissionsIntegrationTest {

    private static final Pattern AUTHORITY = Pattern.compile("'([a-z]+(?::[a-z0-9-]+){1,3})'");

    @Autowired
    ApplicationContext context;
    @Autowired
    AccessCatalogue catalogue;

    @Test
    void everyHandlerDeclaresThePermissionItNeeds() {
        List<String> undeclared = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<RequestMappingInfo, HandlerMethod> handlers = ourHandlers();
        for (var entry : handlers.entrySet()) {
            Method method = entry.getValue().getMethod();
            PreAuthorize declared = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
            if (declared == null) {
                declared = AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getBeanType(), PreAuthorize.class);
            }
            String name = entry.getValue().getBeanType().getSimpleName() + "." + method.getName() + " " + entry.getKey();
            if (declared == null) {
                undeclared.add(name);
                continue;
            }
            Matcher codes = AUTHORITY.matcher(declared.value());
            while (codes.find()) {
                if (!catalogue.isKnown(codes.group(1))) {
                    unknown.add(name + " names " + codes.group(1));
                }
            }
        }
        assertThat(handlers).as("handlers found").hasSizeGreaterThan(30);
        assertThat(undeclared).as("handlers without @PreAuthorize").isEmpty();
        assertThat(unknown).as("permissions no module defines").isEmpty();
    }

    private Map<RequestMappingInfo, HandlerMethod> ourHandlers() {
        Map<RequestMappingInfo, HandlerMethod> ours = new java.util.LinkedHashMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (handler.getBeanType().getName().startsWith("org.xiaodai.")) {
                    ours.put(info, handler);
                }
            });
        }
        return ours;
    }
}
