package org.xiaodai.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL distribution shipped in the zonky binaries jar once per machine, into
 * {@code ${java.io.tmpdir}/xiaodai-pg-<size>}; later starts reuse it.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    static synchronized Path extract() {
        String resource = resourceName();
        try (InputStream probe = EmbeddedPostgres.resource(resource)) {
            if (probe == null) {
                throw new IllegalStateException("No embedded PostgreSQL for this platform on the classpath: " + resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = PostgresBinaries.class.getPackage().getImplementationVersion();
        Path target = Path.of(System.getProperty("java.io.tmpdir"),
                "xiaodai-pg-" + resource.replace(".txz", "") + "-" + digestOf(resource) + (version == null ? "" : "-" + version));
        if (Files.exists(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Path scratch = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try (InputStream in = new BufferedInputStream(EmbeddedPostgres.resource(resource));
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                unpack(tar, entry, scratch);
            }
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(target.resolve("bin/pg_ctl"))) {
                    throw raced;
                }
                EmbeddedPostgres.deleteRecursively(scratch);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack embedded PostgreSQL", e);
        }
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry outside target: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            if ((entry.getMode() & 0111) != 0) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** The resource name zonky uses: postgres-{linux|darwin}-{x86_64|arm_64}.txz. */
    private static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String architecture = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + system + "-" + architecture + ".txz";
    }

    private static String digestOf(String resource) {
        var url = PostgresBinaries.class.getClassLoader().getResource(resource);
        return Integer.toHexString(String.valueOf(url).hashCode());
    }
}
