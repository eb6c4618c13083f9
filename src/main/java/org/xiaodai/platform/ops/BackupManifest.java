package org.xiaodai.platform.ops;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a backup file: what was backed up, from which schema version, and
 * how to check it. {@code schemaVersion} is {@code null} when no Flyway migration had been applied.
 *
 * @param formatVersion  layout of the backup file, {@link #FORMAT_VERSION} when written by this code
 * @param schemaVersion  highest successfully applied Flyway version, e.g. {@code 20250301.0930}
 * @param createdAt      ISO-8601 instant of the backup, from the application clock
 * @param tables         every base table of schema {@code public}, in backup order
 * @param sequences      last value of every sequence of schema {@code public} that has been used
 */
record BackupManifest(int formatVersion, String schemaVersion, String createdAt, List<TableEntry> tables,
                      Map<String, Long> sequences) {

    static final int FORMAT_VERSION = 1;
    static final String ENTRY_NAME = "manifest.json";

    /**
     * One table of the backup.
     *
     * @param name       table name in schema {@code public}
     * @param file       zip entry holding the rows in PostgreSQL {@code COPY} text format
     * @param columns    copied columns, in file order (generated columns are left out)
     * @param rows       number of rows
     * @param sha256     hex SHA-256 of the entry's bytes
     * @param definition how to recreate the table when the migrations do not (e.g. Modulith's tables)
     */
    record TableEntry(String name, String file, List<String> columns, long rows, String sha256,
                      TableDefinition definition) {
    }

    /**
     * DDL of a table as PostgreSQL reports it, in the order it must run.
     *
     * @param sequences   {@code create sequence} statements for serial columns
     * @param create      the {@code create table} statement (columns, defaults, identity, not null)
     * @param constraints primary key, unique, check and exclusion constraints, then owned sequences
     * @param foreignKeys foreign keys, applied after every table exists
     * @param indexes     indexes not backing a constraint
     * @param triggers    non-internal triggers
     */
    record TableDefinition(List<String> sequences, String create, List<String> constraints,
                           List<String> foreignKeys, List<String> indexes, List<String> triggers) {
    }
}
