package org.xiaodai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.xiaodai.support.IntegrationTest;

/**
 * {@link PrefixIndexedHandlerMapping} chooses exactly what Spring's full walk over every mapping
 * would: for a request made from every registered pattern (and variants of it) and each of its
 * methods, every mapping whose conditions match is among the index's candidates, and the handler
 * chosen is the one Spring's comparator puts first among all matching mappings.
 */
@IntegrationTest
class PrefixIndexedHandlerMappingIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void the_application_maps_requests_with_the_prefix_indexed_mapping() {
        assertThat(mapping).isInstanceOf(PrefixIndexedHandlerMapping.class);
    }

    @Autowired
    RequestMappingHandlerAdapter adapter;

    @Test
    void no_response_is_written_as_jaxb_xml_even_with_the_jaxb_api_on_the_test_classpath() {
        assertThat(adapter.getMessageConverters()).isNotEmpty()
                .noneMatch(Jaxb2RootElementHttpMessageConverter.class::isInstance);
    }

    @Test
    void the_index_chooses_what_the_full_walk_would() throws Exception {
        PrefixIndexedHandlerMapping indexed = (PrefixIndexedHandlerMapping) mapping;
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : handlers.keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String sample = sample(pattern.getPatternString());
                paths.add(sample);
                paths.add(sample + "/");
                paths.add(sample + "/extra");
                paths.add(sample.toUpperCase());
            }
        }
        int matchedRequests = 0;
        long candidates = 0;
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            List<RequestMappingInfo> indexCandidates = indexed.candidates(path);
            candidates += indexCandidates.size();
            Set<String> methods = new LinkedHashSet<>();
            handlers.keySet().forEach(info -> methods.addAll(methods(info)));
            for (String method : methods) {
                MockHttpServletRequest request = request(method, path);
                List<RequestMappingInfo> matches = new ArrayList<>();
                Map<RequestMappingInfo, Method> matchedMethods = new HashMap<>();
                for (RequestMappingInfo info : handlers.keySet()) {
                    RequestMappingInfo match = info.getMatchingCondition(request);
                    if (match != null) {
                        matches.add(match);
                        matchedMethods.put(match, handlers.get(info).getMethod());
                        if (!indexCandidates.contains(info)) {
                            wrong.add("not a candidate: " + method + " " + path + " → " + info);
                        }
                    }
                }
                if (matches.isEmpty()) {
                    continue;
                }
                matchedRequests++;
                Comparator<RequestMappingInfo> comparator = (a, b) -> a.compareTo(b, request);
                matches.sort(comparator);
                if (matches.size() > 1 && comparator.compare(matches.get(0), matches.get(1)) == 0) {
                    continue;
                }
                Method expected = matchedMethods.get(matches.get(0));
                HandlerExecutionChain chain = mapping.getHandler(request(method, path));
                Method chosen = chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
                if (!expected.equals(chosen)) {
                    wrong.add("chose " + chosen + " instead of " + expected + " for " + method + " " + path);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(matchedRequests).as("requests some mapping matches").isGreaterThanOrEqualTo(handlers.size() * 9 / 10);
        assertThat(candidates / paths.size()).as("candidates per path (of %d mappings)", handlers.size())
                .isLessThan(handlers.size() / 10);
    }

    @Test
    void literal_prefix_and_segments_end_at_the_first_variable_or_wildcard() {
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/api/v1/users/{id}")).isEqualTo("/api/v1/users/");
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/static/**")).isEqualTo("/static/");
        assertThat(PrefixIndexedHandlerMapping.literalPrefix("/a?c")).isEqualTo("/a");
        assertThat(PrefixIndexedHandlerMapping.literalSegments("/api/v1/users/{id}")).containsExactly("api", "v1", "users");
        assertThat(PrefixIndexedHandlerMapping.literalSegments("/api/v1/users")).containsExactly("api", "v1", "users");
        assertThat(PrefixIndexedHandlerMapping.literalSegments("/api/v1/us{x}")).containsExactly("api", "v1");
        assertThat(PrefixIndexedHandlerMapping.literalSegments("/files/{*rest}")).containsExactly("files");
        assertThat(PrefixIndexedHandlerMapping.literalSegments("/a?c")).isEmpty();
        assertThat(PrefixIndexedHandlerMapping.literalSegments("/")).isEmpty();
        assertThat(PrefixIndexedHandlerMapping.literalSegments("{x}")).isEmpty();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        return declared.isEmpty() ? List.of("GET") : declared.stream().map(RequestMethod::name).toList();
    }

    /** A concrete path for a pattern: each variable a number, each wildcard a word. */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
                .replaceAll("\\{[^}]*}", "17")
                .replace("**", "a/b")
                .replace("*", "x")
                .replace("?", "x");
    }
}
