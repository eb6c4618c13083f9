package org.xiaodai.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Fixtures for backup tests: copies of a backup file with one entry changed. */
final class BackupTestUtils {

    private BackupTestUtils() {
    }

    /** Writes a copy of {@code file} beside it in which {@code entryName}'s bytes went through {@code change}. */
    static Path rewrite(Path file, String entryName, UnaryOperator<byte[]> change) throws IOException {
        Path copy = file.resolveSibling("changed-" + file.getFileName());
        try (ZipFile zip = new ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(entryName) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    /** A copy of {@code file} whose manifest text went through {@code change}. */
    static Path rewriteManifest(Path file, UnaryOperator<String> change) throws IOException {
        return rewrite(file, "manifest.json", bytes ->
                change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }
}
