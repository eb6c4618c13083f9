package org.xiaodai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;

/**
 * {@link ResponseBuffering}: a response above Tomcat's default 8 KiB buffer but within
 * {@link ResponseBuffering.BYTES} leaves the app whole, with its {@code Content-Length}, not chunked.
 */
@IntegrationTest
class ResponseBufferingIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void a_list_of_more_than_8_kib_is_sent_whole_with_its_length() throws Exception {
        Api api = new Api(port);
        String admin = api.token("a-admin", Api.DEMO_PASSWORD);
        HttpResponse<byte[]> list = get("/api/v1/users", admin);
        for (int i = 0; list.body().length <= 8 * 1024 && i < 60; i++) {
            assertThat(api.post("/api/v1/users", admin, Map.of("username", "buf-" + UUID.randomUUID().toString().substring(0, 8),
                    "displayName", "缓冲测试", "dataScope", "INSTITUTION", "initialPassword", "Buffer@2026x" + i)).status())
                    .isEqualTo(201);
            list = get("/api/v1/users", admin);
        }
        assertThat(list.statusCode()).isEqualTo(200);
        int length = list.body().length;
        assertThat(length).as("the list outgrew Tomcat's default buffer").isGreaterThan(8 * 1024);
        if (length <= ResponseBuffering.BYTES) {
            assertThat(list.headers().firstValue("Content-Length")).hasValue(Integer.toString(length));
            assertThat(list.headers().firstValue("Transfer-Encoding")).isEmpty();
        } else {
            assertThat(list.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        }
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .version(HttpClient.Version.HTTP_1_1).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
