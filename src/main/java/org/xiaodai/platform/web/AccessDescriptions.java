package org.xiaodai.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.xiaodai.shared.access.AccessContributor;
import org.xiaodai.shared.access.PermissionDefinition;

/**
 * Turns an endpoint's {@code @PreAuthorize} expression into the "permission and scope" paragraph
 * of its OpenAPI description, using what the modules contribute ({@link AccessContributor}): who
 * may hold each permission, which built-in roles hold it, and where a regulator may write.
 */
final class AccessDescriptions {

    private static final Pattern AUTHORITY = Pattern.compile("has(?:Any)?Authority\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private final Map<String, Set<String>> holders = new TreeMap<>();
    private final Map<String, Set<String>> rolesHolding = new TreeMap<>();
    private final List<PathPattern> regulatorWritable = new ArrayList<>();

    AccessDescriptions(List<AccessContributor> contributors) {
        for (AccessContributor contributor : contributors) {
            for (PermissionDefinition permission : contributor.permissions()) {
                holders.put(permission.code(), new TreeSet<>(permission.holders()));
            }
            contributor.roleGrants().forEach((role, codes) -> codes.forEach(code ->
                    rolesHolding.computeIfAbsent(code, c -> new TreeSet<>()).add(role)));
            contributor.regulatorWritablePaths().stream().filter(p -> p.startsWith("/api/"))
                    .map(PathPatternParser.defaultInstance::parse).forEach(regulatorWritable::add);
        }
    }

    /**
     * What an endpoint's {@code @PreAuthorize} expression requires.
     *
     * @param expression  the expression, or null when the endpoint declares none
     * @param authorities the permission codes it names, in order
     */
    record Rule(String expression, List<String> authorities) {

        static Rule of(String expression) {
            List<String> codes = new ArrayList<>();
            if (expression != null) {
                Matcher call = AUTHORITY.matcher(expression);
                while (call.find()) {
                    Matcher code = QUOTED.matcher(call.group(1));
                    while (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
            return new Rule(expression == null ? null : expression.strip(), List.copyOf(codes));
        }

        boolean isPublic() {
            return "permitAll()".equals(expression);
        }

        /** Any authenticated caller may call it: no permission can be missing. */
        boolean anyAuthenticated() {
            return "isAuthenticated()".equals(expression);
        }

        private boolean isPlainAuthorityCheck() {
            return expression != null && expression.matches("has(Any)?Authority\\([^)]*\\)");
        }
    }

    /** Whether a regulator user may call this write at all (else 403 whatever its roles). */
    boolean regulatorMayWrite(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return regulatorWritable.stream().anyMatch(p -> p.matches(container));
    }

    /** The Markdown paragraph for one operation. */
    String describe(Rule rule, String path, boolean write, boolean identifiesRecord) {
        StringBuilder text = new StringBuilder("**Permission:** ");
        if (rule.expression() == null) {
            text.append("none declared.");
        } else if (rule.isPublic()) {
            text.append("public, no token needed.");
        } else if (rule.anyAuthenticated()) {
            text.append("any signed-in caller (a valid bearer token); no particular permission.");
        } else {
            text.append(permissions(rule.authorities()));
            if (!rule.isPlainAuthorityCheck()) {
                text.append(" Exact rule: `").append(rule.expression()).append("`.");
            }
        }
        text.append("\n\n**Scope:** ");
        if (rule.isPublic()) {
            text.append("not tied to any institution's data.");
        } else {
            text.append(identifiesRecord
                    ? "a record outside the caller's data scope (institution, branch subtree or own records) answers 404, as if it did not exist."
                    : "answers and changes are limited to the caller's data scope (institution, branch subtree or own records).");
            if (write && !regulatorMayWrite(path)) {
                text.append(" Read-only for the regulator: its users get 403 here whatever their roles.");
            }
        }
        return text.toString();
    }

    private String permissions(List<String> codes) {
        if (codes.isEmpty()) {
            return "see the exact rule.";
        }
        StringBuilder text = new StringBuilder(codes.size() == 1 ? "requires `" + codes.getFirst() + "`"
                : "requires one of " + String.join(", ", codes.stream().map(c -> "`" + c + "`").toList()));
        text.append('.');
        for (String code : codes) {
            Set<String> kinds = holders.get(code);
            Set<String> roles = rolesHolding.get(code);
            if (kinds == null && roles == null) {
                continue;
            }
            text.append(" `").append(code).append("`");
            if (kinds != null) {
                text.append(" may be held by ").append(String.join(", ", kinds)).append(" users");
            }
            if (roles != null) {
                text.append(kinds != null ? "; " : " ").append("built-in roles holding it: ").append(String.join(", ", roles));
            }
            text.append('.');
        }
        return text.toString();
    }
}
