package org.xiaodai.platform.ops;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.xiaodai.shared.Sha256;
import org.xiaodai.platform.ops.BackupManifest.TableEntry;

/**
 * Writes a backup file from a connection that is already inside a REPEATABLE READ read-only
 * transaction, so every table is read from the same snapshot. The file is written next to its
 * target and moved into place at the end: a failed backup never leaves a half-written file.
 */
final class BackupWriter {

    private final Connection connection;
    private final TableCatalog catalog;

    BackupWriter(Connection connection) {
        this.connection = connection;
        this.catalog = new TableCatalog(connection);
    }

    BackupManifest write(Path target, String schemaVersion, String createdAt) throws IOException, SQLException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path scratch = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(scratch))) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<TableEntry> tables = new ArrayList<>();
            for (String table : catalog.tables()) {
                tables.add(writeTable(copy, zip, table));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, schemaVersion, createdAt,
                    tables, catalog.sequenceValues());
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY_NAME));
            ManifestCodec.write(manifest, zip);
            zip.closeEntry();
            zip.finish();
            zip.close();
            Files.move(scratch, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private TableEntry writeTable(CopyManager copy, ZipOutputStream zip, String table) throws IOException, SQLException {
        List<String> columns = catalog.copyableColumns(table);
        String file = "tables/" + table + ".copy";
        MessageDigest digest = Sha256.newDigest();
        zip.putNextEntry(new ZipEntry(file));
        long rows;
        try (OutputStream out = new DigestOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip stays open for the next entry
            }
        }, digest)) {
            rows = copy.copyOut(copySql(table, columns, "TO STDOUT"), out);
        }
        zip.closeEntry();
        return new TableEntry(table, file, columns, rows, Sha256.hex(digest.digest()),
                catalog.definition(table));
    }

    static String copySql(String table, List<String> columns, String direction) {
        String list = String.join(", ", columns.stream().map(TableCatalog::quote).toList());
        return "COPY " + TableCatalog.qualified(table) + " (" + list + ") " + direction + " (FORMAT text, ENCODING 'UTF8')";
    }
}
