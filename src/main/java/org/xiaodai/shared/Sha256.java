package org.xiaodai.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the audit chain, stored token hashes and backup checksums all use it. */
public final class Sha256 {

    private Sha256() {
    }

    /** The hex digest of {@code text} in UTF-8. */
    public static String hex(String text) {
        return hex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hex form of a finished digest (e.g. of a stream read through a {@code DigestInputStream}). */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** A fresh digest for streaming. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
