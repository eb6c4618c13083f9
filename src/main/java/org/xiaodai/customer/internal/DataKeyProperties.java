package org.xiaodai.customer.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys that protect personal data come from (docs/operations.md, "Personal data").
 *
 * @param key          the current AES-256 data key, Base64 ({@code XIAODAI_DATA_KEY}); unset = the key file
 * @param indexKey     the blind-index HMAC key, Base64 ({@code XIAODAI_INDEX_KEY}); required with {@code key}
 * @param previousKeys older data keys still needed to read values not yet re-encrypted, comma separated
 *                     ({@code XIAODAI_PREVIOUS_DATA_KEYS})
 * @param keyFile      the generated key file used when {@code key} is unset (mode 0600)
 */
@ConfigurationProperties("xiaodai.data")
record DataKeyProperties(String key, String indexKey, String previousKeys, Path keyFile) {

    boolean configured() {
        return key != null && !key.isBlank();
    }
}
