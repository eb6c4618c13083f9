package org.xiaodai.support.openapi;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against an OpenAPI 3.1 schema, strictly: a property the schema does not
 * declare is a disagreement (unless {@code additionalProperties} allows it), a required property
 * must be there, null is allowed only where the type says {@code "null"}, and formats
 * ({@code uuid}, {@code date}, {@code date-time}, {@code uri}), patterns and enums are checked.
 * Enough of JSON Schema for what springdoc emits; anything else it meets is reported, not ignored.
 */
public final class SchemaCheck {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> KNOWN = Set.of("$ref", "type", "format", "pattern", "enum", "properties", "required",
            "items", "additionalProperties", "anyOf", "oneOf", "allOf", "description", "example", "examples", "default",
            "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "title", "nullable", "deprecated",
            "readOnly", "writeOnly");

    private final OpenApiDocument document;

    public SchemaCheck(OpenApiDocument document) {
        this.document = document;
    }

    /** Every way {@code value} disagrees with {@code schema}; empty when it agrees. */
    public List<String> violations(JsonNode schema, JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        check(schema, value, at, out);
        return out;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        if (schema.has("$ref")) {
            JsonNode target = document.resolve(schema);
            if (target == null) {
                out.add(at + ": unresolvable " + schema.get("$ref"));
                return;
            }
            check(target, value, at, out);
            return;
        }
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            if (!KNOWN.contains(keyword.getKey()) && !keyword.getKey().startsWith("x-")) {
                out.add(at + ": schema keyword '" + keyword.getKey() + "' is not checked by SchemaCheck");
            }
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(s -> check(s, value, at, out));
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
            long matching = 0;
            for (JsonNode alternative : alternatives) {
                matching += violations(alternative, value, at).isEmpty() ? 1 : 0;
            }
            if (matching == 0 || schema.has("oneOf") && matching > 1) {
                out.add(at + ": matches " + matching + " of the alternatives " + alternatives);
            }
            if (!schema.has("type") && !schema.has("properties")) {
                return; // a pure choice (e.g. a nullable reference: anyOf [$ref, null]) says nothing more
            }
        }
        Set<String> types = types(schema);
        if (value == null || value.isMissingNode() || value.isNull()) {
            if (!types.contains("null") && !schema.path("nullable").asBoolean(false)) {
                out.add(at + ": null, but the schema does not allow null");
            }
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(value, t))) {
            out.add(at + ": " + kind(value) + " where the schema says " + types);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isString()) {
            checkString(schema, value.asString(), at, out);
        } else if (value.isObject()) {
            checkObject(schema, value, at, out);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", out);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> out) {
        JsonNode properties = schema.path("properties");
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            seen.add(field.getKey());
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                check(property, field.getValue(), at + "." + field.getKey(), out);
            } else if (schema.path("additionalProperties").isObject()) {
                check(schema.get("additionalProperties"), field.getValue(), at + "." + field.getKey(), out);
            } else if (!schema.path("additionalProperties").asBoolean(false)) {
                out.add(at + ": property '" + field.getKey() + "' is not documented");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!seen.contains(required.asString()) || value.get(required.asString()).isNull()) {
                out.add(at + ": required property '" + required.asString() + "' is "
                        + (seen.contains(required.asString()) ? "null" : "missing"));
            }
        }
    }

    private static void checkString(JsonNode schema, String value, String at, List<String> out) {
        String format = schema.path("format").asString("");
        boolean ok = switch (format) {
            case "uuid" -> UUID.matcher(value).matches();
            case "date" -> parses(() -> LocalDate.parse(value));
            case "date-time" -> parses(() -> OffsetDateTime.parse(value));
            case "uri" -> parses(() -> URI.create(value)) && URI.create(value).isAbsolute();
            case "uri-reference" -> parses(() -> URI.create(value));
            default -> true;
        };
        if (!ok) {
            out.add(at + ": '" + value + "' is not a " + format);
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(value).find()) {
            out.add(at + ": '" + value + "' does not match " + schema.get("pattern").asString());
        }
        if (schema.has("maxLength") && value.codePointCount(0, value.length()) > schema.get("maxLength").asInt()) {
            out.add(at + ": longer than " + schema.get("maxLength").asInt());
        }
    }

    static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        return types;
    }

    static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || candidate.isString() && value.isString()
                    && candidate.asString().equals(value.asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
