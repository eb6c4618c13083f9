package org.xiaodai.support.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * An OpenAPI 3.1 document as JSON, with what the contract tests ask of it: its operations, the
 * operation a concrete request path belongs to, and local {@code $ref} resolution.
 */
public final class OpenApiDocument {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final JsonNode root;

    public OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public JsonNode root() {
        return root;
    }

    /** One operation: its HTTP method (lower case), path template and JSON. */
    public record Operation(String method, String path, JsonNode json) {

        public String operationId() {
            return json.path("operationId").asString("");
        }

        public String key() {
            return method.toUpperCase() + " " + path;
        }

        public boolean isPublic() {
            return json.has("security") && json.get("security").isEmpty();
        }

        public JsonNode responses() {
            return json.path("responses");
        }

        int variables() {
            return (int) path.chars().filter(c -> c == '{').count();
        }

        boolean matches(String method, String concretePath) {
            return this.method.equalsIgnoreCase(method) && template(path).matcher(concretePath).matches();
        }

        private static Pattern template(String path) {
            StringBuilder regex = new StringBuilder();
            for (String part : path.split("(?=\\{)|(?<=})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(new Operation(entry.getKey(), path.getKey(), entry.getValue()));
                }
            }
        }
        return operations;
    }

    /** The operation a request goes to: a literal path segment wins over a variable, as in Spring MVC. */
    public Optional<Operation> match(String method, String concretePath) {
        String path = concretePath.contains("?") ? concretePath.substring(0, concretePath.indexOf('?')) : concretePath;
        return operations().stream().filter(o -> o.matches(method, path))
                .min(Comparator.comparingInt(Operation::variables));
    }

    /** Follows a local {@code $ref} (repeatedly); other nodes are returned as they are. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
            current = pointer(current.get("$ref").asString());
        }
        return current;
    }

    /** The node a local reference ({@code #/components/schemas/X}) points to, or null. */
    public JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode at = root.at(ref.substring(1));
        return at.isMissingNode() ? null : at;
    }
}
