package org.xiaodai.scoring.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How variables are binned (分箱).
 *
 * @param fineBins      quantile classes a numeric variable starts from before merging (≥ 2)
 * @param maxBins       most bins a variable keeps, missing and special bins not counted (≥ 2)
 * @param minBinShare   smallest share of all rows a regular bin may hold (0 ≤ share &lt; 0.5)
 * @param monotonic     whether numeric bins are merged until the bad rate is monotonic
 * @param manualCuts    per variable, the upper bounds of its bins (x ≤ cut), overriding the search
 * @param specialValues per numeric variable, values that get their own bins (e.g. -1 "paid duly")
 * @param nonMonotonic  numeric variables exempt from the monotonic rule
 */
public record BinningOptions(int fineBins, int maxBins, double minBinShare, boolean monotonic,
        Map<String, double[]> manualCuts, Map<String, Set<Double>> specialValues, Set<String> nonMonotonic) {

    public BinningOptions {
        if (fineBins < 2 || maxBins < 2) {
            throw new IllegalArgumentException("fineBins and maxBins must be at least 2");
        }
        if (!(minBinShare >= 0 && minBinShare < 0.5)) {
            throw new IllegalArgumentException("minBinShare must be in [0, 0.5)");
        }
        manualCuts = Map.copyOf(manualCuts);
        specialValues = Map.copyOf(specialValues);
        nonMonotonic = Set.copyOf(nonMonotonic);
    }

    /** 20 fine classes, at most 8 bins of at least 5 % each, monotonic bad rate. */
    public static BinningOptions defaults() {
        return new BinningOptions(20, 8, 0.05, true, Map.of(), Map.of(), Set.of());
    }

    public BinningOptions withFineBins(int fine) {
        return new BinningOptions(fine, maxBins, minBinShare, monotonic, manualCuts, specialValues, nonMonotonic);
    }

    public BinningOptions withMaxBins(int max) {
        return new BinningOptions(fineBins, max, minBinShare, monotonic, manualCuts, specialValues, nonMonotonic);
    }

    public BinningOptions withMinBinShare(double share) {
        return new BinningOptions(fineBins, maxBins, share, monotonic, manualCuts, specialValues, nonMonotonic);
    }

    public BinningOptions withMonotonic(boolean on) {
        return new BinningOptions(fineBins, maxBins, minBinShare, on, manualCuts, specialValues, nonMonotonic);
    }

    public BinningOptions withManualCuts(String variable, double... cuts) {
        Map<String, double[]> m = new HashMap<>(manualCuts);
        m.put(variable, cuts.clone());
        return new BinningOptions(fineBins, maxBins, minBinShare, monotonic, m, specialValues, nonMonotonic);
    }

    public BinningOptions withSpecialValues(String variable, double... values) {
        Map<String, Set<Double>> m = new HashMap<>(specialValues);
        Set<Double> s = new HashSet<>();
        for (double v : values) {
            s.add(v);
        }
        m.put(variable, s);
        return new BinningOptions(fineBins, maxBins, minBinShare, monotonic, manualCuts, m, nonMonotonic);
    }

    public BinningOptions withoutMonotonic(String variable) {
        Set<String> s = new HashSet<>(nonMonotonic);
        s.add(variable);
        return new BinningOptions(fineBins, maxBins, minBinShare, monotonic, manualCuts, specialValues, s);
    }

    boolean monotonic(String variable) {
        return monotonic && !nonMonotonic.contains(variable);
    }

    Set<Double> specials(String variable) {
        return specialValues.getOrDefault(variable, Set.of());
    }
}
