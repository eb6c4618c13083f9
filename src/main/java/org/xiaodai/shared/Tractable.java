package org.xiaodai.shared;

import java.math.BigDecimal;

/**
 * The range of decimals {@link Money} and {@link Rate} hold: at most {@value #MAX_INTEGER_DIGITS}
 * digits before the point and a scale of at most {@value #MAX_SCALE}. Far beyond any amount or
 * rate (and beyond several exact multiplications of them), yet small enough that rounding and
 * printing stay instant: {@code 1E+999999999} — which a JSON number or {@code new BigDecimal}
 * produces in no time — would make {@code setScale(2)} or {@code toPlainString()} build a
 * billion-digit number.
 */
final class Tractable {

    static final int MAX_INTEGER_DIGITS = 30;
    static final int MAX_SCALE = 100;

    private Tractable() {
    }

    /** @return x if it is within range; otherwise throws {@link IllegalArgumentException} */
    static BigDecimal require(BigDecimal x, String what) {
        if (x.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(what + " has more than " + MAX_SCALE + " decimals");
        }
        if (x.signum() != 0 && (long) x.precision() - x.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(what + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return x;
    }
}
