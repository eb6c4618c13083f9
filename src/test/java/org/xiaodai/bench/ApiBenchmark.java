package org.xiaodai.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authenticated API hot path against the cheapest request, measured by one load generator in
 * one run: {@code ./bench/run.sh api}. It starts the real application (compiled classes, embedded
 * PostgreSQL in a throw-away directory, demo data), takes a bearer token for {@code a-admin},
 * makes sure the admin's user list has 50 rows, and then drives {@link HttpLoad} (32 keep-alive
 * connections to 127.0.0.1 by default) against, in turn:
 * <ul>
 * <li>{@code GET /actuator/health}, anonymous: the framework's own cost;</li>
 * <li>{@code GET /api/v1/users/{id}} of another user in the admin's scope: token → principal →
 * scoped query → JSON;</li>
 * <li>{@code GET /api/v1/users}: the same path with a scoped list of 50 rows.</li>
 * </ul>
 * After a warm-up of each, every round measures the three back to back, so that the ratios of a
 * round share the machine's conditions; the JSON line gives the median over the rounds (the ratio
 * is the median of the per-round ratios). Not a test: no surefire pattern matches it.
 *
 * <p>Options: {@code --rounds N} (3), {@code --seconds S} per endpoint and round (10),
 * {@code --warmup S} per endpoint and cycle (5), {@code --warmup-requests N} each endpoint must have
 * answered before measuring (20000), {@code --connections N} (32), {@code --port P} (18480),
 * {@code --db-port P} (15480), {@code --profile DIR} (records each endpoint of the last round with
 * JFR into {@code DIR/<endpoint>.jfr} and prints where the app's CPU time goes), {@code --app-arg ARG} (repeatable, passed
 * to the application, e.g. {@code --app-arg --xiaodai.embedded-db.pool-size=4}).
 */
public final class ApiBenchmark {

    static final String ADMIN = "a-admin";
    static final String DEMO_PASSWORD = "Demo@2026xd";
    static final int LIST_ROWS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiBenchmark() {
    }

    record Options(int rounds, double seconds, double warmup, long warmupRequests, int connections, int port,
                   int dbPort, Path profile, List<String> appArgs) {

        static Options parse(String[] args) {
            int rounds = 3;
            double seconds = 10;
            double warmup = 5;
            long warmupRequests = 20_000;
            int connections = 32;
            int port = 18480;
            int dbPort = 15480;
            Path profile = null;
            List<String> appArgs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                    case "--warmup-requests" -> warmupRequests = Long.parseLong(args[++i]);
                    case "--connections" -> connections = Integer.parseInt(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--db-port" -> dbPort = Integer.parseInt(args[++i]);
                    case "--profile" -> profile = Path.of(args[++i]).toAbsolutePath();
                    case "--app-arg" -> appArgs.add(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
            }
            if (port == 8080 || dbPort == 15432) {
                throw new IllegalArgumentException("ports 8080 and 15432 belong to the developer's own app");
            }
            return new Options(rounds, seconds, warmup, warmupRequests, connections, port, dbPort, profile,
                    List.copyOf(appArgs));
        }
    }

    /** One endpoint's measurement and the CPU it cost. */
    record Measured(HttpLoad.Result result, BenchApp.Cpu cpu) {

        double perSecond() {
            return result.perSecond();
        }

        /** CPU microseconds per answered request: app JVM / PostgreSQL / load generator. */
        String cpuPerRequest() {
            double n = Math.max(1, result.responses() + result.errors());
            return "cpu/req app %.0f µs db %.0f µs gen %.0f µs".formatted(cpu.appNanos() / n / 1e3,
                    cpu.databaseNanos() / n / 1e3, cpu.generatorNanos() / n / 1e3);
        }
    }

    /** One round's three measurements. */
    record Round(Measured health, Measured getById, Measured list) {

        double ratio() {
            return getById.perSecond() / health.perSecond();
        }

        double listRatio() {
            return list.perSecond() / health.perSecond();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dataDir = Files.createTempDirectory("xiaodai-bench-api");
        try (BenchApp app = BenchApp.start(options, dataDir)) {
            String base = "http://127.0.0.1:" + options.port();
            String token = token(base);
            List<JsonNode> users = ensureListRows(base, token);
            String otherId = users.stream().filter(u -> !u.get("username").asString().equals(ADMIN))
                    .findFirst().orElseThrow().get("id").asString();
            String getById = "/api/v1/users/" + otherId;
            String list = "/api/v1/users";
            HttpLoad load = new HttpLoad(options.port(), options.connections());
            warmUp(load, List.of("/actuator/health", getById, list), token, options);
            List<Round> rounds = new ArrayList<>();
            for (int r = 0; r < options.rounds(); r++) {
                boolean last = r == options.rounds() - 1;
                Path profile = last ? options.profile() : null;
                Measured health = measure(app, load, "/actuator/health", null, options.seconds(), profile, "health");
                Measured byId = measure(app, load, getById, token, options.seconds(), profile, "getById");
                Measured rows = measure(app, load, list, token, options.seconds(), profile, "list");
                Round round = new Round(health, byId, rows);
                rounds.add(round);
                System.err.printf("round %d: ratio %.2f listRatio %.2f%n  health   %s%n  getById  %s%n  list     %s%n",
                        r + 1, round.ratio(), round.listRatio(), describe(health), describe(byId), describe(rows));
            }
            System.out.println(summary(rounds, users.size(), options));
            if (options.profile() != null) {
                for (String name : List.of("health", "getById", "list")) {
                    JfrSummary.print(options.profile().resolve(name + ".jfr"), System.err);
                }
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    /**
     * Each endpoint for {@code --warmup} seconds, in turn, again until every one has answered
     * {@code --warmup-requests} times (so the JIT has compiled its path however slow the machine
     * is today), at most {@value #MAX_WARMUP_CYCLES} cycles.
     */
    private static void warmUp(HttpLoad load, List<String> paths, String token, Options options)
            throws InterruptedException {
        long[] answered = new long[paths.size()];
        for (int cycle = 1; cycle <= MAX_WARMUP_CYCLES; cycle++) {
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                HttpLoad.Result warm = load.run(path, path.startsWith("/api") ? token : null, options.warmup());
                answered[i] += warm.responses();
                System.err.printf("warm-up %d %-50s %8.0f/s errors %d%n", cycle, path, warm.perSecond(), warm.errors());
            }
            if (java.util.Arrays.stream(answered).allMatch(n -> n >= options.warmupRequests())) {
                return;
            }
        }
    }

    private static final int MAX_WARMUP_CYCLES = 6;

    /** One timed run; with {@code profileDir} the app records it with JFR into {@code <profileDir>/<name>.jfr}. */
    private static Measured measure(BenchApp app, HttpLoad load, String path, String token, double seconds,
                                    Path profileDir, String name) throws InterruptedException, IOException {
        if (profileDir != null) {
            app.startRecording();
        }
        BenchApp.Cpu before = app.cpu();
        HttpLoad.Result result = load.run(path, token, seconds);
        BenchApp.Cpu cpu = app.cpu().minus(before);
        if (profileDir != null) {
            Files.createDirectories(profileDir);
            app.stopRecording(profileDir.resolve(name + ".jfr"));
        }
        return new Measured(result, cpu);
    }

    private static String describe(Measured measured) {
        HttpLoad.Result result = measured.result();
        return "%.0f/s mean %.1f ms p99 %.1f ms %s%s".formatted(result.perSecond(), result.meanMillis(),
                result.percentileMillis(99), measured.cpuPerRequest(),
                result.errors() == 0 ? "" : " errors " + result.errors());
    }

    static String summary(List<Round> rounds, int listRows, Options options) {
        long errors = rounds.stream().mapToLong(r -> r.health().result().errors() + r.getById().result().errors()
                + r.list().result().errors()).sum();
        return ("{\"benchmark\":\"api\",\"healthPerSecond\":%d,\"getByIdPerSecond\":%d,\"listPerSecond\":%d,"
                + "\"ratio\":%.2f,\"getByIdP99Ms\":%.1f,\"listRatio\":%.2f,\"getByIdMeanMs\":%.1f,\"listP99Ms\":%.1f,"
                + "\"listRows\":%d,\"connections\":%d,\"rounds\":%d,\"secondsPerRound\":%s,\"errors\":%d}")
                .formatted(Math.round(median(rounds, r -> r.health().perSecond())),
                        Math.round(median(rounds, r -> r.getById().perSecond())),
                        Math.round(median(rounds, r -> r.list().perSecond())),
                        median(rounds, Round::ratio), median(rounds, r -> r.getById().result().percentileMillis(99)),
                        median(rounds, Round::listRatio), median(rounds, r -> r.getById().result().meanMillis()),
                        median(rounds, r -> r.list().result().percentileMillis(99)), listRows, options.connections(),
                        rounds.size(), trim(options.seconds()), errors);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> metric) {
        double[] values = rounds.stream().mapToDouble(metric).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String token(String base) throws IOException, InterruptedException {
        JsonNode body = send(base, "POST", "/api/v1/auth/token", null,
                Map.of("username", ADMIN, "password", DEMO_PASSWORD), 200);
        return body.get("token").asString();
    }

    /** The admin's list, grown with users of the admin's institution until it has exactly 50 rows. */
    private static List<JsonNode> ensureListRows(String base, String token) throws IOException, InterruptedException {
        List<JsonNode> users = listUsers(base, token);
        for (int i = users.size(); i < LIST_ROWS; i++) {
            send(base, "POST", "/api/v1/users", token, Map.of("username", "bench-%03d".formatted(i),
                    "displayName", "压测用户 " + i, "dataScope", "OWN", "initialPassword", "Bench@2026pw" + i), 201);
        }
        users = listUsers(base, token);
        if (users.size() != LIST_ROWS) {
            System.err.println("warning: the list has " + users.size() + " rows, not " + LIST_ROWS);
        }
        return users;
    }

    private static List<JsonNode> listUsers(String base, String token) throws IOException, InterruptedException {
        List<JsonNode> users = new ArrayList<>();
        send(base, "GET", "/api/v1/users", token, null, 200).forEach(users::add);
        return users;
    }

    static JsonNode send(String base, String method, String path, String token, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
