package org.xiaodai.platform.ops;

import java.nio.file.Path;
import java.util.Map;

/**
 * Outcome of a backup or a restore.
 *
 * @param file          the backup file written or read
 * @param schemaVersion Flyway version of the backed-up schema, {@code null} if it had none
 * @param createdAt     when the backup was taken (ISO-8601), as recorded in its manifest
 * @param rowsPerTable  rows per table, in backup order; after a restore, verified against the manifest
 */
public record BackupResult(Path file, String schemaVersion, String createdAt, Map<String, Long> rowsPerTable) {

    /** Total rows over all tables. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
