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
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU went during a JFR recording, from its {@code jdk.ExecutionSample} events:
 * the share of each layer (driver, pool, JSON, Spring Security, MVC, Tomcat, …), the inclusive
 * share of a few units of work (token resolution, the controller's service call, transactions),
 * the share of each request (controller method), of each package and project method (inclusive),
 * the hottest methods by own time, and the collector's pauses. Reads the CPU-time sampler's
 * {@code jdk.CPUTimeSample} events when the recording has them, else {@code jdk.ExecutionSample}. Also runnable on its own:
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
        // the CPU-time sampler (JDK 25+) when it was on: denser, and only threads that burn CPU
        String sampleType = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> inclusive = zeroes(INCLUSIVE);
        Map<String, Integer> layers = zeroes(LAYERS);
        layers.put("other (JDK, JIT-less frames)", 0);
        Map<String, Integer> owners = new HashMap<>();
        // per request: a request runs on a virtual thread of its own, so every sample of that thread
        // belongs to the request its controller frame names
        Map<Long, String> requestOfThread = new HashMap<>();
        Map<Long, Integer> samplesOfThread = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        Duration gcPauses = Duration.ZERO;
        int collections = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                collections++;
            }
            if (!type.equals(sampleType) || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            truncated += event.getStackTrace().isTruncated() ? 1 : 0;
            List<String> frames = event.getStackTrace().getFrames().stream().map(f -> name(f.getMethod())).toList();
            if (!frames.isEmpty()) {
                self.merge(frames.getFirst(), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            Set<String> seenPackage = new HashSet<>();
            for (String frame : frames) {
                if (seen.add(frame)) {
                    total.merge(frame, 1, Integer::sum);
                }
                if (seenPackage.add(unit(frame))) {
                    packages.merge(unit(frame), 1, Integer::sum);
                }
            }
            Set<String> hit = new HashSet<>();
            frames.forEach(frame -> INCLUSIVE.forEach((bucket, prefix) -> {
                if (frame.startsWith(prefix)) {
                    hit.add(bucket);
                }
            }));
            hit.forEach(b -> inclusive.merge(b, 1, Integer::sum));
            layers.merge(layer(frames), 1, Integer::sum);
            owners.merge(owner(frames), 1, Integer::sum);
            RecordedThread thread = event.getThread(type.equals("jdk.CPUTimeSample") ? "eventThread" : "sampledThread");
            String controller = controller(frames);
            if (thread != null && thread.isVirtual()) {
                samplesOfThread.merge(thread.getId(), 1, Integer::sum);
                if (controller != null) {
                    requestOfThread.put(thread.getId(), controller);
                }
                threads.merge("virtual threads", 1, Integer::sum);
            } else {
                threads.merge(thread == null || thread.getOSName() == null ? "?"
                        : controller != null ? "carrier threads, in a request" : thread.getOSName().replaceAll("\\d+", "N"),
                        1, Integer::sum);
            }
        }
        int all = Math.max(samples, 1);
        out.printf("JFR %s: %d samples (%s), %d stacks truncated, %d collections, %d ms of GC pauses%n",
                recording.getFileName(), samples, sampleType, truncated, collections, gcPauses.toMillis());
        out.println("by thread:");
        top(threads, all, 12, out);
        if (!samplesOfThread.isEmpty()) {
            Map<String, Integer> requests = new HashMap<>();
            samplesOfThread.forEach((thread, n) -> requests.merge(
                    requestOfThread.getOrDefault(thread, "(no controller frame seen: filters, errors, Tomcat)"), n, Integer::sum));
            out.println("by request (all samples of a request's virtual thread, filters and serialisation included):");
            top(requests, all, 20, out);
        }
        out.println("by layer (each sample once, the innermost layer it is in):");
        top(layers, all, layers.size(), out);
        out.println("by owner (each sample once, the innermost non-JDK layer: socket I/O counts for the driver or Tomcat that did it):");
        top(owners, all, owners.size(), out);
        out.println("inclusive (a sample counts in each it passes through):");
        inclusive.forEach((bucket, n) -> out.printf("  %5.1f %%  %s%n", 100.0 * n / all, bucket));
        out.println("by package, inclusive (a sample counts once in each package on its stack):");
        top(packages, all, 40, out);
        out.println("project methods, inclusive:");
        top(filter(total, "org.xiaodai."), all, 40, out);
        out.println("hottest methods by own time:");
        top(self, all, 25, out);
    }

    /** The package of a frame, three levels deep (four under org.xiaodai and org.springframework: the module or project). */
    private static String unit(String frame) {
        String type = frame.substring(0, Math.max(0, frame.lastIndexOf('.')));
        String[] parts = type.split("\\.");
        int depth = type.startsWith("org.xiaodai.") || type.startsWith("org.springframework.") ? 4 : 3;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
    }

    /** The request a stack serves: its outermost controller method, without the proxy's suffix. */
    private static String controller(List<String> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            String frame = frames.get(i);
            if (frame.startsWith("org.xiaodai.") && frame.contains("Controller") && !frame.contains("$$")) {
                return frame;
            }
        }
        return null;
    }

    private static Map<String, Integer> filter(Map<String, Integer> counts, String prefix) {
        Map<String, Integer> kept = new HashMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix) && !k.contains("$$")) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static void top(Map<String, Integer> counts, int all, int limit, PrintStream out) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
    }

    /** The JDK's own layers: a sample in them counts for the innermost library or module that called the JDK. */
    private static final Set<String> JDK_LAYERS = Set.of("sockets and NIO (JDK)", "virtual-thread scheduling (JDK)");

    private static String owner(List<String> frames) {
        for (String frame : frames) {
            for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                if (JDK_LAYERS.contains(layer.getKey())) {
                    continue;
                }
                for (String prefix : layer.getValue().split("\\|")) {
                    if (frame.startsWith(prefix)) {
                        return layer.getKey();
                    }
                }
            }
        }
        return layer(frames);
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
