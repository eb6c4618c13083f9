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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.xiaodai.shared.demo.DemoSeeding;

/**
 * The application under benchmark in its own JVM, so the load generator's CPU and garbage stay
 * out of its profile: the compiled classes on the runtime class path (system property
 * {@code xiaodai.bench.app-classpath}, set by {@code bench/run.sh}), an embedded PostgreSQL in a
 * throw-away directory that is deleted when the app stops, demo data on. Its log goes to
 * {@code target/bench/api-app.log}.
 */
final class BenchApp implements AutoCloseable {

    static final Path LOG = Path.of("target", "bench", "api-app.log");
    private final Process process;
    private final Path javaHome;
    private final Path pgData;

    private BenchApp(Process process, Path javaHome, Path pgData) {
        this.process = process;
        this.javaHome = javaHome;
        this.pgData = pgData;
    }

    /** CPU time consumed so far by the app's JVM, its PostgreSQL (postmaster and backends) and this JVM. */
    record Cpu(long appNanos, long databaseNanos, long generatorNanos) {

        Cpu minus(Cpu earlier) {
            return new Cpu(appNanos - earlier.appNanos, databaseNanos - earlier.databaseNanos,
                    generatorNanos - earlier.generatorNanos);
        }
    }

    Cpu cpu() {
        long database = postmaster().map(pm -> Stream.concat(Stream.of(pm), pm.descendants())
                .mapToLong(BenchApp::cpuNanos).sum()).orElse(0L);
        return new Cpu(cpuNanos(process.toHandle()), database, cpuNanos(ProcessHandle.current()));
    }

    private static long cpuNanos(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static BenchApp start(ApiBenchmark.Options options, Path dataDir) throws IOException, InterruptedException {
        String classpath = System.getProperty("xiaodai.bench.app-classpath");
        if (classpath == null) {
            throw new IllegalStateException("set -Dxiaodai.bench.app-classpath (bench/run.sh does)");
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xms512m", "-Xmx512m"));
        if (options.profile() != null) {
            // the default 64 frames cut a request's stack below the controller: whole stacks, so a sample can be
            // attributed to the request (controller method) it serves
            command.add("-XX:FlightRecorderOptions:stackdepth=1024");
        }
        command.addAll(List.of("-cp", classpath, "org.xiaodai.XiaodaiApplication",
                "--server.port=" + options.port(),
                "--server.address=127.0.0.1",
                "--xiaodai.embedded-db.port=" + options.dbPort(),
                "--xiaodai.embedded-db.data-dir=" + dataDir.resolve("pg"),
                "--xiaodai.embedded-db.ephemeral=true",
                "--xiaodai.demo=true",
                "--xiaodai.iam.bootstrap-admin-password=Bench@Root2026x",
                "--logging.structured.format.console="));
        command.addAll(options.appArgs());
        Files.createDirectories(LOG.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOG.toFile()).start();
        BenchApp app = new BenchApp(process, javaHome, dataDir.resolve("pg"));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        // a fresh database's migrations and the demo take long on a loaded shared machine (-Dxiaodai.bench.start-minutes)
        app.awaitHealthy("http://127.0.0.1:" + options.port() + "/actuator/health",
                Duration.ofMinutes(Integer.getInteger("xiaodai.bench.start-minutes", 8)));
        // loans booked in the background would be measured with the requests
        if (!options.appArgs().contains("--xiaodai.demo=false")) {
            app.awaitDemoQuiet(Duration.ofMinutes(Integer.getInteger("xiaodai.bench.start-minutes", 8)));
        }
        System.err.println("app up, pid " + process.pid() + ", args " + options.appArgs());
        return app;
    }

    private void awaitHealthy(String url, Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + LOG);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("the app did not become healthy in " + timeout + "; see " + LOG);
    }

    /** Waits for the app's log to say the demo seeders have all ended ({@link DemoSeeding#QUIET_MESSAGE}). */
    private void awaitDemoQuiet(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(LOG).contains(DemoSeeding.QUIET_MESSAGE)) {
                return;
            }
            Thread.sleep(500);
        }
        System.err.println("the demo seeders had not ended after " + timeout + "; measuring anyway");
    }

    /**
     * Starts a JFR recording in the app: the profile settings plus, on JDK 25+ (Linux), the CPU-time
     * sampler ({@code jdk.CPUTimeSample}, one sample per millisecond of a thread's CPU time, native
     * frames' time included), which gives some thirty times the samples of the 10 ms execution
     * sampler and counts only threads that burn CPU.
     */
    void startRecording() throws IOException, InterruptedException {
        if (Runtime.version().feature() >= 25) {
            jcmd("JFR.start", "name=bench", "settings=profile", "jdk.CPUTimeSample#enabled=true",
                    "jdk.CPUTimeSample#throttle=" + System.getProperty("xiaodai.bench.cpu-sample", "1ms"));
        } else {
            jcmd("JFR.start", "name=bench", "settings=profile");
        }
    }

    /**
     * CPU time of each of the app's threads so far, by kind (request carriers, collector, compiler,
     * …), from {@code /proc/<pid>/task/<tid>/stat}; empty where there is no {@code /proc}. Threads
     * that ended in between are lost, so compare two of these over a round only for the long-lived
     * ones (all but short-lived platform threads).
     */
    Map<String, Long> threadCpu() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long tick = 10_000_000L; // USER_HZ is 100 on Linux
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    byKind.merge(threadKind(name), ticks * tick, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byKind;
    }

    private static String threadKind(String name) {
        if (name.startsWith("ForkJoinPool") || name.startsWith("tomcat-handler")) {
            return "virtual-thread carriers (requests)";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Periodic Tas")) {
            return name.startsWith("VM") ? "VM periodic" : "garbage collector";
        }
        if (name.startsWith("C2 ") || name.startsWith("C1 ")) {
            return "JIT compiler";
        }
        if (name.startsWith("JFR") || name.equals("Notification Th")) {
            return "JFR and notifications";
        }
        if (name.startsWith("http-nio") || name.contains("Poller")) {
            return "Tomcat acceptor and pollers";
        }
        if (name.startsWith("VM Thread")) {
            return "VM thread (safepoints)";
        }
        return "other: " + name.replaceAll("\\d+", "N");
    }

    void stopRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench", "filename=" + file);
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/jcmd").toString(),
                Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + output);
        }
    }

    /**
     * SIGTERM, so the app stops its embedded PostgreSQL (and deletes its data); SIGKILL after a
     * minute, and then the postmaster it started is stopped by its pid.
     */
    private synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                postmaster().ifPresent(ProcessHandle::destroy);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
