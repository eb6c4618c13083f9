package org.xiaodai.iam.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path the security configuration opens — to everybody, or to the read-only regulator for
 * writes — leads somewhere: a mapped handler (controllers, actuator, OpenAPI), a static resource
 * or WebJar file, or one of Spring Security's own endpoints. An entry for a handler that was
 * removed or never written is a hole waiting for whatever is mapped there next; this test keeps
 * the lists from rotting.
 */
@IntegrationTest
class AllowListIntegrationTest {

    /** Answered by Spring Security's filters (form login processing, logout), not by a handler. */
    static final List<String> SECURITY_FILTER_ENDPOINTS = List.of("/login", "/logout");
    /** Served by springdoc's resource handler from the swagger-ui WebJar under its own path. */
    static final String SWAGGER_UI_PAGE = "/swagger-ui/index.html";

    @Autowired
    ApplicationContext context;
    @Autowired
    AccessCatalogue catalogue;
    @LocalServerPort
    int port;

    @Test
    void everyAllowListedPathPatternMatchesSomethingTheApplicationServes() throws IOException {
        Set<String> served = servedPaths();
        List<String> allowListed = new ArrayList<>(Arrays.asList(SecurityConfiguration.PUBLIC_PAGES));
        allowListed.addAll(Arrays.asList(SecurityConfiguration.PUBLIC_API));
        allowListed.addAll(Arrays.asList(SecurityConfiguration.PUBLIC_API_POSTS));
        allowListed.add(SecurityConfiguration.PROMETHEUS);
        allowListed.addAll(catalogue.regulatorWritablePaths());

        List<String> dead = allowListed.stream().filter(pattern -> {
            PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
            return served.stream().noneMatch(path -> parsed.matches(PathContainer.parsePath(path)));
        }).toList();

        assertThat(served).as("what the application serves").hasSizeGreaterThan(50);
        assertThat(dead).as("allow-listed patterns that match no handler or resource").isEmpty();
    }

    /** Concrete paths: one per mapped pattern, every static and WebJar file, the security filters' endpoints. */
    private Set<String> servedPaths() throws IOException {
        Set<String> paths = new TreeSet<>(SECURITY_FILTER_ENDPOINTS);
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                info.getPatternValues().forEach(pattern -> paths.add(sample(pattern)));
            }
        }
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        paths.addAll(files(resources, "classpath*:static/", ""));
        paths.addAll(files(resources, "classpath*:META-INF/resources/webjars/", "/webjars/"));
        Api.Response swaggerUi = new Api(port).get(SWAGGER_UI_PAGE, null);
        assertThat(swaggerUi.status()).as(SWAGGER_UI_PAGE).isEqualTo(200);
        paths.add(SWAGGER_UI_PAGE);
        return paths;
    }

    /** A path the pattern matches: variables and wildcards filled in. */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x");
    }

    private static List<String> files(PathMatchingResourcePatternResolver resolver, String root, String prefix)
            throws IOException {
        List<String> files = new ArrayList<>();
        for (Resource resource : resolver.getResources(root + "**/*.*")) {
            String url = resource.getURL().toString();
            String marker = root.substring(root.indexOf(':') + 1);
            int at = url.lastIndexOf(marker);
            if (at >= 0 && resource.isReadable()) {
                files.add((prefix.isEmpty() ? "/" : prefix) + url.substring(at + marker.length()));
            }
        }
        return files;
    }

    @Test
    void theSampleOfAPatternIsMatchedByIt() {
        Stream.of("/api/v1/users/{id}/role-grants", "/webjars/**", "/tokens/{tokenId}/revoke").forEach(pattern ->
                assertThat(PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(sample(pattern))))
                        .as(pattern).isTrue());
    }
}
