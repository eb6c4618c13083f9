package org.xiaodai.shared.validation;

/** Small helpers the validators share for reading raw user input. */
final class Inputs {

    private Inputs() {
    }

    /** The input without surrounding whitespace (including the full-width space); "" for null. */
    static String stripped(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** The length a user would count: code points, not UTF-16 units. */
    static int visibleLength(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Whether {@code s[from, to)} holds only the ASCII digits 0–9. {@link Character#isDigit}
     * is deliberately not used: it accepts full-width and other Unicode digits.
     */
    static boolean isAsciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
