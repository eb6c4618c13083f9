package org.xiaodai.eod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;
import org.xiaodai.support.Api;
import org.xiaodai.support.AppProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with {@code kill -9} in the middle of its second date resumes when the application
 * starts again and posts nothing twice: the application in a process of its own
 * ({@link AppProcess}) with the row-writing test step, killed with SIGKILL while partitions are
 * being processed, started again on the same data directory.
 */
class EndOfDayCrashIntegrationTest {

    static final String ADMIN_PASSWORD = "Crash@Eod2026x";
    static final int PARTITIONS = 6;
    static final int ITEMS = 40;

    @Test
    void aRunKilledMidwayResumesAfterARestartAndPostsNothingTwice() throws Exception {
        Path dataDir = Path.of("target/test-pg/eod-crash-" + UUID.randomUUID()).toAbsolutePath();
        int httpPort = AppProcess.freePort();
        int dbPort = AppProcess.freePort();
        try {
            EodFixtures.Institution bank;
            UUID runId;
            try (AppProcess first = start(dataDir, httpPort, dbPort)) {
                Api api = new Api(httpPort);
                try (Connection connection = superuser(dataDir, dbPort)) {
                    JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                    EodFixtures fixtures = new EodFixtures(api, db, ADMIN_PASSWORD);
                    bank = fixtures.institution();
                    fixtures.enrol(bank.id(), PARTITIONS, ITEMS, 300);
                    Api.Response started = api.post("/api/v1/eod/close", bank.adminToken(),
                            Map.of("through", bank.openedOn().plusDays(2).toString()));
                    assertThat(started.status()).as(started.body()).isEqualTo(202);
                    runId = UUID.fromString(started.json().get("runId").asString());
                    LocalDate second = bank.openedOn().plusDays(1);
                    EodFixtures.await(() -> doneOn(db, bank.id(), second) >= 2 ? true : null, Duration.ofMinutes(2));
                    first.kill();
                }
            }
            try (Connection connection = superuser(dataDir, dbPort)) {
                JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                assertThat(status(db, runId)).as("left running by the crash").isEqualTo("RUNNING");
                assertThat(businessDate(db, bank.id())).as("killed in the middle of the second date")
                        .isEqualTo(bank.openedOn().plusDays(1));
                assertThat(doneOn(db, bank.id(), bank.openedOn().plusDays(1))).isLessThan(PARTITIONS);
            }

            try (AppProcess second = start(dataDir, httpPort, dbPort);
                 Connection connection = superuser(dataDir, dbPort)) {
                JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                EodFixtures.await(() -> "RUNNING".equals(status(db, runId)) ? null : true, Duration.ofMinutes(2));

                assertThat(status(db, runId)).isEqualTo("COMPLETED");
                assertThat(businessDate(db, bank.id())).isEqualTo(bank.openedOn().plusDays(3));
                long postings = db.sql("select count(*) from eod_test_posting where institution_id = ?").param(bank.id())
                        .query(Long.class).single();
                long distinct = db.sql("""
                        select count(distinct (business_date, partition, item)) from eod_test_posting where institution_id = ?
                        """).param(bank.id()).query(Long.class).single();
                assertThat(postings).as("every partition of three dates posted exactly once")
                        .isEqualTo(distinct).isEqualTo(3L * PARTITIONS * ITEMS);
                assertThat(db.sql("""
                        select count(*) from audit_entry where institution_id = ? and action = 'eod.day.closed'
                        """).param(bank.id()).query(Long.class).single()).as("each date closed once").isEqualTo(3);
                assertThat(second.output()).doesNotContain("ERROR");
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static AppProcess start(Path dataDir, int httpPort, int dbPort) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(httpPort));
        env.put("XIAODAI_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        env.put("XIAODAI_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        env.put("XIAODAI_DEMO", "false");
        env.put("XIAODAI_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("XIAODAI_EOD_SCHEDULE", "-");
        AppProcess app = AppProcess.start(env, "--spring.flyway.locations=classpath:db/migration,classpath:db/eod-test",
                "--xiaodai.eod.test-step=true", "--xiaodai.eod.poll-interval=300ms", "--xiaodai.eod.close-wait=0s",
                "--xiaodai.data.key-file=" + dataDir.resolve("keys.properties"));
        app.awaitStarted(Duration.ofMinutes(5));
        return app;
    }

    private static long doneOn(JdbcClient db, UUID institutionId, LocalDate date) {
        return db.sql("""
                select count(*) from eod_partition where institution_id = ? and business_date = ? and step = ?
                and done_at is not null
                """).params(institutionId, date, RowWritingStep.NAME).query(Long.class).single();
    }

    private static String status(JdbcClient db, UUID runId) {
        return db.sql("select status from eod_run where id = ?").param(runId).query(String.class).single();
    }

    private static LocalDate businessDate(JdbcClient db, UUID institutionId) {
        return db.sql("select business_date from eod_business_date where institution_id = ?").param(institutionId)
                .query(LocalDate.class).single();
    }

    private static Connection superuser(Path dataDir, int port) throws IOException, SQLException {
        Properties credentials = new Properties();
        try (var in = Files.newBufferedReader(dataDir.resolve("xiaodai-credentials.properties"))) {
            credentials.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/xiaodai", "postgres",
                credentials.getProperty("superuser"));
    }
}
