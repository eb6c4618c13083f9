package org.xiaodai.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.xiaodai.shared.Sha256;
import org.xiaodai.platform.ops.BackupManifest.TableDefinition;
import org.xiaodai.platform.ops.BackupManifest.TableEntry;

/**
 * Loads a verified backup into the database on one connection inside one transaction: wipe schema
 * {@code public}, migrate it to the backup's version, recreate tables no migration creates, load
 * every table with triggers off, reset sequences and compare row counts. The caller commits.
 */
final class RestoreExecutor {

    private final Connection connection;
    private final TableCatalog catalog;
    private final ZipFile zip;
    private final BackupManifest manifest;

    RestoreExecutor(Connection connection, ZipFile zip, BackupManifest manifest) {
        this.connection = connection;
        this.catalog = new TableCatalog(connection);
        this.zip = zip;
        this.manifest = manifest;
    }

    /**
     * Tables of schema public that hold rows. Flyway's history and the reference version's counter (one row its
     * migration writes, {@code platform_reference_version}) do not make a database "in use".
     */
    List<String> tablesWithRows() throws SQLException {
        List<String> used = new ArrayList<>();
        for (String table : catalog.tables()) {
            if (!table.equals(BackupService.FLYWAY_HISTORY) && !table.equals(REFERENCE_VERSION) && exists("select exists (select 1 from "
                    + TableCatalog.qualified(table) + ")")) {
                used.add(table);
            }
        }
        return used;
    }

    Map<String, Long> run(String[] migrationLocations) throws SQLException, IOException {
        Long versionBefore = referenceVersion();
        execute("drop schema if exists public cascade");
        execute("create schema public authorization pg_database_owner");
        execute("grant usage on schema public to public");
        if (manifest.schemaVersion() != null) {
            Flyway.configure().dataSource(new EnclosingTransactionDataSource(connection))
                    .locations(migrationLocations).target(manifest.schemaVersion()).cleanDisabled(true)
                    .load().migrate();
        }
        // Triggers (audit's append-only guard, foreign keys) stay off until this transaction ends.
        execute("set local session_replication_role = replica");
        createMissingTables();
        truncateAll();
        Map<String, Long> rows = new LinkedHashMap<>();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (TableEntry table : manifest.tables()) {
            rows.put(table.name(), load(copy, table));
        }
        resetSequences();
        verifyCounts();
        moveReferenceVersionOn(versionBefore);
        return rows;
    }

    /** The reference version's counter (shared.tx.ReferenceVersion); its table exists from schema 20261208.0300 on. */
    static final String REFERENCE_VERSION = "platform_reference_version";

    private Long referenceVersion() throws SQLException {
        if (!exists("select to_regclass('public." + REFERENCE_VERSION + "') is not null")) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select max(version) from public." + REFERENCE_VERSION)) {
            result.next();
            long version = result.getLong(1);
            return result.wasNull() ? null : version;
        }
    }

    /**
     * The rows were loaded with triggers off, so nothing bumped the reference version: it is set past both the
     * restored value and the one before the restore, so that whatever an application instance kept in memory under
     * either is read again by its next transaction.
     */
    private void moveReferenceVersionOn(Long before) throws SQLException {
        if (!exists("select to_regclass('public." + REFERENCE_VERSION + "') is not null")) {
            return;
        }
        long floor = before == null ? 0 : before;
        execute("insert into public." + REFERENCE_VERSION + " (id, version) values (true, " + (floor + 1) + ")"
                + " on conflict (id) do update set version = greatest(" + REFERENCE_VERSION + ".version, " + floor + ") + 1");
    }

    private void createMissingTables() throws SQLException {
        List<String> existing = catalog.tables();
        List<TableDefinition> missing = manifest.tables().stream().filter(t -> !existing.contains(t.name()))
                .map(TableEntry::definition).toList();
        for (TableDefinition definition : missing) {
            executeAll(definition.sequences());
            execute(definition.create());
            executeAll(definition.constraints());
        }
        for (TableDefinition definition : missing) {
            executeAll(definition.foreignKeys());
            executeAll(definition.indexes());
            executeAll(definition.triggers());
        }
    }

    private void truncateAll() throws SQLException {
        List<String> tables = catalog.tables();
        if (!tables.isEmpty()) {
            execute("truncate table " + String.join(", ", tables.stream().map(TableCatalog::qualified).toList()));
        }
    }

    private long load(CopyManager copy, TableEntry table) throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(table.file());
        MessageDigest digest = Sha256.newDigest();
        long rows;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
            rows = copy.copyIn(BackupWriter.copySql(table.name(), table.columns(), "FROM STDIN"), in);
        }
        if (!Sha256.hex(digest.digest()).equals(table.sha256())) {
            throw new BackupException("SHA-256 mismatch while loading " + table.file());
        }
        if (rows != table.rows()) {
            throw new BackupException("Table " + table.name() + ": loaded " + rows + " rows, manifest says " + table.rows());
        }
        return rows;
    }

    /** Sequences go back to their backed-up value, and never below the highest id their column holds. */
    private void resetSequences() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>(manifest.sequences() == null ? Map.of() : manifest.sequences());
        for (String table : catalog.tables()) {
            for (TableCatalog.Column column : catalog.columns(table)) {
                if (column.sequence() != null) {
                    Long max = maxOf(table, column.name());
                    if (max != null) {
                        values.merge(column.sequence(), max, Math::max);
                    }
                }
            }
        }
        for (Map.Entry<String, Long> sequence : values.entrySet()) {
            if (exists("select to_regclass('" + sequence.getKey().replace("'", "''") + "') is not null")) {
                try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
                    setval.setString(1, sequence.getKey());
                    setval.setLong(2, sequence.getValue());
                    setval.execute();
                }
            }
        }
    }

    private Long maxOf(String table, String column) throws SQLException {
        String sql = "select max(" + TableCatalog.quote(column) + ")::bigint from " + TableCatalog.qualified(table);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? null : max;
        }
    }

    private void verifyCounts() throws SQLException {
        for (TableEntry table : manifest.tables()) {
            String sql = "select count(*) from " + TableCatalog.qualified(table.name());
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                if (rs.getLong(1) != table.rows()) {
                    throw new BackupException("Table " + table.name() + " has " + rs.getLong(1)
                            + " rows after restore, manifest says " + table.rows());
                }
            }
        }
    }

    private boolean exists(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void executeAll(List<String> statements) throws SQLException {
        for (String sql : statements) {
            execute(sql);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
