package org.xiaodai.customer.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The generated keys of a deployment that configures none (the embedded default): a data key and
 * a blind-index key, 32 random bytes each, in a properties file readable by its owner only (mode
 * 0600 from the start, as the embedded database's credentials file). Older data keys stay listed
 * under {@code previous} until a re-encryption has moved every value to the current one.
 */
record DataKeyFile(String dataKey, String indexKey, String previous) {

    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the file, generating it first when it does not exist. */
    static DataKeyFile loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            new DataKeyFile(randomKey(), randomKey(), "").writeTo(file);
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the data key file " + file, e);
        }
        return new DataKeyFile(properties.getProperty("data-key"), properties.getProperty("index-key"),
                properties.getProperty("previous", ""));
    }

    /** Writes the file with mode 0600 (never briefly readable by others). */
    void writeTo(Path file) {
        Properties properties = new Properties();
        properties.setProperty("data-key", dataKey);
        properties.setProperty("index-key", indexKey);
        properties.setProperty("previous", previous == null ? "" : previous);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, OWNER_ONLY);
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(out, "Xiaodai personal-data keys: keep secret, back up separately from the database");
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the data key file " + file, e);
        }
    }

    /** The same file with a fresh current data key; the old one joins {@code previous}. */
    DataKeyFile rotated() {
        String older = previous == null || previous.isBlank() ? dataKey : dataKey + "," + previous;
        return new DataKeyFile(randomKey(), indexKey, older);
    }

    static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DataKeyFile[****]";
    }
}
