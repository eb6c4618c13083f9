package org.xiaodai.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.xiaodai.support.IntegrationTest;

/**
 * Restore through Flyway: a context whose migrations include a test-only, trigger-guarded
 * append-only table (see {@code testmigration}), like the audit trail.
 */
@IntegrationTest
@TestPropertySource(properties =
        "spring.flyway.locations=classpath:db/migration,classpath:org/xiaodai/platform/ops/testmigration")
class BackupServiceFlywayIntegrationTest {

    @Autowired
    BackupService backups;

    JdbcClient jdbc;

    /** As the cluster's superuser: tests arrange and inspect rows on both sides of the tenant wall. */
    @Autowired
    void superuserJdbc(@Qualifier("operationsDataSource") DataSource superuser) {
        this.jdbc = JdbcClient.create(superuser);
    }

    @TempDir
    Path dir;

    @Autowired
    org.xiaodai.shared.demo.DemoSeeding seeding;

    /**
     * The demo's scorecards are trained and stored in the background after start; a schema dropped
     * under that transaction deadlocks with it, and rows it adds between backup and restore would
     * change the counts. Restores run on a quiet database, so wait for it.
     */
    @org.junit.jupiter.api.BeforeEach
    void waitForBackgroundSeeding() {
        for (String institution : List.of("HZXD", "NBXD")) {
            org.xiaodai.scoring.ScoringFixtures.activeModel(jdbc, institution, "BEHAVIOUR");
            org.xiaodai.scoring.ScoringFixtures.activeModel(jdbc, institution, "APPLICATION");
        }
        // and the demo loans and applications, booked in the background too
        org.assertj.core.api.Assertions.assertThat(seeding.awaitQuiet(java.time.Duration.ofMinutes(3)))
                .as("demo seeding ended").isTrue();
    }

    @Test
    void recreatesTheSchemaWithFlywayAndLoadsTriggerGuardedTables() {
        jdbc.sql("insert into ops_append_only (entry) values ('张三 13812345678 logged in')").update();
        List<String> before = entries();
        long maxId = jdbc.sql("select max(id) from ops_append_only").query(Long.class).single();
        Path file = dir.resolve("backup.zip");
        String latestMigration = jdbc.sql("select max(version) from flyway_schema_history where success")
                .query(String.class).single();

        BackupResult backup = backups.backup(file);
        PublicSchema.wipe(jdbc);
        BackupResult restored = backups.restore(file, false);

        assertThat(backup.schemaVersion()).isEqualTo(latestMigration);
        assertThat(backup.rowsPerTable()).containsKeys("flyway_schema_history", "event_publication", "ops_append_only", "audit_entry", "iam_user");
        assertThat(restored.rowsPerTable()).isEqualTo(backup.rowsPerTable());
        assertThat(entries()).isEqualTo(before);
        assertThatThrownBy(() -> jdbc.sql("delete from ops_append_only").update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("insert into ops_append_only (entry) values ('next') returning id").query(Long.class).single())
                .isEqualTo(maxId + 1);
    }

    @Test
    void aRestoreThatFailsAfterMigratingAndLoadingChangesNothing() throws IOException {
        Path file = dir.resolve("backup.zip");
        backups.backup(file);
        jdbc.sql("insert into ops_append_only (entry) values ('written after the backup')").update();
        List<String> before = entries();
        // the file checks out (SHA-256 per table file) but the row count check fails at the very end
        Path wrongCount = BackupTestUtils.rewriteManifest(file, manifest -> manifest.replaceFirst(
                "(?<prefix>\"name\" : \"ops_append_only\",[^}]*?\"rows\" : )\\d+", "${prefix}999"));
        assertThat(wrongCount).isNotEqualTo(file);

        assertThatThrownBy(() -> backups.restore(wrongCount, true)).isInstanceOf(BackupException.class)
                .hasMessageContaining("ops_append_only");
        assertThat(entries()).isEqualTo(before);
    }

    private List<String> entries() {
        return jdbc.sql("select id || ':' || entry from ops_append_only order by id").query(String.class).list();
    }
}
