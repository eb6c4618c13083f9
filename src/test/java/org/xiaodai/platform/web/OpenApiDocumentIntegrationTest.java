package org.xiaodai.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import org.xiaodai.support.openapi.ApiDocuments;
import org.xiaodai.support.openapi.OpenApiDocument;
import org.xiaodai.support.openapi.OpenApiLint;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document the running application serves is the one committed in
 * {@code src/test/resources/openapi/api-v1.json} (from which the build generates the Java client of
 * the flow test), and it passes the lint: Redocly's recommended rules and the house rules (a
 * summary, a stable operationId, permission and scope, problem responses for every error).
 */
@IntegrationTest
class OpenApiDocumentIntegrationTest {

    @LocalServerPort
    int port;
    JsonNode served;

    @BeforeEach
    void fetch() {
        Api.Response docs = new Api(port).get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        served = docs.json();
    }

    @Test
    void theCommittedDocumentIsWhatTheApplicationServes() throws IOException {
        Path committed = ApiDocuments.committedDocument();
        if (Boolean.getBoolean("xiaodai.openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, ApiDocuments.pretty(served), StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(committed)).as("%s is missing; %s", committed, ApiDocuments.HOW_TO_REFRESH).isTrue();
        JsonNode expected = ApiDocuments.read(committed);
        List<String> differences = new ArrayList<>();
        ApiDocuments.diff("", expected, served, differences);
        assertThat(differences).as("""
                The API document the application serves differs from %s (first differences below).
                If the change is intended, %s, check the diff with git and commit it; \
                ApiCompatibilityTest then says whether the change is allowed under /api/v1.""",
                committed, ApiDocuments.HOW_TO_REFRESH).isEmpty();
    }

    @Test
    void theServedDocumentPassesTheLint() {
        assertThat(OpenApiLint.check(new OpenApiDocument(served))).isEmpty();
    }
}
