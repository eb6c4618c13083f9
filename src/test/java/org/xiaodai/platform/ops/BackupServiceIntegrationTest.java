package org.xiaodai.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiaodai.audit.AuditTrail;
import org.xiaodai.support.IntegrationTest;

@IntegrationTest
class BackupServiceIntegrationTest {

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
    AuditTrail audit;

    @Autowired
    org.xiaodai.shared.demo.DemoSeeding seeding;

    /**
     * The audit trail seals committed entries in the background; sealing them all now means
     * nothing writes behind the test's back while it compares table fingerprints.
     */
    @BeforeEach
    void sealTheAuditTrail() {
        for (String institution : java.util.List.of("HZXD", "NBXD")) {
            // the demo's scorecards are stored in the background after start: let that finish first
            org.xiaodai.scoring.ScoringFixtures.activeModel(jdbc, institution, "BEHAVIOUR");
            org.xiaodai.scoring.ScoringFixtures.activeModel(jdbc, institution, "APPLICATION");
        }
        // and the demo loans and applications, booked in the background too
        org.assertj.core.api.Assertions.assertThat(seeding.awaitQuiet(java.time.Duration.ofMinutes(3)))
                .as("demo seeding ended").isTrue();
        audit.verify();
    }

    @BeforeEach
    void createProbeTables() {
        jdbc.sql("""
                create table ops_probe (
                    id bigint generated always as identity primary key,
                    name text not null unique,
                    payload bytea,
                    amount numeric(19,4),
                    doc jsonb,
                    at timestamptz,
                    note text)""").update();
        jdbc.sql("""
                create table ops_probe_line (
                    id serial primary key,
                    probe_id bigint not null references ops_probe (id),
                    quantity int not null check (quantity > 0),
                    doubled int generated always as (quantity * 2) stored)""").update();
        jdbc.sql("create index ops_probe_line_probe on ops_probe_line (probe_id)").update();
        jdbc.sql("""
                insert into ops_probe (name, payload, amount, doc, at, note) values
                ('张三', '\\x00ff10'::bytea, 12345.6789, '{"城市": "南昌", "n": [1, 2]}', '2025-03-01 09:30:00+08', '中文 tab\there\nnewline \\ backslash'),
                ('nulls', null, null, null, null, null),
                ('negative', ''::bytea, -0.0001, '[]', '1970-01-01 00:00:00Z', '')""").update();
        jdbc.sql("insert into ops_probe_line (probe_id, quantity) select id, 3 from ops_probe").update();
    }

    @AfterEach
    void dropProbeTables() {
        jdbc.sql("drop table if exists ops_probe_line, ops_probe").update();
    }

    @Test
    void restoresEveryTableExactlyIntoAWipedDatabaseAndResetsSequences() {
        Map<String, String> before = fingerprints();
        long maxId = jdbc.sql("select max(id) from ops_probe").query(Long.class).single();
        long versionBefore = referenceVersion();

        BackupResult backup = backups.backup(dir.resolve("nested/backup.zip"));
        wipe();
        BackupResult restored = backups.restore(dir.resolve("nested/backup.zip"), false);

        // loaded with triggers off: the counter is moved past the backed-up value, so kept reference data is read again
        assertThat(backup.rowsPerTable()).containsEntry(RestoreExecutor.REFERENCE_VERSION, 1L);
        assertThat(referenceVersion()).isGreaterThan(versionBefore);

        assertThat(backup.rowsPerTable()).containsEntry("ops_probe", 3L).containsEntry("ops_probe_line", 3L)
                .containsKeys(before.keySet().toArray(String[]::new));
        assertThat(restored.rowsPerTable()).isEqualTo(backup.rowsPerTable());
        assertThat(fingerprints()).isEqualTo(before);
        long newId = jdbc.sql("insert into ops_probe (name) values ('after restore') returning id").query(Long.class).single();
        assertThat(newId).isGreaterThan(maxId);
        int newLine = jdbc.sql("insert into ops_probe_line (probe_id, quantity) values (?, 1) returning id")
                .param(newId).query(Integer.class).single();
        assertThat(newLine).isGreaterThan(3);
    }

    @Test
    void recordsSchemaVersionClockTimeAndChecksumsInTheManifest() throws IOException {
        Path file = dir.resolve("backup.zip");
        BackupResult backup = backups.backup(file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"formatVersion\" : 1", "\"sha256\"", "\"tables/ops_probe.copy\"");
            assertThat(zip.getEntry("tables/ops_probe_line.copy")).isNotNull();
        }
        assertThat(backup.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void refusesToReplaceADatabaseWithDataUnlessForced() {
        Path file = dir.resolve("backup.zip");
        backups.backup(file);
        jdbc.sql("insert into ops_probe (name) values ('written after the backup')").update();

        assertThatThrownBy(() -> backups.restore(file, false)).isInstanceOf(BackupException.class)
                .hasMessageContaining("force");
        assertThat(jdbc.sql("select count(*) from ops_probe").query(Long.class).single()).isEqualTo(4);

        backups.restore(file, true);
        assertThat(jdbc.sql("select count(*) from ops_probe").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void refusesACorruptedBackupAndLeavesTheDatabaseUntouched() throws IOException {
        Path file = dir.resolve("backup.zip");
        backups.backup(file);
        jdbc.sql("insert into ops_probe (name) values ('written after the backup')").update();
        Map<String, String> before = fingerprints();
        Path corrupted = BackupTestUtils.rewrite(file, "tables/ops_probe.copy", bytes -> {
            bytes[0] ^= 1;
            return bytes;
        });

        assertThatThrownBy(() -> backups.restore(corrupted, true)).isInstanceOf(BackupException.class)
                .hasMessageContaining("SHA-256");
        assertThat(fingerprints()).isEqualTo(before);
    }

    @Test
    void refusesABackupFromANewerSchemaThanTheCodeKnows() throws IOException {
        Path file = dir.resolve("backup.zip");
        backups.backup(file);
        Path newer = BackupTestUtils.rewriteManifest(file, manifest -> manifest
                .replaceFirst("\"schemaVersion\" : (null|\"[^\"]*\")", "\"schemaVersion\" : \"99991231.2359\""));
        Map<String, String> before = fingerprints();

        assertThatThrownBy(() -> backups.restore(newer, true)).isInstanceOf(BackupException.class)
                .hasMessageContaining("newer");
        assertThat(fingerprints()).isEqualTo(before);
    }

    /** md5 of every table's full content, by table name. */
    private long referenceVersion() {
        return jdbc.sql("select version from platform_reference_version").query(Long.class).single();
    }

    /** Every table's rows but the reference version's counter, which a restore moves on by design. */
    private Map<String, String> fingerprints() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public' and tablename <> ? order by 1")
                .param(RestoreExecutor.REFERENCE_VERSION).query(String.class).list()) {
            result.put(table, jdbc.sql("select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from public.\""
                    + table + "\" t").query(String.class).single());
        }
        return result;
    }

    private void wipe() {
        PublicSchema.wipe(jdbc);
    }
}
