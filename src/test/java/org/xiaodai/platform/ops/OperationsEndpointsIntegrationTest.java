package org.xiaodai.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.IntegrationTest;

/**
 * Probes and metrics over real HTTP, anonymously, as a load balancer and Prometheus call them.
 * The application's own security configuration must let exactly these through anonymously.
 */
@IntegrationTest
class OperationsEndpointsIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"})
    void healthProbesReportUp(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusNeedsTheMetricsPermission() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).as("anonymous").isEqualTo(401);
        org.xiaodai.support.Api api = new org.xiaodai.support.Api(port);
        org.xiaodai.support.Api.Response institutionAdmin = api.get("/actuator/prometheus",
                api.token("a-admin", org.xiaodai.support.Api.DEMO_PASSWORD));
        assertThat(institutionAdmin.status()).as("an institution admin holds no ops:metrics:view").isEqualTo(403);
        assertThat(institutionAdmin.isProblem()).isTrue();
    }

    @Test
    void prometheusServesJvmAndDatabasePoolMetricsToTheOperator() throws Exception {
        String token = new org.xiaodai.support.Api(port).token("admin", org.xiaodai.support.Api.ADMIN_PASSWORD);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
