package org.xiaodai.support.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xiaodai.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Sends requests through {@link Api} and holds every answer against the document: the operation
 * must exist, the status must be documented for it, and the body must agree with the documented
 * schema of that status and content type. Remembers which statuses each operation was seen to
 * answer, so a test can demand that every operation was exercised.
 */
public final class ContractRecorder {

    private final Api api;
    private final OpenApiDocument document;
    private final SchemaCheck schemas;
    private final Map<String, Set<Integer>> seen = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();

    public ContractRecorder(Api api, OpenApiDocument document) {
        this.api = api;
        this.document = document;
        this.schemas = new SchemaCheck(document);
    }

    public Api.Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Api.Response send(String method, String path, String token, Object body) {
        String json = body == null ? null : body instanceof String s ? s : Api.json(body);
        Api.Response response = api.send(method, path, token, json);
        record(method, path, response);
        return response;
    }

    /** Checks one answer against the document; disagreements are collected, not thrown. */
    public void record(String method, String path, Api.Response response) {
        String where = method + " " + path + " → " + response.status();
        Optional<OpenApiDocument.Operation> operation = document.match(method, path);
        if (operation.isEmpty()) {
            disagreements.add(where + ": no such operation in the document");
            return;
        }
        seen.computeIfAbsent(operation.get().key(), k -> new TreeSet<>()).add(response.status());
        JsonNode documented = operation.get().responses().get(String.valueOf(response.status()));
        if (documented == null) {
            disagreements.add(where + ": status not documented for " + operation.get().operationId()
                    + " (documented: " + operation.get().responses().propertyNames() + "); body " + response.body());
            return;
        }
        documented = document.resolve(documented);
        boolean empty = response.body() == null || response.body().isEmpty();
        if (!documented.has("content")) {
            if (!empty) {
                disagreements.add(where + ": documented without a body, answered " + response.body());
            }
            return;
        }
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].strip();
        JsonNode media = documented.get("content").get(type);
        if (media == null) {
            disagreements.add(where + ": content type '" + type + "' not documented (documented: "
                    + documented.get("content").propertyNames() + ")");
            return;
        }
        if (!type.endsWith("json")) {
            return; // a document (PDF, XLSX, CSV): its type is documented, its bytes have no schema to check
        }
        JsonNode body = response.json();
        if (body == null) {
            disagreements.add(where + ": body is not JSON: " + response.body());
            return;
        }
        schemas.violations(media.get("schema"), body, "body").forEach(v -> disagreements.add(where + ": " + v));
    }

    /** Operation key ({@code GET /api/v1/users}) → statuses it answered. */
    public Map<String, Set<Integer>> seen() {
        return seen;
    }

    public List<String> disagreements() {
        return disagreements;
    }
}
