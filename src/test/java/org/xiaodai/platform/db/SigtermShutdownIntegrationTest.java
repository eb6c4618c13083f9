package org.xiaodai.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real thing: the application as its own process, stopped with SIGTERM as a container runtime
 * or systemd would. It must exit by itself and leave no PostgreSQL behind.
 */
class SigtermShutdownIntegrationTest {

    @Test
    void sigtermStopsTheAppAndItsEmbeddedPostgresCleanly() throws Exception {
        Path dataDir = Path.of("target/test-pg/sigterm-" + UUID.randomUUID()).toAbsolutePath();
        Path log = Files.createTempFile("xiaodai-sigterm", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.xiaodai.XiaodaiApplication", "--server.port=0", "--xiaodai.embedded-db.port=0",
                "--xiaodai.embedded-db.data-dir=" + dataDir, "--xiaodai.demo=false",
                "--xiaodai.iam.bootstrap-admin-password=Root@Test2026x", "--logging.structured.format.console="))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitFor(() -> Files.readString(log).contains("Started XiaodaiApplication"), 300, log); // a loaded 2-core machine has taken over 180 s
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());

            app.destroy(); // SIGTERM on Linux

            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits after SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("Embedded PostgreSQL stopped");
            assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
            assertThat(isRunning(postmaster)).as("no postmaster left running").isFalse();
        } finally {
            app.destroyForcibly();
        }
    }

    /** Alive and not a zombie waiting for its (re-parented) parent to reap it. */
    private static boolean isRunning(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String content = Files.readString(stat);
        char state = content.charAt(content.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    interface Check {
        boolean ok() throws IOException;
    }

    private static void waitFor(Check check, int seconds, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; log:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }
}
