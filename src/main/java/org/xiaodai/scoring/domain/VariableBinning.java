package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bins of one variable and the look-up from a value to its bin. Ranges come first in
 * ascending order, then special values, then the one missing bin (always present, possibly
 * empty with WOE 0). Unseen categories fall into the missing bin.
 */
public final class VariableBinning {

    private final Feature feature;
    private final List<Bin> bins;
    private final double[] uppers;
    private final double[] specials;
    private final int firstSpecial;
    private final int missing;
    private final Map<String, Integer> byCategory = new HashMap<>();

    public VariableBinning(Feature feature, List<Bin> bins) {
        this.feature = feature;
        this.bins = List.copyOf(bins);
        List<Double> ups = new ArrayList<>();
        List<Double> sp = new ArrayList<>();
        int first = -1;
        int miss = -1;
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            int index = i;
            switch (b.type()) {
                case RANGE -> ups.add(b.upper());
                case SPECIAL -> {
                    if (first < 0) {
                        first = i;
                    }
                    sp.add(b.lower());
                }
                case CATEGORIES -> b.categories().forEach(c -> byCategory.put(c, index));
                case MISSING -> miss = i;
            }
        }
        if (miss != bins.size() - 1) {
            throw new IllegalArgumentException("the missing bin must come last in " + feature.name());
        }
        this.uppers = ups.stream().mapToDouble(Double::doubleValue).toArray();
        this.specials = sp.stream().mapToDouble(Double::doubleValue).toArray();
        this.firstSpecial = first;
        this.missing = miss;
    }

    public Feature feature() {
        return feature;
    }

    public String name() {
        return feature.name();
    }

    public List<Bin> bins() {
        return bins;
    }

    public double iv() {
        return bins.stream().mapToDouble(Bin::iv).sum();
    }

    public int missingBin() {
        return missing;
    }

    /** @return the bin of a numeric value ({@code NaN} is missing) */
    public int binOf(double x) {
        if (Double.isNaN(x)) {
            return missing;
        }
        for (int i = 0; i < specials.length; i++) {
            if (specials[i] == x) {
                return firstSpecial + i;
            }
        }
        if (uppers.length == 0) {
            return missing;
        }
        int at = Arrays.binarySearch(uppers, x);
        int bin = at >= 0 ? at : -at - 1;
        return Math.min(bin, uppers.length - 1);
    }

    /** @return the bin of a category ({@code null} and unseen categories are missing) */
    public int binOf(String category) {
        if (category == null) {
            return missing;
        }
        Integer bin = byCategory.get(category);
        return bin == null ? missing : bin;
    }

    /** @return the bin of a value as a scoring request carries it: a number, a numeric string or a category */
    public int binOfValue(Object value) {
        if (feature.numeric()) {
            if (value instanceof Number n) {
                return binOf(n.doubleValue());
            }
            if (value instanceof String s && !s.isBlank()) {
                try {
                    return binOf(Double.parseDouble(s.trim()));
                } catch (NumberFormatException e) {
                    return missing;
                }
            }
            return missing;
        }
        return binOf(value == null ? null : value.toString());
    }

    /** @return the WOE of every row of a dataset's column for this variable */
    public double[] woeColumn(Dataset data, int f) {
        double[] out = new double[data.size()];
        boolean numeric = feature.numeric();
        for (int i = 0; i < out.length; i++) {
            int bin = numeric ? binOf(data.number(i, f)) : binOf(data.category(i, f));
            out[i] = bins.get(bin).woe();
        }
        return out;
    }
}
