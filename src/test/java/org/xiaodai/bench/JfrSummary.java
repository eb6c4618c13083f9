package org.xiaodai.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU went during a JFR recording, from its {@code jdk.ExecutionSample} events:
 * the share of each layer (driver, pool, JSON, Spring Security, MVC, Tomcat, …), the inclusive
 * share of a few units of work (token resolution, the controller's service call, transactions),
 * the hottest methods by own time, and the collector's pauses. Also runnable on its own:
 * {@code java -cp … org.xiaodai.bench.JfrSummary recording.jfr}.
 */
final class JfrSummary {

    /**
     * Inclusive: a sample counts in every one of these its stack passes through. Only units of work
     * that call nothing of the rest of the request (not filters, which call the rest of the chain).
     */
    private static final Map<String, String> INCLUSIVE = new LinkedHashMap<>();

    /**
     * Exclusive: a sample counts once, for the first of these met walking from the sampled frame
     * towards the thread's root, so a JDK collection called by Spring Security counts as Spring
     * Security. Order matters where prefixes nest.
     */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        INCLUSIVE.put("token → principal (ApiTokens.resolve)", "org.xiaodai.iam.internal.ApiTokens.resolve");
        INCLUSIVE.put("controller's service call (Users.get / visibleTo)", "org.xiaodai.iam.internal.Users.");
        INCLUSIVE.put("tenant setting (TenantWall.apply)", "org.xiaodai.shared.tenant.TenantWall.apply");
        INCLUSIVE.put("transaction begin/commit (spring-tx)", "org.springframework.transaction.");
        INCLUSIVE.put("DB health check", "org.springframework.boot.jdbc.health.");
        INCLUSIVE.put("@PreAuthorize (method security)", "org.springframework.security.authorization.method.");

        LAYERS.put("JDBC driver (org.postgresql)", "org.postgresql.");
        LAYERS.put("connection pool (Hikari)", "com.zaxxer.hikari.");
        LAYERS.put("JSON (Jackson)", "tools.jackson.");
        LAYERS.put("SpEL", "org.springframework.expression.");
        LAYERS.put("spring-tx / spring-jdbc", "org.springframework.transaction.|org.springframework.jdbc.");
        LAYERS.put("Micrometer observations and metrics", "io.micrometer.|org.springframework.boot.micrometer.");
        LAYERS.put("Spring Security", "org.springframework.security.");
        LAYERS.put("Actuator", "org.springframework.boot.actuate.|org.springframework.boot.health.");
        LAYERS.put("Spring MVC / web", "org.springframework.web.|org.springframework.http.");
        LAYERS.put("Spring core (AOP, beans, conversion)", "org.springframework.");
        LAYERS.put("project code (org.xiaodai)", "org.xiaodai.");
        LAYERS.put("logging", "ch.qos.logback.|org.slf4j.");
        LAYERS.put("Tomcat", "org.apache.catalina.|org.apache.coyote.|org.apache.tomcat.");
        LAYERS.put("sockets and NIO (JDK)", "sun.nio.|java.net.|sun.net.");
        LAYERS.put("virtual-thread scheduling (JDK)", "java.lang.VirtualThread|jdk.internal.vm.|java.util.concurrent.ForkJoin");
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]), System.out);
    }

    static void print(Path recording, PrintStream out) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = zeroes(INCLUSIVE);
        Map<String, Integer> layers = zeroes(LAYERS);
        layers.put("other (JDK, JIT-less frames)", 0);
        int samples = 0;
        Duration gcPauses = Duration.ZERO;
        int collections = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                collections++;
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<String> frames = event.getStackTrace().getFrames().stream().map(f -> name(f.getMethod())).toList();
            if (!frames.isEmpty()) {
                self.merge(frames.getFirst(), 1, Integer::sum);
            }
            Set<String> hit = new HashSet<>();
            frames.forEach(frame -> INCLUSIVE.forEach((bucket, prefix) -> {
                if (frame.startsWith(prefix)) {
                    hit.add(bucket);
                }
            }));
            hit.forEach(b -> inclusive.merge(b, 1, Integer::sum));
            layers.merge(layer(frames), 1, Integer::sum);
        }
        int total = Math.max(samples, 1);
        out.printf("JFR %s: %d CPU samples, %d collections, %d ms of GC pauses%n", recording.getFileName(), samples,
                collections, gcPauses.toMillis());
        out.println("by layer (each sample once, the innermost layer it is in):");
        layers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        out.println("inclusive (a sample counts in each it passes through):");
        inclusive.forEach((bucket, n) -> out.printf("  %5.1f %%  %s%n", 100.0 * n / total, bucket));
        out.println("hottest methods by own time:");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String layer(List<String> frames) {
        for (String frame : frames) {
            for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                for (String prefix : layer.getValue().split("\\|")) {
                    if (frame.startsWith(prefix)) {
                        return layer.getKey();
                    }
                }
            }
        }
        return "other (JDK, JIT-less frames)";
    }

    private static Map<String, Integer> zeroes(Map<String, String> buckets) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        buckets.keySet().forEach(b -> counts.put(b, 0));
        return counts;
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
