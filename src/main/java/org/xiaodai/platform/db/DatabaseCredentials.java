package org.xiaodai.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The generated passwords of an embedded cluster: its superuser (used only to set up roles and for
 * operations commands), the schema owner (Flyway) and the application's login role. Kept in
 * {@value #FILE} inside the data directory, readable by its owner only (mode 0600), so nothing
 * ever connects without a password.
 */
record DatabaseCredentials(String superuserPassword, String ownerPassword, String appPassword) {

    static final String FILE = "xiaodai-credentials.properties";
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(secret(), secret(), secret());
    }

    static boolean existIn(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE));
    }

    static DatabaseCredentials load(Path dataDir) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the database credentials in " + dataDir, e);
        }
        return new DatabaseCredentials(properties.getProperty("superuser"), properties.getProperty("owner"),
                properties.getProperty("app"));
    }

    /** Writes the file with mode 0600 from the start (never briefly world-readable). */
    void writeTo(Path dataDir) {
        Path target = dataDir.resolve(FILE);
        Properties properties = new Properties();
        properties.setProperty("superuser", superuserPassword);
        properties.setProperty("owner", ownerPassword);
        properties.setProperty("app", appPassword);
        try {
            Files.deleteIfExists(target);
            Files.createFile(target, OWNER_ONLY);
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(out, "Xiaodai embedded PostgreSQL passwords: keep secret");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the database credentials in " + dataDir, e);
        }
    }

    /** 32 random hex characters: no quoting needed in SQL or on a command line. */
    private static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[****]";
    }
}
