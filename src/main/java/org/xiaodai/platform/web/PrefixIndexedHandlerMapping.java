package org.xiaodai.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with an index: a request is matched only against the mappings
 * whose patterns' literal leading segments are its path's leading segments, instead of against
 * every mapping of the application.
 *
 * <p>A request whose path is not one of the direct (variable-free) paths is otherwise matched
 * against all ~320 mappings, and each match asks the request for its method, parsed path and
 * headers through the servlet wrappers of the filter chain; in the profile of an authenticated
 * read ({@code ./bench/run.sh api --profile DIR}) that walk was the largest single cost of the
 * request (~40 % of the app's CPU samples).
 *
 * <p>Why it chooses what Spring would: a path-pattern literal compares, case-sensitively, a
 * request path segment after percent-decoding and without path parameters; the lookup path has
 * its path parameters removed already, so for a lookup path without {@code %} a mapping can only
 * match when each complete literal segment before its pattern's first variable or wildcard equals
 * the path's segment at the same place. The candidates are every mapping filed under a node of the
 * path's walk down the segment tree; each still passes Spring's own conditions, the matches are
 * ordered by Spring's comparator. Everything else goes to Spring's own lookup unchanged: direct
 * paths, paths with {@code %}, CORS pre-flight requests, requests no candidate matches (so the
 * 404/405/406/415 answers are Spring's), two equally good matches (Spring's ambiguity error), and
 * every request once a mapping is registered or removed after start-up.
 */
final class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    private volatile @Nullable Index index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = new Index(handlerMethods);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        index = null;
        super.registerMapping(mapping, handler, method);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        if (current == null || lookupPath.indexOf('%') >= 0 || current.directPaths.contains(lookupPath)
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        List<HandlerMethod> handlers = new ArrayList<>(2);
        for (RequestMappingInfo candidate : current.candidates(lookupPath)) {
            RequestMappingInfo match = super.getMatchingMapping(candidate, request);
            if (match != null) {
                matches.add(match);
                handlers.add(current.handlers.get(candidate));
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        int best = 0;
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            for (int i = 1; i < matches.size(); i++) {
                if (comparator.compare(matches.get(i), matches.get(best)) < 0) {
                    best = i;
                }
            }
            for (int i = 0; i < matches.size(); i++) {
                if (i != best && comparator.compare(matches.get(i), matches.get(best)) == 0) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
            }
        }
        HandlerMethod handler = handlers.get(best);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matches.get(best), lookupPath, request);
        return handler;
    }

    /** The mappings that may match this lookup path (without {@code %}): those filed on its walk down the segment tree. */
    List<RequestMappingInfo> candidates(String lookupPath) {
        Index current = index;
        return current == null ? List.copyOf(getHandlerMethods().keySet()) : current.candidates(lookupPath);
    }

    /** Everything before the pattern's first variable or wildcard. */
    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    /**
     * The complete literal segments of a pattern: those of its literal prefix that a {@code /}
     * ends, and the last one too when the whole pattern is literal.
     */
    static List<String> literalSegments(String pattern) {
        String prefix = literalPrefix(pattern);
        boolean wholeLiteral = prefix.length() == pattern.length();
        List<String> segments = new ArrayList<>();
        int start = prefix.startsWith("/") ? 1 : 0;
        while (start <= prefix.length()) {
            int slash = prefix.indexOf('/', start);
            if (slash < 0) {
                if (wholeLiteral && start < prefix.length()) {
                    segments.add(prefix.substring(start));
                }
                break;
            }
            segments.add(prefix.substring(start, slash));
            start = slash + 1;
        }
        return segments;
    }

    /** The mappings filed in a tree of literal path segments, built once at start-up. */
    private static final class Index {

        final Map<RequestMappingInfo, HandlerMethod> handlers;
        final Set<String> directPaths = new HashSet<>();
        final Node root = new Node();

        Index(Map<RequestMappingInfo, HandlerMethod> handlers) {
            this.handlers = Map.copyOf(handlers);
            for (RequestMappingInfo info : handlers.keySet()) {
                PathPatternsRequestCondition condition = info.getPathPatternsCondition();
                if (condition == null || condition.getPatterns().isEmpty()) {
                    root.mappings.add(info);
                    continue;
                }
                for (PathPattern pattern : condition.getPatterns()) {
                    String text = pattern.getPatternString();
                    if (literalPrefix(text).length() == text.length()) {
                        directPaths.add(text);
                    }
                    Node node = root;
                    for (String segment : literalSegments(text)) {
                        node = node.children.computeIfAbsent(segment, s -> new Node());
                    }
                    if (!node.mappings.contains(info)) {
                        node.mappings.add(info);
                    }
                }
            }
        }

        List<RequestMappingInfo> candidates(String lookupPath) {
            List<RequestMappingInfo> candidates = new ArrayList<>(root.mappings);
            Node node = root;
            int start = lookupPath.startsWith("/") ? 1 : 0;
            while (node != null && start <= lookupPath.length()) {
                int slash = lookupPath.indexOf('/', start);
                int end = slash < 0 ? lookupPath.length() : slash;
                node = node.children.get(lookupPath.substring(start, end));
                if (node != null) {
                    for (RequestMappingInfo info : node.mappings) {
                        if (!candidates.contains(info)) {
                            candidates.add(info);
                        }
                    }
                }
                if (slash < 0) {
                    break;
                }
                start = slash + 1;
            }
            return candidates;
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<RequestMappingInfo> mappings = new ArrayList<>(1);
    }
}
