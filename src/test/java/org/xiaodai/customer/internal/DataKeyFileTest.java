package org.xiaodai.customer.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedKeyFileIsReadableByItsOwnerOnlyAndStableAcrossLoads() throws Exception {
        Path file = dir.resolve("data/xiaodai-data-keys.properties");
        DataKeyFile first = DataKeyFile.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        DataKeyFile again = DataKeyFile.loadOrCreate(file);
        assertThat(again.dataKey()).isEqualTo(first.dataKey());
        assertThat(DataKeyConfiguration.cipher(again.dataKey(), again.indexKey(), again.previous()).currentKeyId())
                .isEqualTo(DataKeyConfiguration.cipher(first.dataKey(), first.indexKey(), "").currentKeyId());
        assertThat(first.toString()).doesNotContain(first.dataKey());
    }

    @Test
    void rotationKeepsTheIndexKeyAndTheOldDataKeyAsPrevious() {
        Path file = dir.resolve("keys.properties");
        DataKeyFile original = DataKeyFile.loadOrCreate(file);
        DataKeyFile rotated = original.rotated();
        assertThat(rotated.dataKey()).isNotEqualTo(original.dataKey());
        assertThat(rotated.indexKey()).isEqualTo(original.indexKey());
        assertThat(rotated.previous()).isEqualTo(original.dataKey());
    }
}
