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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.xiaodai.support.IntegrationTest;

/**
 * Probes and metrics over real HTTP, anonymously, as a load balancer and Prometheus call them.
 * The application's security (a colleague's work) will permit exactly these paths anonymously;
 * until it does, {@link AnonymousOperationsEndpoints} stands in for that rule in this test.
 */
@IntegrationTest
@Import(OperationsEndpointsIntegrationTest.AnonymousOperationsEndpoints.class)
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
    void prometheusServesJvmAndDatabasePoolMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class AnonymousOperationsEndpoints {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain anonymousOperationsEndpoints(HttpSecurity http) throws Exception {
            return http.securityMatcher("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
