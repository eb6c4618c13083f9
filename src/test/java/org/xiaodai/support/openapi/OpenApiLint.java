package org.xiaodai.support.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The rules of Redocly's {@code recommended} ruleset, errors and warnings alike (named as Redocly
 * names them), plus the house rules of this API (named {@code xiaodai-…}), over one OpenAPI
 * document. {@code struct} (is it a valid OpenAPI document at all) is left to the
 * openapi-generator build step, which parses and validates the committed document.
 */
public final class OpenApiLint {

    private static final Pattern URL_SAFE = Pattern.compile("^[A-Za-z0-9-._~:/?#\\[\\]@!$&'()*+,;=]*$");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]*)}");
    private static final Pattern COMPONENT_NAME = Pattern.compile("^[a-zA-Z0-9.\\-_]+$");
    static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";

    private final OpenApiDocument document;
    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    private OpenApiLint(OpenApiDocument document) {
        this.document = document;
        this.root = document.root();
    }

    /** Every rule broken, as {@code rule: where: what}; empty for a clean document. */
    public static List<String> check(OpenApiDocument document) {
        OpenApiLint lint = new OpenApiLint(document);
        lint.servers();
        lint.paths();
        lint.operations();
        lint.refsAndComponents();
        lint.schemas();
        lint.tags();
        return lint.problems;
    }

    private void problem(String rule, String where, String what) {
        problems.add(rule + ": " + where + ": " + what);
    }

    private void servers() {
        JsonNode servers = root.path("servers");
        if (servers.isEmpty()) {
            problem("no-empty-servers", "servers", "no server");
        }
        for (JsonNode server : servers) {
            String url = server.path("url").asString("");
            if (url.endsWith("/") && !url.equals("/")) {
                problem("no-server-trailing-slash", url, "ends with /");
            }
            if (url.contains("example.com")) {
                problem("no-server-example.com", url, "example.com");
            }
            Matcher variable = PATH_VARIABLE.matcher(url);
            while (variable.find()) {
                if (!server.path("variables").has(variable.group(1))) {
                    problem("no-undefined-server-variable", url, variable.group(1));
                }
            }
            for (Map.Entry<String, JsonNode> v : server.path("variables").properties()) {
                if (v.getValue().has("enum") && v.getValue().get("enum").isEmpty()) {
                    problem("no-server-variables-empty-enum", url, v.getKey());
                }
            }
        }
    }

    private void paths() {
        Map<String, String> shapes = new HashMap<>();
        List<String> paths = new ArrayList<>();
        root.path("paths").propertyNames().forEach(paths::add);
        for (String path : paths) {
            if (path.length() > 1 && path.endsWith("/")) {
                problem("no-path-trailing-slash", path, "ends with /");
            }
            if (path.contains("?")) {
                problem("path-not-include-query", path, "contains a query");
            }
            if (path.contains("{}")) {
                problem("path-declaration-must-exist", path, "empty {}");
            }
            String shape = PATH_VARIABLE.matcher(path).replaceAll("{}");
            String other = shapes.putIfAbsent(shape, path);
            if (other != null) {
                problem("no-identical-paths", path, "same as " + other);
            }
        }
        for (String a : paths) {
            for (String b : paths) {
                if (a.compareTo(b) < 0 && ambiguous(a.split("/"), b.split("/"))) {
                    problem("no-ambiguous-paths", a, "ambiguous with " + b);
                }
            }
        }
    }

    /** Redocly's definition: same length, and neither is more concrete in every segment where they differ. */
    private static boolean ambiguous(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        int aConcrete = 0;
        int bConcrete = 0;
        for (int i = 0; i < a.length; i++) {
            boolean aVar = a[i].startsWith("{");
            boolean bVar = b[i].startsWith("{");
            if (!aVar && !bVar && !a[i].equals(b[i])) {
                return false;
            }
            if (aVar && !bVar) {
                bConcrete++;
            } else if (bVar && !aVar) {
                aConcrete++;
            }
        }
        return aConcrete > 0 && bConcrete > 0;
    }

    private void operations() {
        Set<String> ids = new HashSet<>();
        boolean globalSecurity = !root.path("security").isEmpty();
        for (OpenApiDocument.Operation op : document.operations()) {
            String where = op.key();
            JsonNode json = op.json();
            String id = op.operationId();
            if (id.isBlank()) {
                problem("operation-operationId", where, "no operationId");
            } else {
                if (!ids.add(id)) {
                    problem("operation-operationId-unique", where, id);
                }
                if (!URL_SAFE.matcher(id).matches()) {
                    problem("operation-operationId-url-safe", where, id);
                }
            }
            if (json.path("summary").asString("").isBlank()) {
                problem("operation-summary", where, "no summary");
            }
            parameters(op);
            if (!json.has("security") && !globalSecurity) {
                problem("security-defined", where, "no security requirement");
            }
            for (JsonNode requirement : json.has("security") ? json.get("security") : root.path("security")) {
                requirement.propertyNames().forEach(scheme -> {
                    if (!root.path("components").path("securitySchemes").has(scheme)) {
                        problem("security-defined", where, "unknown scheme " + scheme);
                    }
                });
            }
            responses(op);
            houseRules(op);
        }
    }

    private void parameters(OpenApiDocument.Operation op) {
        Set<String> seen = new HashSet<>();
        Set<String> pathParameters = new HashSet<>();
        for (JsonNode parameter : op.json().path("parameters")) {
            JsonNode p = document.resolve(parameter);
            if (!seen.add(p.path("in").asString() + ":" + p.path("name").asString())) {
                problem("operation-parameters-unique", op.key(), p.path("name").asString());
            }
            if ("path".equals(p.path("in").asString())) {
                pathParameters.add(p.path("name").asString());
            }
        }
        Set<String> declared = new LinkedHashSet<>();
        Matcher variable = PATH_VARIABLE.matcher(op.path());
        while (variable.find()) {
            declared.add(variable.group(1));
        }
        if (!declared.equals(pathParameters)) {
            problem("path-parameters-defined", op.key(), "path variables " + declared + " but path parameters " + pathParameters);
        }
    }

    private void responses(OpenApiDocument.Operation op) {
        List<String> codes = new ArrayList<>();
        op.responses().propertyNames().forEach(codes::add);
        if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
            problem("operation-2xx-response", op.key(), "no 2xx response");
        }
        if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
            problem("operation-4xx-response", op.key(), "no 4xx response");
        }
        for (String code : codes) {
            JsonNode response = document.resolve(op.responses().get(code));
            if (response.path("description").asString("").isBlank()) {
                problem("struct", op.key() + " " + code, "response without description");
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode content = response.path("content");
                List<String> types = new ArrayList<>();
                content.propertyNames().forEach(types::add);
                if (!types.equals(List.of("application/problem+json"))
                        || !PROBLEM_REF.equals(content.path("application/problem+json").path("schema").path("$ref").asString(""))) {
                    problem("xiaodai-problem-response", op.key() + " " + code,
                            "must be application/problem+json with " + PROBLEM_REF + ", is " + content);
                }
            }
        }
    }

    /** What the API contract issue asks of every operation beyond Redocly's rules. */
    private void houseRules(OpenApiDocument.Operation op) {
        JsonNode json = op.json();
        String description = json.path("description").asString("");
        if (!description.contains("**Permission:**") || !description.contains("**Scope:**")) {
            problem("xiaodai-permission-and-scope", op.key(), "the description does not state permission and scope");
        }
        JsonNode responses = op.responses();
        boolean hasInput = json.has("requestBody") || !json.path("parameters").isEmpty();
        if (hasInput && !responses.has("400")) {
            problem("xiaodai-documented-errors", op.key(), "takes input but documents no 400");
        }
        if (!op.isPublic() && (!responses.has("401") || !responses.has("403") && !json.path("x-permissions").isEmpty())) {
            problem("xiaodai-documented-errors", op.key(), "needs a token or permission but documents no 401/403");
        }
        if (op.path().contains("{") && !responses.has("404")) {
            problem("xiaodai-documented-errors", op.key(), "names a record but documents no 404");
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            response.getValue().path("content").propertyNames().forEach(media -> {
                if (media.contains("*")) {
                    problem("xiaodai-explicit-media-type", op.key() + " " + response.getKey(),
                            "content type " + media + ": declare what the endpoint produces");
                }
            });
        }
    }

    private void refsAndComponents() {
        Set<String> used = new HashSet<>();
        collectRefs(root, used);
        for (String ref : used) {
            if (document.pointer(ref) == null) {
                problem("no-unresolved-refs", ref, "does not resolve");
            }
        }
        for (Map.Entry<String, JsonNode> group : root.path("components").properties()) {
            if (group.getKey().equals("securitySchemes")) {
                continue;
            }
            for (String name : group.getValue().propertyNames()) {
                if (!COMPONENT_NAME.matcher(name).matches()) {
                    problem("spec-components-invalid-map-name", name, "invalid component name");
                }
                if (!used.contains("#/components/" + group.getKey() + "/" + name)) {
                    problem("no-unused-components", name, "never referenced");
                }
            }
        }
    }

    private static void collectRefs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            if (node.has("$ref") && node.get("$ref").isString()) {
                into.add(node.get("$ref").asString());
            }
            node.properties().forEach(e -> collectRefs(e.getValue(), into));
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, into));
        }
    }

    /**
     * Enum values of the declared type, examples that agree with their schema, and the house
     * formats: ids are UUIDs (unless their description calls them opaque), {@code …Date} a date,
     * {@code …At} a timestamp.
     */
    private void schemas() {
        SchemaCheck check = new SchemaCheck(document);
        for (Map.Entry<String, JsonNode> schema : root.path("components").path("schemas").properties()) {
            walk(schema.getKey(), schema.getValue(), check);
        }
    }

    private void walk(String where, JsonNode schema, SchemaCheck check) {
        if (!schema.isObject()) {
            return;
        }
        Set<String> types = SchemaCheck.types(schema);
        for (JsonNode value : schema.path("enum")) {
            if (!types.isEmpty() && types.stream().noneMatch(t -> SchemaCheck.hasType(value, t))) {
                problem("no-enum-type-mismatch", where, value + " is not " + types);
            }
        }
        if (schema.has("example") && !schema.has("$ref")) {
            List<String> wrong = check.violations(schema, schema.get("example"), where);
            if (!wrong.isEmpty()) {
                problem("no-invalid-schema-examples", where, String.join("; ", wrong));
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode p = property.getValue();
            String at = where + "." + name;
            if (!p.has("type") && !p.has("$ref") && !p.has("anyOf") && !p.has("oneOf") && !p.has("allOf")) {
                problem("xiaodai-typed-properties", at, "has no type");
            }
            if (SchemaCheck.types(p).contains("string")) {
                String format = p.path("format").asString("");
                boolean opaque = p.path("description").asString("").contains("opaque");
                if ((name.equals("id") || name.endsWith("Id")) && !format.equals("uuid") && !opaque) {
                    problem("xiaodai-formats", at, "an id without format uuid");
                }
                if (name.endsWith("Date") && !format.equals("date")) {
                    problem("xiaodai-formats", at, "a date without format date");
                }
                if (name.endsWith("At") && !format.equals("date-time")) {
                    problem("xiaodai-formats", at, "a timestamp without format date-time");
                }
            }
            walk(at, p, check);
        }
        if (schema.has("items")) {
            walk(where + "[]", schema.get("items"), check);
        }
    }

    private void tags() {
        Set<String> described = new HashSet<>();
        for (JsonNode tag : root.path("tags")) {
            if (!tag.path("description").asString("").isBlank()) {
                described.add(tag.path("name").asString());
            }
        }
        Set<String> used = new LinkedHashSet<>();
        document.operations().forEach(op -> op.json().path("tags").forEach(tag -> used.add(tag.asString())));
        used.stream().filter(tag -> !described.contains(tag))
                .forEach(tag -> problem("tag-description", tag, "tag without a description"));
    }
}
