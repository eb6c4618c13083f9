package org.xiaodai.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny real-HTTP client for API tests: JSON in, status and JSON out. */
public final class Api {

    public static final String DEMO_PASSWORD = "Demo@2026xd";
    public static final String ADMIN_PASSWORD = "Root@Test2026x";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, raw body, content type and the body as JSON (null when not JSON). */
    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (RuntimeException e) {
                return null;
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public String token(String username, String password) {
        Response r = send("POST", "/api/v1/auth/token", null, json(Map.of("username", username, "password", password)));
        if (r.status() != 200) {
            throw new IllegalStateException("Cannot log in " + username + ": " + r.status() + " " + r.body());
        }
        return r.json().get("token").asString();
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body instanceof String s ? s : json(body));
    }

    public Response send(String method, String path, String token, String body) {
        return send(method, path, token, body, "application/json", null);
    }

    public Response send(String method, String path, String token, String body, String contentType, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
