package org.xiaodai.customer.domain;

import java.util.Optional;

/**
 * The file types a customer document may be, recognised from the bytes themselves (their magic
 * numbers), never from the name or the type the upload claimed.
 */
public enum SniffedType {
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'});

    private final String mediaType;
    private final byte[] magic;

    SniffedType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type whose magic number {@code content} starts with; empty for anything else. */
    public static Optional<SniffedType> of(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        for (SniffedType type : values()) {
            if (startsWith(content, type.magic)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
