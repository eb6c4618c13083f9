package org.xiaodai.scoring.domain;

/**
 * Population stability (稳定性): PSI of the score distribution and CSI of a characteristic's bins,
 * Σ (actual − expected) × ln(actual / expected) over shares, with an empty share counted as 0.0001
 * so a bin that empties out is measured rather than infinite. Below 0.1 stable, up to 0.25 watch,
 * above act.
 */
public final class Stability {

    /** What a stability index calls for. */
    public enum Level { STABLE, WATCH, ACT }

    private static final double FLOOR = 1e-4;

    private Stability() {
    }

    /** @param expected shares (or counts) in training; @param actual shares (or counts) recently; same length */
    public static double index(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("expected and actual need the same bins");
        }
        double e = sum(expected);
        double a = sum(actual);
        if (e <= 0 || a <= 0) {
            return 0;
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double pe = Math.max(expected[i] / e, FLOOR);
            double pa = Math.max(actual[i] / a, FLOOR);
            psi += (pa - pe) * Math.log(pa / pe);
        }
        return psi;
    }

    public static Level level(double index) {
        return index < 0.1 ? Level.STABLE : index <= 0.25 ? Level.WATCH : Level.ACT;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
