package org.xiaodai;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xiaodai.support.openapi.ApiDocuments;
import org.xiaodai.support.openapi.CompatibilityCheck;
import org.xiaodai.support.openapi.OpenApiDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document (held equal to what the app serves by {@code OpenApiDocumentIntegrationTest})
 * breaks nothing a client of the last released contract, {@code docs/api/baseline-v1.json}, relies
 * on: the rules of {@code docs/api-versioning.md}.
 */
class ApiCompatibilityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theCurrentDocumentKeepsEverythingTheBaselinePromised() {
        OpenApiDocument baseline = new OpenApiDocument(ApiDocuments.read(ApiDocuments.baseline()));
        OpenApiDocument current = new OpenApiDocument(ApiDocuments.read(ApiDocuments.committedDocument()));
        assertThat(CompatibilityCheck.breakingChanges(baseline, current)).as("""
                Breaking changes against %s (docs/api-versioning.md): keep the old operation or field beside the \
                new one, or, for a change agreed with every client, record it in docs/api-versioning.md and \
                refresh the baseline""", ApiDocuments.baseline()).isEmpty();
    }

    @Test
    void additionsAreAllowed() {
        OpenApiDocument baseline = document(operation("getThing", "{\"id\": {\"type\": \"string\", \"format\": \"uuid\"}}",
                "[\"id\"]"));
        OpenApiDocument current = document(operation("getThing",
                "{\"id\": {\"type\": \"string\", \"format\": \"uuid\"}, \"name\": {\"type\": \"string\"}}", "[\"id\", \"name\"]"));
        assertThat(CompatibilityCheck.breakingChanges(baseline, current)).isEmpty();
    }

    @Test
    void flagsRemovedAndRenamedOperationsAndFields() {
        OpenApiDocument baseline = document(operation("getThing",
                "{\"id\": {\"type\": \"string\", \"format\": \"uuid\"}, \"name\": {\"type\": \"string\"}}", "[\"id\", \"name\"]"));
        OpenApiDocument renamed = document(operation("fetchThing",
                "{\"id\": {\"type\": \"string\"}, \"title\": {\"type\": \"string\"}}", "[\"id\"]"));
        List<String> breaks = CompatibilityCheck.breakingChanges(baseline, renamed);
        assertThat(breaks).anyMatch(b -> b.contains("operationId renamed getThing → fetchThing"))
                .anyMatch(b -> b.contains("response field name removed"))
                .anyMatch(b -> b.contains("format changed uuid → none"));
        OpenApiDocument gone = document("{}");
        assertThat(CompatibilityCheck.breakingChanges(baseline, gone)).containsExactly("GET /things/{id}: operation removed");
    }

    private static OpenApiDocument document(String paths) {
        return new OpenApiDocument(JSON.readTree("{\"openapi\": \"3.1.0\", \"paths\": " + paths + "}"));
    }

    private static String operation(String operationId, String properties, String required) {
        return """
                {"/things/{id}": {"get": {"operationId": "%s",
                  "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                  "responses": {"200": {"description": "OK", "content": {"application/json": {"schema":
                    {"type": "object", "properties": %s, "required": %s}}}}}}}}
                """.formatted(operationId, properties, required);
    }
}
