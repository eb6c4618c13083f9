package org.xiaodai.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.xiaodai.support.OriginationFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The origination API under load (issue 10, item 13): the app in its own JVM on a throw-away embedded
 * PostgreSQL (demo region on, audit trail and tenant wall as always), {@code --connections} clients
 * (32) each running create → submit (bureau, checks, score, matrix: automatic approval and the
 * contract in the same transaction) → GET contract → accept, on fresh synthetic customers with a live
 * credit-bureau consent, made before the clock starts. Prints
 * {@code {"benchmark":"origination","applicationsPerSecond":…,"p50Ms":…,"p99Ms":…}} per round and
 * the median of the rounds. The velocity check (N per client address per hour) is raised for the run,
 * since every client comes from 127.0.0.1. {@code --profile DIR} records the last round with JFR into
 * {@code DIR/origination.jfr} and prints where the app's CPU time goes.
 */
public final class OriginationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OriginationBenchmark() {
    }

    record Round(double applicationsPerSecond, double p50Ms, double p99Ms, long applications, long errors) {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int customersPerClient = intOption(rest, "--customers-per-client", 150);
        List<String> forwarded = new ArrayList<>(rest);
        forwarded.addAll(List.of("--port", option(rest, "--port", "18490"), "--db-port", option(rest, "--db-port", "15490"),
                "--app-arg", "--xiaodai.origination.max-applications-per-hour=100000000"));
        ApiBenchmark.Options options = ApiBenchmark.Options.parse(strip(forwarded));
        Path dataDir = Files.createTempDirectory("xiaodai-bench-origination");
        try (BenchApp app = BenchApp.start(options, dataDir)) {
            String base = "http://127.0.0.1:" + options.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String admin = token(http, base, "a-admin");
            String officer = token(http, base, "a-officer");
            awaitQuiet(app, Duration.ofMinutes(3));
            String product = send(http, base, "POST", "/api/v1/products", admin, productBody()).get("id").asString();
            int clients = options.connections();
            System.err.println("making " + clients * customersPerClient + " customers with consents");
            ConcurrentLinkedQueue<String> customers = new ConcurrentLinkedQueue<>();
            runParallel(clients, c -> {
                for (int i = 0; i < customersPerClient; i++) {
                    String id = send(http, base, "POST", "/api/v1/customers", officer, customer()).get("id").asString();
                    send(http, base, "POST", "/api/v1/customers/" + id + "/consents", officer,
                            Map.of("purpose", "CREDIT_BUREAU_QUERY", "channel", "ONLINE", "textVersion", "CB-2026.1"));
                    customers.add(id);
                }
            });
            System.err.println("customers ready: " + customers.size());
            run(http, base, officer, product, customers, clients, options.warmup());
            countStatements(dataDir, options.dbPort(), http, base, officer, product, customers,
                    intOption(rest, "--count-applications", 20));
            List<Round> rounds = new ArrayList<>();
            for (int r = 0; r < options.rounds() && !customers.isEmpty(); r++) {
                boolean profiled = options.profile() != null && r == options.rounds() - 1;
                if (profiled) {
                    app.startRecording();
                }
                BenchApp.Cpu before = app.cpu();
                Map<String, Long> threadsBefore = app.threadCpu();
                String loadBefore = loadAverage();
                Round round = run(http, base, officer, product, customers, clients, options.seconds());
                BenchApp.Cpu cpu = app.cpu().minus(before);
                Map<String, Long> threads = app.threadCpu();
                double n = Math.max(1, round.applications());
                System.err.printf("round %d cpu per application: app %.1f ms, PostgreSQL %.1f ms, load generator %.1f ms"
                                + " (load average %s → %s)%n", r + 1, cpu.appNanos() / n / 1e6, cpu.databaseNanos() / n / 1e6,
                        cpu.generatorNanos() / n / 1e6, loadBefore, loadAverage());
                threads.forEach((kind, nanos) -> {
                    long used = nanos - threadsBefore.getOrDefault(kind, 0L);
                    if (used > 0) {
                        System.err.printf("  app threads, %-40s %6.2f ms per application%n", kind, used / n / 1e6);
                    }
                });
                if (profiled) {
                    Files.createDirectories(options.profile());
                    app.stopRecording(options.profile().resolve("origination.jfr"));
                }
                rounds.add(round);
                System.out.println(line(round, "round", r + 1));
            }
            rounds.sort((a, b) -> Double.compare(a.applicationsPerSecond(), b.applicationsPerSecond()));
            Round median = rounds.get(rounds.size() / 2);
            System.out.println(line(median, "median", rounds.size()));
            if (options.profile() != null) {
                JfrSummary.print(options.profile().resolve("origination.jfr"), System.err);
            }
        }
    }

    private static Round run(HttpClient http, String base, String token, String product,
                             ConcurrentLinkedQueue<String> customers, int clients, double seconds) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        runParallel(clients, c -> {
            List<Long> mine = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                String customer = customers.poll();
                if (customer == null) {
                    break;
                }
                try {
                    Map<String, Object> body = OriginationFixtures.application(customer, product, "30000");
                    String id = timed(mine, () -> send(http, base, "POST", "/api/v1/applications", token, body))
                            .get("id").asString();
                    JsonNode submitted = timed(mine, () -> send(http, base, "POST", "/api/v1/applications/" + id + "/submit",
                            token, Map.of("deviceFingerprint", "bench-" + id)));
                    if (submitted.get("contractId").isNull()) {
                        errors.incrementAndGet();
                        continue;
                    }
                    String contract = submitted.get("contractId").asString();
                    timed(mine, () -> send(http, base, "GET", "/api/v1/contracts/" + contract, token, null));
                    timed(mine, () -> send(http, base, "POST", "/api/v1/contracts/" + contract + "/accept", token,
                            Map.of("textVersion", "XD-LOAN-2026.1")));
                    done.incrementAndGet();
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }
            latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Round(done.get() / elapsed, percentile(all, 50), percentile(all, 99), done.get(), errors.get());
    }

    /**
     * Statements per application: {@code count} applications run one after another by one client
     * while PostgreSQL logs every statement ({@code log_statement=all}, set by the superuser and
     * reset after), outside the timed rounds; prints the total per application and the most
     * frequent statements (their first words), so a change is judged by the statements it saves.
     */
    private static void countStatements(Path dataDir, int dbPort, HttpClient http, String base, String token,
                                        String product, ConcurrentLinkedQueue<String> customers, int count)
            throws Exception {
        if (count <= 0) {
            return;
        }
        java.util.Properties credentials = new java.util.Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("pg").resolve("xiaodai-credentials.properties"))) {
            credentials.load(in);
        }
        Path pgLog = dataDir.resolve("pg.log");
        String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/xiaodai";
        long from;
        int applications = 0;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", credentials.getProperty("superuser"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("alter system set log_statement = 'all'");
            st.execute("select pg_reload_conf()");
            Thread.sleep(500);
            from = Files.size(pgLog);
            try {
                for (int i = 0; i < count; i++) {
                    String customer = customers.poll();
                    if (customer == null) {
                        break;
                    }
                    Map<String, Object> body = OriginationFixtures.application(customer, product, "30000");
                    String id = send(http, base, "POST", "/api/v1/applications", token, body).get("id").asString();
                    String contract = send(http, base, "POST", "/api/v1/applications/" + id + "/submit", token,
                            Map.of("deviceFingerprint", "bench-" + id)).get("contractId").asString();
                    send(http, base, "GET", "/api/v1/contracts/" + contract, token, null);
                    send(http, base, "POST", "/api/v1/contracts/" + contract + "/accept", token,
                            Map.of("textVersion", "XD-LOAN-2026.1"));
                    applications++;
                }
            } finally {
                st.execute("alter system reset log_statement");
                st.execute("select pg_reload_conf()");
            }
        }
        Thread.sleep(500);
        byte[] bytes = Files.readAllBytes(pgLog);
        String logged = new String(bytes, (int) from, bytes.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Integer> byText = new java.util.HashMap<>();
        int total = 0;
        for (String line : logged.split("\n")) {
            int at = line.indexOf("LOG:  execute ");
            int text = at >= 0 ? line.indexOf(": ", at + 14) + 2 : -1;
            if (at < 0) {
                at = line.indexOf("LOG:  statement: ");
                text = at >= 0 ? at + 17 : -1;
            }
            if (text <= 1 || line.contains("alter system") || line.contains("pg_reload_conf")) {
                continue;
            }
            total++;
            String sql = line.substring(text).trim().replaceAll("\\s+", " ");
            byText.merge(sql.substring(0, Math.min(70, sql.length())), 1, Integer::sum);
        }
        int n = Math.max(1, applications);
        System.err.printf("statements per application: %.1f (%d statements, %d applications, log_statement=all)%n",
                (double) total / n, total, applications);
        byText.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(70)
                .forEach(e -> System.err.printf("  %6.2f  %s%n", (double) e.getValue() / n, e.getKey()));
        System.out.println("{\"benchmark\":\"origination\",\"statementsPerApplication\":%.1f,\"applications\":%d}"
                .formatted((double) total / n, applications));
    }

    /** The first three fields of {@code /proc/loadavg}, or "?" where there is none. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private interface Call {
        JsonNode call();
    }

    private static JsonNode timed(List<Long> latencies, Call call) {
        long t = System.nanoTime();
        JsonNode result = call.call();
        latencies.add(System.nanoTime() - t);
        return result;
    }

    private interface Work {
        void run(int client) throws Exception;
    }

    private static void runParallel(int clients, Work work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    work.run(client);
                } catch (Exception e) {
                    System.err.println("client " + client + " stopped: " + e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static JsonNode send(HttpClient http, String base, String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(HttpClient http, String base, String username) {
        return send(http, base, "POST", "/api/v1/auth/token", null, Map.of("username", username, "password", "Demo@2026xd"))
                .get("token").asString();
    }

    /**
     * {@link BenchApp#start} already waited for the demo's seeders to end; the listeners they set off
     * (notifications, collections) may still be working, and their statements and CPU would be counted
     * against the applications. Waits until the app and its PostgreSQL together use less than 5 % of a
     * core over two seconds.
     */
    private static void awaitQuiet(BenchApp app, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            BenchApp.Cpu before = app.cpu();
            Thread.sleep(2000);
            BenchApp.Cpu used = app.cpu().minus(before);
            if (used.appNanos() + used.databaseNanos() < 100_000_000L) {
                return;
            }
        }
        System.err.println("the app is still busy after " + timeout + "; measuring anyway");
    }

    private static Map<String, Object> customer() {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(9000));
        String id = OriginationFixtures.residentId("330106", birth);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "INDIVIDUAL");
        body.put("name", "压测客户" + id.substring(12));
        body.put("idNumber", id);
        body.put("mobile", "13" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L)));
        body.put("regionCode", "330106");
        body.put("monthlyIncome", "9000.00");
        return body;
    }

    private static Map<String, Object> productBody() {
        return org.xiaodai.support.ProductFixtures.body();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
    }

    private static String line(Round r, String kind, int n) {
        return "{\"benchmark\":\"origination\",\"applicationsPerSecond\":%.1f,\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"%s\":%d,\"applications\":%d,\"errors\":%d,\"requestsPerApplication\":4}"
                .formatted(r.applicationsPerSecond(), r.p50Ms(), r.p99Ms(), kind, n, r.applications(), r.errors());
    }

    private static int intOption(List<String> args, String name, int fallback) {
        return Integer.parseInt(option(args, name, String.valueOf(fallback)));
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    /** Removes this benchmark's own options and duplicates, keeping the last value of each. */
    private static String[] strip(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> appArgs = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals("--app-arg")) {
                appArgs.add(args.get(i + 1));
            } else if (!args.get(i).equals("--customers-per-client") && !args.get(i).equals("--count-applications")) {
                values.put(args.get(i), args.get(i + 1));
            }
        }
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.addAll(List.of(k, v)));
        appArgs.forEach(a -> out.addAll(List.of("--app-arg", a)));
        return out.toArray(String[]::new);
    }
}
