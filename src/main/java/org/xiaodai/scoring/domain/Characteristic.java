package org.xiaodai.scoring.domain;

import java.util.Arrays;

/**
 * One variable of a scorecard with its regression coefficient and the whole points of each of
 * its bins (in the order of {@link VariableBinning#bins()}).
 */
public record Characteristic(VariableBinning binning, double coefficient, int[] points) {

    public Characteristic {
        if (points.length != binning.bins().size()) {
            throw new IllegalArgumentException("one points value per bin is required for " + binning.name());
        }
        points = points.clone();
    }

    @Override
    public int[] points() {
        return points.clone();
    }

    public int points(int bin) {
        return points[bin];
    }

    public String name() {
        return binning.name();
    }

    public int maxPoints() {
        return Arrays.stream(points).max().orElse(0);
    }

    public int minPoints() {
        return Arrays.stream(points).min().orElse(0);
    }

    /** @return whole points of every bin: −factor × (β × WOE + α / n) + offset / n, rounded half up */
    static int[] pointsOf(VariableBinning binning, double coefficient, double intercept, int variables,
            Scaling scaling) {
        int[] points = new int[binning.bins().size()];
        for (int b = 0; b < points.length; b++) {
            double woe = binning.bins().get(b).woe();
            double value = -scaling.factor() * (coefficient * woe + intercept / variables) + scaling.offset() / variables;
            points[b] = (int) Math.round(value);
        }
        return points;
    }
}
