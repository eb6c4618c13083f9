package org.xiaodai.customer.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One AES-256 data key and its id. The id is derived from the key itself (the first 16 hex digits
 * of SHA-256 over a label and the key), so it names the key without revealing it and the same
 * key always gets the same id, wherever it is configured.
 *
 * <p>Invariants: the key is exactly 32 bytes; {@link #toString()} never shows it.
 */
public final class DataKey {

    public static final int LENGTH = 32;
    private final String id;
    private final byte[] key;

    private DataKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("A data key must be " + LENGTH + " bytes, not " + key.length);
        }
        this.key = key.clone();
        this.id = idOf(key);
    }

    /** A key from its Base64 text (standard alphabet, 32 bytes); fails on anything else. */
    public static DataKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64 must not be null");
        try {
            return new DataKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A data key must be the Base64 text of 32 random bytes", e);
        }
    }

    public static DataKey of(byte[] key) {
        return new DataKey(key);
    }

    public String id() {
        return id;
    }

    byte[] bytes() {
        return key.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("xiaodai data key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
