package org.xiaodai.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.xiaodai.shared.Sha256;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Logical backup and restore of the whole database (schema {@code public}) without PostgreSQL's
 * client tools. A backup is a zip holding {@code manifest.json} and one {@code COPY} text file
 * per table, all read in one REPEATABLE READ read-only transaction, so it is consistent and can
 * be taken while the application runs. A restore checks the whole file first (SHA-256 per
 * table, a schema version this code knows), then replaces the database in one transaction: on
 * any failure nothing changes.
 */
@Service
public class BackupService {

    static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final String[] migrationLocations;

    /**
     * Reads and writes every institution's rows, so it connects as the embedded cluster's superuser
     * ({@code operationsDataSource}); with an external database it uses the configured connection,
     * which for operations commands is the schema owner (docs/operations.md).
     */
    BackupService(DataSource dataSource, @Qualifier("operationsDataSource") Optional<DataSource> operations, Clock clock,
                  @Value("${spring.flyway.locations:classpath:db/migration}") String[] migrationLocations) {
        this.dataSource = operations.orElse(dataSource);
        this.clock = clock;
        this.migrationLocations = migrationLocations;
    }

    /**
     * Writes a backup of the whole database to {@code file} (replaced if it exists).
     *
     * @param file target zip file; parent directories are created
     * @return the row count per table
     */
    public BackupResult backup(Path file) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                BackupManifest manifest = new BackupWriter(connection)
                        .write(file, schemaVersion(connection), clock.instant().toString());
                log.info("Backup of {} tables written to {}", manifest.tables().size(), file);
                return result(file, manifest);
            } finally {
                connection.rollback();
            }
        } catch (SQLException | IOException e) {
            throw new BackupException("Backup to " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the database's content with the backup in {@code file}.
     *
     * @param force replace a database that holds data; without it such a database is refused
     * @return the row count per table, verified against the manifest
     * @throws BackupException if the file is damaged or too new, or the database is in use without
     *                         {@code force}; the database is then unchanged
     */
    public BackupResult restore(Path file, boolean force) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupManifest manifest = readManifest(zip);
            verifyChecksums(zip, manifest);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Map<String, Long> rows = restore(connection, zip, manifest, force);
                    connection.commit();
                    log.info("Restored {} tables from {} (schema version {})", rows.size(), file, manifest.schemaVersion());
                    return result(file, manifest);
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException | IOException e) {
            throw new BackupException("Restore from " + file + " failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Long> restore(Connection connection, ZipFile zip, BackupManifest manifest, boolean force)
            throws SQLException, IOException {
        refuseUnknownVersion(manifest.schemaVersion());
        RestoreExecutor executor = new RestoreExecutor(connection, zip, manifest);
        var inUse = executor.tablesWithRows();
        if (!inUse.isEmpty() && !force) {
            throw new BackupException("The database holds data (tables " + inUse + "); restore with force to replace it");
        }
        return executor.run(migrationLocations);
    }

    private static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY_NAME);
        if (entry == null) {
            throw new BackupException("Not a Xiaodai backup: no " + BackupManifest.ENTRY_NAME);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest manifest = ManifestCodec.read(in);
            if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
                throw new BackupException("Unsupported backup format version " + manifest.formatVersion());
            }
            return manifest;
        }
    }

    private static void verifyChecksums(ZipFile zip, BackupManifest manifest) throws IOException {
        for (BackupManifest.TableEntry table : manifest.tables()) {
            ZipEntry entry = zip.getEntry(table.file());
            if (entry == null) {
                throw new BackupException("Backup is missing " + table.file());
            }
            MessageDigest digest = Sha256.newDigest();
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (!Sha256.hex(digest.digest()).equals(table.sha256())) {
                throw new BackupException("SHA-256 mismatch for " + table.file() + ": the backup is damaged");
            }
        }
    }

    /** A backup from a newer release would need migrations this code does not have. */
    private void refuseUnknownVersion(String version) {
        if (version == null) {
            return;
        }
        Optional<MigrationVersion> known = Optional.ofNullable(Flyway.configure().locations(migrationLocations)
                .dataSource(dataSource).load().info().all()).stream().flatMap(java.util.Arrays::stream)
                .map(MigrationInfo::getVersion).filter(v -> v != null).max(Comparator.naturalOrder());
        if (known.isEmpty() || MigrationVersion.fromVersion(version).compareTo(known.get()) > 0) {
            throw new BackupException("Backup schema version " + version + " is newer than this release knows ("
                    + known.map(MigrationVersion::getVersion).orElse("none") + ")");
        }
    }

    /** Highest successfully applied Flyway version, or null without Flyway history. */
    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select to_regclass('public." + FLYWAY_HISTORY + "') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        MigrationVersion latest = null;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select version from public." + FLYWAY_HISTORY + " where success and version is not null")) {
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                latest = latest == null || version.compareTo(latest) > 0 ? version : latest;
            }
        }
        return latest == null ? null : latest.getVersion();
    }

    private static BackupResult result(Path file, BackupManifest manifest) {
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.tables().forEach(t -> rows.put(t.name(), t.rows()));
        return new BackupResult(file, manifest.schemaVersion(), manifest.createdAt(), rows);
    }
}
