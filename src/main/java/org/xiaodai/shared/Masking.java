package org.xiaodai.shared;

/**
 * Masks personal information (个人信息去标识化) for screens, exports and logs, as PIPL and
 * JR/T 0171-2020 require for users without the permission to see it in full.
 *
 * <p>Every method is null-safe ({@code null} in, {@code null} out) and works on Unicode code
 * points, so a name with a supplementary character is never split in half. A value too short to
 * keep both ends visible is masked entirely: revealing a whole short value would defeat the mask.
 * The methods mask what they are given; they do not validate it.
 */
public final class Masking {

    private static final int MASK = '*';

    private Masking() {
    }

    /** Keeps the first 4 and last 4 characters: {@code 360426199101010071} → {@code 3604**********0071}. */
    public static String maskResidentId(String residentId) {
        return keepEnds(residentId, 4, 4);
    }

    /** Keeps the first 6 (the issuer BIN) and the last 4 digits: {@code 622202*********1234}. */
    public static String maskBankCard(String cardNumber) {
        return keepEnds(cardNumber, 6, 4);
    }

    /** Keeps the first 3 and last 4 digits: {@code 13812341234} → {@code 138****1234}. */
    public static String maskMobile(String mobile) {
        return keepEnds(mobile, 3, 4);
    }

    /**
     * Keeps the first character (usually the surname) and masks every other one:
     * {@code 张三} → {@code 张*}, {@code 张三丰} → {@code 张**}. A one-character value stays as it is.
     */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int firstLength = Character.charCount(name.codePointAt(0));
        int rest = name.codePointCount(firstLength, name.length());
        return name.substring(0, firstLength) + "*".repeat(rest);
    }

    /**
     * Keeps {@code head} code points at the start and {@code tail} at the end and replaces each
     * one between with {@code *}; masks everything when the value is not longer than
     * {@code head + tail}.
     */
    public static String keepEnds(String value, int head, int tail) {
        if (head < 0 || tail < 0) {
            throw new IllegalArgumentException("head and tail must not be negative");
        }
        if (value == null) {
            return null;
        }
        int[] codePoints = value.codePoints().toArray();
        if (codePoints.length <= head + tail) {
            return "*".repeat(codePoints.length);
        }
        for (int i = head; i < codePoints.length - tail; i++) {
            codePoints[i] = MASK;
        }
        return new String(codePoints, 0, codePoints.length);
    }
}
