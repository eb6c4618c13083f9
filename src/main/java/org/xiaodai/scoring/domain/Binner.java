package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bins a variable (分箱): numeric variables from quantile fine classes (or manual cut points),
 * categorical ones from their categories ordered by bad rate; then classes under the minimum
 * share are merged into the neighbour with the closer bad rate, numeric bins are pooled until the
 * bad rate is monotonic (in whichever direction keeps more information value), and the pair of
 * neighbours losing the least IV is merged until at most {@code maxBins} remain. Missing values and
 * declared special values always keep bins of their own.
 */
public final class Binner {

    private Binner() {
    }

    public static VariableBinning bin(Dataset data, int f, BinningOptions options) {
        Feature feature = data.features().get(f);
        return feature.numeric() ? numeric(data, f, options) : categorical(data, f, options);
    }

    static VariableBinning numeric(Dataset data, int f, BinningOptions options) {
        Feature feature = data.features().get(f);
        double[] x = data.numbers(f);
        long totalBads = data.bads();
        long totalGoods = data.size() - totalBads;
        Set<Double> specials = new TreeSet<>(options.specials(feature.name()));
        long[] missing = new long[2];
        Map<Double, long[]> special = new TreeMap<>();
        List<double[]> regular = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            int t = data.target(i);
            if (Double.isNaN(x[i])) {
                missing[t]++;
            } else if (specials.contains(x[i])) {
                special.computeIfAbsent(x[i], k -> new long[2])[t]++;
            } else {
                regular.add(new double[] {x[i], t});
            }
        }
        regular.sort(Comparator.comparingDouble(r -> r[0]));
        double[] manual = options.manualCuts().get(feature.name());
        double[] cuts = manual != null ? sortedCuts(manual) : quantileCuts(regular, options.fineBins());
        Cells cells = new Cells(countByCuts(regular, cuts), totalGoods, totalBads);
        if (manual == null) {
            cells.dropEmpty();
            cells.enforceMinCount(options.minBinShare() * data.size());
            if (options.monotonic(feature.name())) {
                cells = moreInformative(cells);
            }
            cells.enforceMaxCount(options.maxBins());
        }
        List<Bin> bins = new ArrayList<>();
        double lower = Double.NEGATIVE_INFINITY;
        List<Cells.Cell> list = cells.cells();
        for (int i = 0; i < list.size(); i++) {
            Cells.Cell c = list.get(i);
            double upper = i == list.size() - 1 ? Double.POSITIVE_INFINITY : c.upper;
            bins.add(Bin.of(Bin.Type.RANGE, rangeLabel(lower, upper), lower, upper, List.of(),
                    new long[] {c.goods, c.bads}, totalGoods, totalBads));
            lower = upper;
        }
        special.forEach((v, gb) -> bins.add(Bin.of(Bin.Type.SPECIAL, "=" + number(v), v, v, List.of(), gb,
                totalGoods, totalBads)));
        bins.add(Bin.of(Bin.Type.MISSING, "missing", Double.NaN, Double.NaN, List.of(), missing, totalGoods, totalBads));
        return new VariableBinning(feature, bins);
    }

    private static Cells moreInformative(Cells cells) {
        Cells up = cells.copy();
        up.makeMonotonic(true);
        Cells down = cells.copy();
        down.makeMonotonic(false);
        return up.iv() >= down.iv() ? up : down;
    }

    private static double[] sortedCuts(double[] manual) {
        return Arrays.stream(manual).sorted().distinct().toArray();
    }

    /** upper bounds at the fine quantiles; a value equal to a cut belongs to the bin below it */
    private static double[] quantileCuts(List<double[]> sorted, int fine) {
        List<Double> cuts = new ArrayList<>();
        int n = sorted.size();
        if (n == 0) {
            return new double[0];
        }
        double max = sorted.get(n - 1)[0];
        for (int k = 1; k < fine; k++) {
            double v = sorted.get((int) ((long) k * n / fine))[0];
            if (v < max && (cuts.isEmpty() || v > cuts.get(cuts.size() - 1))) {
                cuts.add(v);
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Cells.Cell> countByCuts(List<double[]> sorted, double[] cuts) {
        List<Cells.Cell> cells = new ArrayList<>();
        for (double cut : cuts) {
            cells.add(new Cells.Cell(0, 0, cut));
        }
        cells.add(new Cells.Cell(0, 0, Double.POSITIVE_INFINITY));
        for (double[] r : sorted) {
            int at = Arrays.binarySearch(cuts, r[0]);
            Cells.Cell c = cells.get(at >= 0 ? at : -at - 1);
            if (r[1] == 1) {
                c.bads++;
            } else {
                c.goods++;
            }
        }
        return cells;
    }

    static VariableBinning categorical(Dataset data, int f, BinningOptions options) {
        Feature feature = data.features().get(f);
        String[] x = data.categories(f);
        long totalBads = data.bads();
        long totalGoods = data.size() - totalBads;
        long[] missing = new long[2];
        Map<String, long[]> counts = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            int t = data.target(i);
            if (x[i] == null) {
                missing[t]++;
            } else {
                counts.computeIfAbsent(x[i], k -> new long[2])[t]++;
            }
        }
        List<Cells.Cell> list = new ArrayList<>();
        counts.forEach((category, gb) -> {
            Cells.Cell c = new Cells.Cell(gb[0], gb[1], Double.NaN);
            c.categories.add(category);
            list.add(c);
        });
        list.sort(Comparator.comparingDouble(Cells.Cell::badRate));
        Cells cells = new Cells(list, totalGoods, totalBads);
        cells.enforceMinCount(options.minBinShare() * data.size());
        cells.enforceMaxCount(options.maxBins());
        List<Bin> bins = new ArrayList<>();
        for (Cells.Cell c : cells.cells()) {
            bins.add(Bin.of(Bin.Type.CATEGORIES, String.join(",", c.categories), Double.NaN, Double.NaN,
                    c.categories, new long[] {c.goods, c.bads}, totalGoods, totalBads));
        }
        bins.add(Bin.of(Bin.Type.MISSING, "missing", Double.NaN, Double.NaN, List.of(), missing, totalGoods, totalBads));
        return new VariableBinning(feature, bins);
    }

    static String rangeLabel(double lower, double upper) {
        if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
            return "all";
        }
        if (lower == Double.NEGATIVE_INFINITY) {
            return "<=" + number(upper);
        }
        if (upper == Double.POSITIVE_INFINITY) {
            return ">" + number(lower);
        }
        return "(" + number(lower) + "," + number(upper) + "]";
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
