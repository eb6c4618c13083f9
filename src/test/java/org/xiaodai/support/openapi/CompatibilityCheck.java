package org.xiaodai.support.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The breaking changes of {@code docs/api-versioning.md} between a released document (the
 * baseline) and the current one. Additions are allowed: new operations, new optional request
 * fields and parameters, new response fields, new error responses. Everything a client generated
 * from the baseline relies on must stay: each operation under its path, method and operationId;
 * each response field with its type, format and presence; each request field and parameter the
 * client may send, without new obligations (newly required, narrower enum).
 */
public final class CompatibilityCheck {

    /** A guard against recursive schemas: no API body has this many nested fields. */
    private static final int MAX_DEPTH_FIELDS = 10_000;

    private final OpenApiDocument baseline;
    private final OpenApiDocument current;
    private final List<String> breaks = new ArrayList<>();

    private CompatibilityCheck(OpenApiDocument baseline, OpenApiDocument current) {
        this.baseline = baseline;
        this.current = current;
    }

    /** Every breaking change, as {@code where: what}; empty when {@code current} is compatible. */
    public static List<String> breakingChanges(OpenApiDocument baseline, OpenApiDocument current) {
        CompatibilityCheck check = new CompatibilityCheck(baseline, current);
        check.operations();
        return check.breaks;
    }

    private void operations() {
        Map<String, OpenApiDocument.Operation> now = new java.util.HashMap<>();
        Map<String, String> keyById = new java.util.HashMap<>();
        for (OpenApiDocument.Operation op : current.operations()) {
            now.put(op.key(), op);
            keyById.put(op.operationId(), op.key());
        }
        for (OpenApiDocument.Operation old : baseline.operations()) {
            OpenApiDocument.Operation op = now.get(old.key());
            if (op == null) {
                String movedTo = keyById.get(old.operationId());
                breaks.add(old.key() + ": operation removed" + (movedTo == null ? "" : " (its operationId is now " + movedTo + ")"));
                continue;
            }
            if (!old.operationId().equals(op.operationId())) {
                breaks.add(old.key() + ": operationId renamed " + old.operationId() + " → " + op.operationId()
                        + " (generated clients call it by that name)");
            }
            if (old.isPublic() && !op.isPublic()) {
                breaks.add(old.key() + ": now needs a token");
            }
            parameters(old, op);
            requestBody(old, op);
            responses(old, op);
        }
    }

    private void parameters(OpenApiDocument.Operation old, OpenApiDocument.Operation op) {
        Map<String, JsonNode> before = parameterMap(baseline, old);
        Map<String, JsonNode> after = parameterMap(current, op);
        before.forEach((name, p) -> {
            JsonNode q = after.get(name);
            if (q == null) {
                breaks.add(old.key() + ": parameter " + name + " removed");
            } else {
                request(old.key() + " parameter " + name, baseline.resolve(p.path("schema")), current.resolve(q.path("schema")),
                        new HashSet<>());
            }
        });
        after.forEach((name, q) -> {
            if (q.path("required").asBoolean(false) && !(before.containsKey(name)
                    && before.get(name).path("required").asBoolean(false))) {
                breaks.add(op.key() + ": parameter " + name + " is now required");
            }
        });
    }

    private static Map<String, JsonNode> parameterMap(OpenApiDocument document, OpenApiDocument.Operation op) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        for (JsonNode p : op.json().path("parameters")) {
            JsonNode resolved = document.resolve(p);
            map.put(resolved.path("in").asString() + ":" + resolved.path("name").asString(), resolved);
        }
        return map;
    }

    private void requestBody(OpenApiDocument.Operation old, OpenApiDocument.Operation op) {
        JsonNode before = old.json().path("requestBody").path("content").path("application/json").path("schema");
        JsonNode after = op.json().path("requestBody").path("content").path("application/json").path("schema");
        if (before.isMissingNode()) {
            if (!after.isMissingNode() && op.json().path("requestBody").path("required").asBoolean(false)) {
                breaks.add(old.key() + ": now requires a request body");
            }
            return;
        }
        if (after.isMissingNode()) {
            breaks.add(old.key() + ": no longer reads its JSON request body");
            return;
        }
        request(old.key() + " request", before, after, new HashSet<>());
    }

    private void responses(OpenApiDocument.Operation old, OpenApiDocument.Operation op) {
        for (Map.Entry<String, JsonNode> response : old.responses().properties()) {
            String code = response.getKey();
            if (!code.startsWith("2")) {
                continue;
            }
            JsonNode now = op.responses().get(code);
            if (now == null) {
                breaks.add(old.key() + ": success response " + code + " removed");
                continue;
            }
            for (Map.Entry<String, JsonNode> media : baseline.resolve(response.getValue()).path("content").properties()) {
                JsonNode after = current.resolve(now).path("content").path(media.getKey()).path("schema");
                if (after.isMissingNode()) {
                    breaks.add(old.key() + " " + code + ": no longer answers " + media.getKey());
                } else {
                    response(old.key() + " " + code, media.getValue().path("schema"), after, new HashSet<>());
                }
            }
        }
    }

    /** A response must still give everything it gave, in the same shape; new fields are fine. */
    private void response(String where, JsonNode before, JsonNode after, Set<String> visited) {
        JsonNode b = baseline.resolve(before);
        JsonNode a = current.resolve(after);
        if (b == null || a == null || !visited.add(where) || visited.size() > MAX_DEPTH_FIELDS) {
            return;
        }
        shape(where, b, a, true);
        Set<String> requiredBefore = names(b.path("required"));
        Set<String> requiredAfter = names(a.path("required"));
        for (Map.Entry<String, JsonNode> property : b.path("properties").properties()) {
            String name = property.getKey();
            JsonNode now = a.path("properties").get(name);
            if (now == null) {
                breaks.add(where + ": response field " + name + " removed");
                continue;
            }
            if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
                breaks.add(where + ": response field " + name + " may now be absent");
            }
            response(where + "." + name, property.getValue(), now, visited);
        }
        if (b.has("items") && a.has("items")) {
            response(where + "[]", b.get("items"), a.get("items"), visited);
        }
    }

    /** A request must still accept everything it accepted, and demand nothing new. */
    private void request(String where, JsonNode before, JsonNode after, Set<String> visited) {
        JsonNode b = baseline.resolve(before);
        JsonNode a = current.resolve(after);
        if (b == null || a == null || !visited.add(where) || visited.size() > MAX_DEPTH_FIELDS) {
            return;
        }
        shape(where, b, a, false);
        Set<String> requiredBefore = names(b.path("required"));
        for (String name : names(a.path("required"))) {
            if (!requiredBefore.contains(name)) {
                breaks.add(where + ": field " + name + " is now required");
            }
        }
        for (Map.Entry<String, JsonNode> property : b.path("properties").properties()) {
            JsonNode now = a.path("properties").get(property.getKey());
            if (now == null) {
                breaks.add(where + ": request field " + property.getKey() + " removed (or renamed)");
            } else {
                request(where + "." + property.getKey(), property.getValue(), now, visited);
            }
        }
        if (b.has("items") && a.has("items")) {
            request(where + "[]", b.get("items"), a.get("items"), visited);
        }
    }

    /** Type, format, nullability and enum values: what a generated client compiles against. */
    private void shape(String where, JsonNode b, JsonNode a, boolean response) {
        Set<String> typesBefore = SchemaCheck.types(b);
        Set<String> typesAfter = SchemaCheck.types(a);
        Set<String> nonNullBefore = new HashSet<>(typesBefore);
        nonNullBefore.remove("null");
        Set<String> nonNullAfter = new HashSet<>(typesAfter);
        nonNullAfter.remove("null");
        if (!nonNullBefore.equals(nonNullAfter)) {
            breaks.add(where + ": type changed " + typesBefore + " → " + typesAfter);
        }
        if (response && !typesBefore.contains("null") && typesAfter.contains("null")) {
            breaks.add(where + ": may now be null");
        }
        if (!response && typesBefore.contains("null") && !typesAfter.contains("null")) {
            breaks.add(where + ": no longer accepts null");
        }
        if (!b.path("format").asString("").equals(a.path("format").asString(""))) {
            breaks.add(where + ": format changed " + b.path("format").asString("none") + " → "
                    + a.path("format").asString("none"));
        }
        Set<String> enumBefore = names(b.path("enum"));
        Set<String> enumAfter = names(a.path("enum"));
        if (!b.has("enum") && a.has("enum")) {
            breaks.add(where + ": now restricted to " + enumAfter);
        } else if (response && b.has("enum") && !a.has("enum")) {
            breaks.add(where + ": no longer restricted to " + enumBefore + " (clients generated from the baseline "
                    + "cannot read other values)");
        } else if (b.has("enum")) {
            Set<String> removed = new HashSet<>(enumBefore);
            removed.removeAll(enumAfter);
            if (a.has("enum") && !removed.isEmpty()) {
                breaks.add(where + ": enum values removed " + removed);
            }
            Set<String> added = new HashSet<>(enumAfter);
            added.removeAll(enumBefore);
            if (response && !added.isEmpty()) {
                breaks.add(where + ": new enum values " + added + " in a response (clients generated from the "
                        + "baseline cannot read them; see docs/api-versioning.md)");
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asString()));
        return names;
    }
}
