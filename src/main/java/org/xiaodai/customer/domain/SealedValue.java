package org.xiaodai.customer.domain;

import java.util.Objects;

/**
 * A value encrypted with AES-256-GCM: {@code ciphertext} is the 12-byte nonce followed by the
 * ciphertext and the 16-byte tag; {@code keyId} names the {@link DataKey} that sealed it and is
 * stored beside it, so keys can rotate.
 */
public record SealedValue(String keyId, byte[] ciphertext) {

    public SealedValue {
        Objects.requireNonNull(keyId, "keyId must not be null");
        Objects.requireNonNull(ciphertext, "ciphertext must not be null");
    }
}
