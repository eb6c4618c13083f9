package org.xiaodai.support.openapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker behind the conformance test finds each kind of disagreement it claims to find. */
class SchemaCheckTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OpenApiDocument DOCUMENT = new OpenApiDocument(JSON.readTree("""
            {"components": {"schemas": {"User": {"type": "object", "required": ["id", "name"], "properties": {
              "id": {"type": "string", "format": "uuid"},
              "name": {"type": "string"},
              "branchId": {"type": ["null", "string"], "format": "uuid"},
              "since": {"type": "string", "format": "date"},
              "amount": {"type": "string", "pattern": "^\\\\d+\\\\.\\\\d{2}$"},
              "scope": {"type": "string", "enum": ["ALL", "OWN"]}}}}}}
            """));
    static final JsonNode USER = JSON.readTree("{\"$ref\": \"#/components/schemas/User\"}");
    final SchemaCheck check = new SchemaCheck(DOCUMENT);

    @Test
    void agreesWithAnAnswerThatKeepsTheSchema() {
        assertThat(violations("""
                {"id": "0b6f4c1e-8a7d-4a36-9d0e-6c3a8b9f2e11", "name": "a", "branchId": null, "since": "2024-02-29",
                 "amount": "10.00", "scope": "OWN"}""")).isEmpty();
    }

    @Test
    void findsUndocumentedMissingNullAndMalformedValues() {
        assertThat(violations("""
                {"id": "42", "branchId": "x", "since": "2024-02-30", "amount": "10", "scope": "SOME", "extra": 1}"""))
                .anyMatch(v -> v.contains("'extra' is not documented"))
                .anyMatch(v -> v.contains("required property 'name' is missing"))
                .anyMatch(v -> v.contains("'42' is not a uuid"))
                .anyMatch(v -> v.contains("'x' is not a uuid"))
                .anyMatch(v -> v.contains("'2024-02-30' is not a date"))
                .anyMatch(v -> v.contains("does not match"))
                .anyMatch(v -> v.contains("is not one of"));
        assertThat(violations("{\"id\": \"0b6f4c1e-8a7d-4a36-9d0e-6c3a8b9f2e11\", \"name\": null}"))
                .anyMatch(v -> v.contains("required property 'name' is null"));
        assertThat(violations("[]")).anyMatch(v -> v.contains("array where the schema says [object]"));
    }

    private java.util.List<String> violations(String json) {
        return check.violations(USER, JSON.readTree(json), "body");
    }
}
