package org.xiaodai.customer.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of personal data at rest (个人敏感信息加密存储): AES-256-GCM under the current data
 * key, with the older keys kept for reading until everything is re-encrypted; and HMAC-SHA256
 * blind indexes for exact lookup under a separate index key, which does not rotate with the data
 * keys (the indexes stay valid while data keys change).
 *
 * <p>The associated data of every value names its row and field ({@code customer:<id>:idNumber}),
 * so a ciphertext copied into another row or column does not decrypt.
 */
public final class PiiCipher {

    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKey current;
    private final Map<String, DataKey> keys = new LinkedHashMap<>();
    private final byte[] indexKey;

    /**
     * @param current  the key new values are sealed with
     * @param previous older keys that may still have sealed stored values
     * @param indexKey the blind-index key, at least 32 bytes
     */
    public PiiCipher(DataKey current, List<DataKey> previous, byte[] indexKey) {
        this.current = Objects.requireNonNull(current, "current must not be null");
        keys.put(current.id(), current);
        previous.forEach(k -> keys.putIfAbsent(k.id(), k));
        if (indexKey == null || indexKey.length < DataKey.LENGTH) {
            throw new IllegalArgumentException("The blind-index key must be at least 32 bytes");
        }
        this.indexKey = indexKey.clone();
    }

    public String currentKeyId() {
        return current.id();
    }

    public SealedValue seal(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
            return new SealedValue(current.id(), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; fails when the key is unknown or the value or its associated data was tampered with. */
    public String open(SealedValue value, String associatedData) {
        DataKey key = keys.get(value.keyId());
        if (key == null) {
            throw new IllegalStateException("No data key with id " + value.keyId() + " is configured");
        }
        byte[] bytes = value.ciphertext();
        try {
            byte[] nonce = java.util.Arrays.copyOfRange(bytes, 0, NONCE_LENGTH);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData);
            return new String(cipher.doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored value does not decrypt under key " + value.keyId(), e);
        }
    }

    /** Whether {@code value} is sealed under an older key and should be re-encrypted. */
    public boolean isStale(String keyId) {
        return !current.id().equals(keyId);
    }

    /**
     * The blind index of a normalised value: HMAC-SHA256 over the field name and the value, so the
     * same number gives different indexes in different fields.
     */
    public byte[] blindIndex(String field, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(indexKey, "HmacSHA256"));
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    private static Cipher cipher(int mode, DataKey key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "PiiCipher[current=" + current.id() + ", keys=" + keys.keySet() + "]";
    }
}
