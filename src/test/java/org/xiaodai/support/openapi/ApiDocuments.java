package org.xiaodai.support.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Where the committed API documents live, and reading, writing and comparing them. */
public final class ApiDocuments {

    /** What to run when the served document changed on purpose. */
    public static final String HOW_TO_REFRESH = "refresh it with "
            + "`./mvnw test -Dtest=OpenApiDocumentIntegrationTest -Dxiaodai.openapi.update=true`";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)))
            .build();
    private static final int MAX_DIFFERENCES = 30;

    private ApiDocuments() {
    }

    /** The document the running app must serve and the Java client is generated from. */
    public static Path committedDocument() {
        return Path.of(System.getProperty("xiaodai.openapi.document", "src/test/resources/openapi/api-v1.json"));
    }

    /** The last released contract of {@code /api/v1}; see {@code docs/api-versioning.md}. */
    public static Path baseline() {
        return Path.of(System.getProperty("xiaodai.openapi.baseline", "docs/api/baseline-v1.json"));
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented, keys in the order given (springdoc sorts them), one trailing newline: reviewable diffs. */
    public static String pretty(JsonNode document) {
        return JSON.writeValueAsString(document) + "\n";
    }

    /** Appends to {@code out} the JSON pointers where {@code actual} differs from {@code expected}. */
    public static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.propertyNames().forEach(names::add);
            actual.propertyNames().forEach(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add("added   " + child + " = " + abbreviate(actual.get(name)));
                } else if (!actual.has(name)) {
                    out.add("removed " + child);
                } else {
                    diff(child, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else {
            out.add("changed " + at + ": " + abbreviate(expected) + " → " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "…" : text;
    }

    /** The value of a JSON object as a map view, for tests that walk documents. */
    public static Map<String, JsonNode> fields(JsonNode node) {
        java.util.LinkedHashMap<String, JsonNode> map = new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
