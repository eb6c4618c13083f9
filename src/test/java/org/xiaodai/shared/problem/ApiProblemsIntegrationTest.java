package org.xiaodai.shared.problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xiaodai.support.Api;
import org.xiaodai.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error under {@code /api} is an RFC 9457 problem detail with a stable {@code type} and a
 * title and detail in the caller's language, including the ones Spring MVC raises before any
 * controller runs (unknown path, wrong method, wrong media type) and never Spring Boot's default
 * {@code /error} body ({@code timestamp}, {@code status}, {@code error}, {@code path}).
 */
@IntegrationTest
class ApiProblemsIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** 10,000.00 at 12 % over 12 months: a request the calculator answers. */
    static final String VALID_TERMS = Api.json(Map.ofEntries(Map.entry("principal", "10000.00"),
            Map.entry("annualInterestRatePercent", "12"), Map.entry("currencyDigits", 2),
            Map.entry("roundingMode", "HALF_UP"), Map.entry("amortization", "EQUAL_INSTALLMENTS"),
            Map.entry("interestMethod", "DECLINING_BALANCE"), Map.entry("interestAccrual", "PER_PERIOD"),
            Map.entry("installmentBasis", "NOMINAL_PERIODIC_RATE"), Map.entry("numberOfRepayments", 12),
            Map.entry("repaymentEvery", 1), Map.entry("repaymentFrequency", "MONTHS"), Map.entry("daysInYear", "365"),
            Map.entry("daysInMonth", "ACTUAL"), Map.entry("disbursementDate", "2024-01-15"),
            Map.entry("firstRepaymentDate", "2024-02-15"), Map.entry("installmentAmountInMultiplesOf", "0.01"),
            Map.entry("graceOnPrincipalPeriods", 0), Map.entry("graceOnInterestPaymentPeriods", 0)));

    @LocalServerPort
    int port;
    String token;

    @BeforeEach
    void logIn() {
        token = new Api(port).token("a-admin", Api.DEMO_PASSWORD);
    }

    record Answer(int status, HttpResponse<String> response, JsonNode body) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String type() {
            return body.get("type").asString();
        }

        String title() {
            return body.get("title").asString();
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # method | path                                 | caller    | status | type     | zh title | en title
        GET      | /api/v1/no-such-thing                | bearer    | 404    | http-404 | 未找到   | Not found
        GET      | /api/v1/users/{id}/no-such-thing     | bearer    | 404    | http-404 | 未找到   | Not found
        GET      | /api/v1/calculator/no-such-thing     | anonymous | 404    | http-404 | 未找到   | Not found
        DELETE   | /api/v1/calculator/schedule          | anonymous | 405    | http-405 | 方法不允许 | Method not allowed
        GET      | /api/v1/auth/token                   | bearer    | 405    | http-405 | 方法不允许 | Method not allowed
        """)
    void answersUnmappedRequestsWithALocalisedProblemDetail(String method, String path, String caller, int status,
            String type, String zhTitle, String enTitle) {
        String resolved = path.replace("{id}", java.util.UUID.randomUUID().toString());
        String bearer = caller.equals("bearer") ? token : null;
        Answer zh = send(method, resolved, bearer, Map.of());
        Answer en = send(method, resolved, bearer, Map.of("Accept-Language", "en"));
        for (Answer answer : new Answer[] {zh, en}) {
            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.type()).isEqualTo(ProblemDetails.TYPE_BASE + type);
            assertThat(answer.body().get("status").asInt()).isEqualTo(status);
            assertThat(answer.body().has("timestamp")).as("not Spring Boot's /error body").isFalse();
            assertThat(answer.body().has("error")).as("not Spring Boot's /error body").isFalse();
        }
        assertThat(zh.title()).isEqualTo(zhTitle);
        assertThat(en.title()).isEqualTo(enTitle);
        assertThat(zh.body().get("detail").asString()).isNotEqualTo(en.body().get("detail").asString());
    }

    @Test
    void aWrongMethodSaysWhichMethodsAreAllowed() {
        Answer answer = send("DELETE", "/api/v1/calculator/schedule", null, Map.of());
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("POST");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() {
        Answer answer = send("POST", "/api/v1/calculator/schedule", null,
                Map.of("Content-Type", "text/plain", "Accept-Language", "en"), "principal=1");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.type()).isEqualTo(ProblemDetails.TYPE_BASE + "http-415");
        assertThat(answer.title()).isEqualTo("Unsupported media type");
        assertThat(answer.header("Accept")).contains("application/json");
    }

    @Test
    void aResponseTypeTheApiCannotProduceIsNotAcceptable() {
        Answer answer = send("POST", "/api/v1/calculator/schedule", null,
                Map.of("Content-Type", "application/json", "Accept", "application/xml"), VALID_TERMS);
        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.type()).isEqualTo(ProblemDetails.TYPE_BASE + "http-406");
        assertThat(answer.title()).isEqualTo("无法提供");
    }

    /**
     * Outside the public calculator an unknown path needs a caller first: the API chain
     * authenticates every request before it is routed, so an anonymous caller learns nothing
     * about which paths exist — and the answer is a problem detail too.
     */
    @Test
    void anAnonymousCallerOfAnUnknownPathIsAskedToAuthenticate() {
        Answer answer = send("GET", "/api/v1/no-such-thing", null, Map.of("Accept-Language", "en"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.type()).isEqualTo(ProblemDetails.TYPE_BASE + "unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    private Answer send(String method, String path, String bearer, Map<String, String> headers) {
        return send(method, path, bearer, headers, null);
    }

    private Answer send(String method, String path, String bearer, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
