package org.xiaodai.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A run that died without stopping PostgreSQL (kill -9) must not block the next start. */
class EmbeddedPostgresStalePostmasterTest {

    private final Path dataDir = Path.of("target/stale-pg", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void startStopsAPostmasterLeftByACrashedRunAndComesUp() throws Exception {
        EmbeddedPostgres crashed = EmbeddedPostgres.start(dataDir, 0, "xiaodai");
        long stalePid = postmasterPid();
        assertThat(ProcessHandle.of(stalePid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        int stalePort = crashed.port();
        crashed = null; // never closed, as after kill -9 of the JVM

        try (EmbeddedPostgres restarted = EmbeddedPostgres.start(dataDir, 0, "xiaodai")) {
            long newPid = postmasterPid();
            assertThat(newPid).isNotEqualTo(stalePid);
            // the stale postmaster was stopped (its pid may linger as an unreaped zombie, so probe its port)
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stalePort + "/xiaodai",
                    EmbeddedPostgres.SUPERUSER, restarted.credentials().superuserPassword())).isInstanceOf(SQLException.class);
            assertThat(selectOne(restarted)).isEqualTo(1);
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
    }

    private static int selectOne(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgres.SUPERUSER,
                postgres.credentials().superuserPassword());
             var rs = connection.createStatement().executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
