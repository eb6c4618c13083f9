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
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU went during a JFR recording, from its {@code jdk.ExecutionSample} events:
 * the hottest methods by own time, the project's and the main libraries' share by inclusive
 * time, and the collector's pauses. Also runnable on its own:
 * {@code java -cp … org.xiaodai.bench.JfrSummary recording.jfr}.
 */
final class JfrSummary {

    /** Inclusive buckets, in the order printed: a sample counts once in every bucket its stack touches. */
    private static final Map<String, String> BUCKETS = new LinkedHashMap<>();

    static {
        BUCKETS.put("bearer token filter (token → principal)", "org.xiaodai.iam.internal.BearerTokenFilter.doFilterInternal");
        BUCKETS.put("  token resolution (ApiTokens.resolve)", "org.xiaodai.iam.internal.ApiTokens.resolve");
        BUCKETS.put("controller call (Users.get / visibleTo)", "org.xiaodai.iam.internal.Users.");
        BUCKETS.put("JSON writing (Jackson)", "tools.jackson.");
        BUCKETS.put("JDBC driver (org.postgresql)", "org.postgresql.");
        BUCKETS.put("connection pool (Hikari)", "com.zaxxer.hikari.");
        BUCKETS.put("transactions (spring-tx)", "org.springframework.transaction.");
        BUCKETS.put("tenant setting (TenantWall.apply)", "org.xiaodai.shared.tenant.TenantWall.apply");
        BUCKETS.put("Spring Security filters", "org.springframework.security.web.");
        BUCKETS.put("method security (@PreAuthorize)", "org.springframework.security.authorization.method.");
        BUCKETS.put("Micrometer observation", "io.micrometer.");
        BUCKETS.put("socket I/O (sun.nio.ch)", "sun.nio.ch.");
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]), System.out);
    }

    static void print(Path recording, PrintStream out) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> buckets = new LinkedHashMap<>();
        BUCKETS.keySet().forEach(b -> buckets.put(b, 0));
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
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.getFirst().getMethod()), 1, Integer::sum);
            }
            Set<String> hit = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                BUCKETS.forEach((bucket, prefix) -> {
                    if (name.startsWith(prefix)) {
                        hit.add(bucket);
                    }
                });
            }
            hit.forEach(b -> buckets.merge(b, 1, Integer::sum));
        }
        int total = Math.max(samples, 1);
        out.printf("JFR %s: %d CPU samples, %d collections, %d ms of GC pauses%n", recording.getFileName(), samples,
                collections, gcPauses.toMillis());
        out.println("inclusive share of CPU samples:");
        buckets.forEach((bucket, n) -> out.printf("  %5.1f %%  %s%n", 100.0 * n / total, bucket));
        out.println("hottest methods by own time:");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
