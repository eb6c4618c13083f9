package org.xiaodai.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the zonky binaries, with its data in a directory that survives
 * restarts. We drive {@code initdb} and {@code pg_ctl} ourselves rather than through zonky's
 * {@code EmbeddedPostgres} because we need three things it does not do: keep data between runs
 * without re-initialising, stop a postmaster left behind by a crashed ({@code kill -9}) run, and
 * run as root (PostgreSQL refuses to) by entering an unprivileged user namespace ({@code unshare -U}).
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final Path binaries;
    private final int port;
    private final String database;
    private DatabaseCredentials credentials;
    private boolean running;
    private boolean deleteDataOnClose;

    private EmbeddedPostgres(Path dataDir, Path binaries, int port, String database) {
        this.dataDir = dataDir;
        this.binaries = binaries;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts (initialising on first use) a server for {@code dataDir}.
     *
     * @param port the TCP port on 127.0.0.1; 0 picks a free one
     */
    static EmbeddedPostgres start(Path dataDir, int port, String database) {
        Path binaries = PostgresBinaries.extract();
        int actualPort = port == 0 ? freePort() : port;
        EmbeddedPostgres pg = new EmbeddedPostgres(dataDir.toAbsolutePath(), binaries, actualPort, database);
        pg.startServer();
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser, owner and application passwords of this cluster (kept in its data dir, mode 0600). */
    DatabaseCredentials credentials() {
        return credentials;
    }

    String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + otherDatabase;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    Path binDir() {
        return binaries.resolve("bin");
    }

    private void startServer() {
        try {
            Files.createDirectories(dataDir.getParent());
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialise();
            }
            stopStalePostmaster();
            boolean legacyTrustCluster = !DatabaseCredentials.existIn(dataDir);
            credentials = legacyTrustCluster ? DatabaseCredentials.generate() : DatabaseCredentials.load(dataDir);
            if (!legacyTrustCluster) {
                writeHostBasedAuthentication();
            }
            run(Duration.ofSeconds(90), pgCtl(), "start", "-w", "-t", "60", "-D", dataDir.toString(),
                    "-l", dataDir.resolveSibling(dataDir.getFileName() + ".log").toString(),
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                            + " -c fsync=on -c max_connections=200");
            running = true;
            if (legacyTrustCluster) {
                secureLegacyCluster();
            }
            createDatabaseIfMissing();
            DatabaseRoles.apply(jdbcUrl(), credentials);
            log.info("Embedded PostgreSQL running on port {} with data in {}", port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** initdb into a scratch directory, then move it into place, so a crash never leaves half a cluster. */
    private void initialise() throws IOException {
        Path scratch = dataDir.resolveSibling(dataDir.getFileName() + ".init-" + UUID.randomUUID());
        Files.createDirectories(scratch);
        DatabaseCredentials fresh = DatabaseCredentials.generate();
        Path passwordFile = Files.createTempFile(dataDir.getParent(), "pw", ".tmp", DatabaseCredentials.OWNER_ONLY);
        try {
            Files.writeString(passwordFile, fresh.superuserPassword());
            run(Duration.ofSeconds(120), binDir().resolve("initdb").toString(), "-D", scratch.toString(),
                    "-U", SUPERUSER, "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C",
                    "--no-instructions");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        fresh.writeTo(scratch);
        if (Files.exists(dataDir)) {
            deleteRecursively(dataDir);
        }
        Files.move(scratch, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Only password (SCRAM) logins over TCP from this machine; no Unix socket, never {@code trust}.
     * Rewritten at every start so a hand-edited file cannot open the database.
     */
    private void writeHostBasedAuthentication() throws IOException {
        Files.writeString(dataDir.resolve("pg_hba.conf"), """
                # Written by Xiaodai at every start: SCRAM password logins from this machine only.
                host    all    all    127.0.0.1/32    scram-sha-256
                host    all    all    ::1/128         scram-sha-256
                """);
    }

    /**
     * A cluster made by an earlier version with {@code trust} logins: give the superuser its new
     * password while trust still lets us in, then switch to SCRAM and reload.
     */
    private void secureLegacyCluster() throws IOException {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             var statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password '" + credentials.superuserPassword() + "'");
            credentials.writeTo(dataDir);
            writeHostBasedAuthentication();
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot secure the embedded PostgreSQL in " + dataDir, e);
        }
        log.info("Embedded PostgreSQL in {} switched from trust to SCRAM password logins", dataDir);
    }

    /** A postmaster.pid whose process still runs is a server left by a crashed run: stop it first. */
    private void stopStalePostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+")).map(Long::parseLong);
        // a live process with that pid that is not a postgres (pid reused after a reboot) is not ours to stop
        boolean alive = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true))
                .orElse(false);
        if (alive) {
            log.warn("Stopping a stale embedded PostgreSQL (pid {}) left by an earlier run", pid.get());
            run(Duration.ofSeconds(90), pgCtl(), "stop", "-w", "-t", "60", "-m", "fast", "-D", dataDir.toString());
        } else {
            Files.deleteIfExists(pidFile);
        }
    }

    private void createDatabaseIfMissing() {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER,
                credentials.superuserPassword());
             var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, database);
            if (!check.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    /** After {@link #close()}, remove the data dir and the server log too (throw-away test clusters). */
    void deleteDataOnClose() {
        this.deleteDataOnClose = true;
    }

    /** Stops the server with a fast shutdown (rolls back open transactions, then a clean checkpoint). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        run(Duration.ofSeconds(90), pgCtl(), "stop", "-w", "-t", "60", "-m", "fast", "-D", dataDir.toString());
        log.info("Embedded PostgreSQL stopped");
        if (deleteDataOnClose) {
            try {
                deleteRecursively(dataDir);
                Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
            } catch (IOException e) {
                log.warn("Could not delete the throw-away data dir {}", dataDir, e);
            }
        }
    }

    private String pgCtl() {
        return binDir().resolve("pg_ctl").toString();
    }

    /** Runs a PostgreSQL tool; as root it enters a user namespace where it is not root. */
    private void run(Duration timeout, String... command) {
        List<String> line = new ArrayList<>();
        if (RootCheck.isRoot()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        try {
            Path output = Files.createTempFile("xiaodai-pg", ".out");
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", line));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", line)
                            + "\n" + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", line), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static InputStream resource(String name) {
        return EmbeddedPostgres.class.getClassLoader().getResourceAsStream(name);
    }
}
