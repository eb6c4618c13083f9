package org.xiaodai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a process of its own, as an operator starts it: the test JVM's {@code java}
 * and classpath, settings given as environment variables (the caller's environment stripped of
 * every {@code SPRING_}, {@code SERVER_}, {@code LOGGING_}, {@code MANAGEMENT_} and
 * {@code XIAODAI_} variable first, so a developer's shell cannot change the outcome), English as
 * the JVM's language, and everything it prints captured in a file.
 */
public final class AppProcess implements AutoCloseable {

    private static final List<String> SETTING_PREFIXES = List.of("SPRING_", "SERVER_", "LOGGING_", "MANAGEMENT_", "XIAODAI_");
    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the application with {@code environment} and the command-line {@code arguments}. */
    public static AppProcess start(Map<String, String> environment, String... arguments) throws IOException {
        Path log = Files.createTempFile("xiaodai-app", ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), "org.xiaodai.XiaodaiApplication"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> SETTING_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        return new AppProcess(builder.start(), log);
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the application reports it started; fails with the output if it exits or times out first. */
    public void awaitStarted(Duration timeout) throws InterruptedException {
        awaitOutput("Started XiaodaiApplication", timeout);
    }

    /** Waits until the application has printed {@code text}; fails with the output if it exits or times out first. */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + "; output:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the application did not print '" + text + "' within " + timeout + "; output:\n" + output());
            }
            Thread.sleep(200);
        }
    }

    /** Waits for the process to end by itself; its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the application still runs after " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /**
     * Kills it with SIGKILL ({@code kill -9}), as a crash or the kernel's OOM killer would: no shutdown
     * hook runs and the embedded PostgreSQL it started is left running (the next start stops it).
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application survived SIGKILL");
        }
    }

    /** Stops it as a container runtime would (SIGTERM), forcibly if it does not stop within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up eventually
        }
    }

    /** A TCP port free at the moment of asking. */
    public static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
