package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training or test rows held by column: a numeric column is a {@code double[]} with
 * {@link Double#NaN} for a missing value, a categorical column a {@code String[]} with
 * {@code null} for a missing value; the target is 1 for a bad (default) and 0 for a good.
 * Immutable once built: columns are never handed out for writing.
 */
public final class Dataset {

    private final List<Feature> features;
    private final Object[] columns;
    private final int[] target;

    private Dataset(List<Feature> features, Object[] columns, int[] target) {
        this.features = List.copyOf(features);
        this.columns = columns;
        this.target = target;
    }

    public static Builder builder(List<Feature> features) {
        return new Builder(features);
    }

    public List<Feature> features() {
        return features;
    }

    public int size() {
        return target.length;
    }

    public int indexOf(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature " + name);
    }

    /** @return the numeric column of feature {@code f}; the caller must not modify it */
    double[] numbers(int f) {
        return (double[]) columns[f];
    }

    /** @return the categorical column of feature {@code f}; the caller must not modify it */
    String[] categories(int f) {
        return (String[]) columns[f];
    }

    public double number(int row, int f) {
        return ((double[]) columns[f])[row];
    }

    public String category(int row, int f) {
        return ((String[]) columns[f])[row];
    }

    public int target(int row) {
        return target[row];
    }

    public int[] targets() {
        return target.clone();
    }

    public int bads() {
        int bads = 0;
        for (int t : target) {
            bads += t;
        }
        return bads;
    }

    /** @return one row as a map from feature name to a {@link Double} or {@link String} (absent when missing) */
    public Map<String, Object> row(int row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int f = 0; f < features.size(); f++) {
            Object value = features.get(f).numeric() ? (Object) number(row, f) : category(row, f);
            if (value != null && !(value instanceof Double d && d.isNaN())) {
                values.put(features.get(f).name(), value);
            }
        }
        return values;
    }

    /** @return the rows at {@code indices}, in that order */
    public Dataset rows(int[] indices) {
        Object[] picked = new Object[columns.length];
        for (int f = 0; f < columns.length; f++) {
            if (columns[f] instanceof double[] d) {
                double[] out = new double[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    out[i] = d[indices[i]];
                }
                picked[f] = out;
            } else {
                String[] s = (String[]) columns[f];
                String[] out = new String[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    out[i] = s[indices[i]];
                }
                picked[f] = out;
            }
        }
        int[] t = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            t[i] = target[indices[i]];
        }
        return new Dataset(features, picked, t);
    }

    /** @return the same rows without the named features */
    public Dataset without(java.util.Collection<String> names) {
        List<Feature> kept = new ArrayList<>();
        List<Object> cols = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            if (!names.contains(features.get(f).name())) {
                kept.add(features.get(f));
                cols.add(columns[f]);
            }
        }
        return new Dataset(kept, cols.toArray(), target);
    }

    /** Collects rows one at a time. */
    public static final class Builder {
        private final List<Feature> features;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Integer> targets = new ArrayList<>();

        private Builder(List<Feature> features) {
            this.features = List.copyOf(features);
        }

        /**
         * @param values one value per feature in order: a {@link Number} (or null) for a numeric
         *               feature, a {@link String} (or null) for a categorical one
         * @param bad    1 for a bad, 0 for a good
         */
        public Builder add(Object[] values, int bad) {
            if (values.length != features.size()) {
                throw new IllegalArgumentException("expected " + features.size() + " values, got " + values.length);
            }
            if (bad != 0 && bad != 1) {
                throw new IllegalArgumentException("target must be 0 or 1");
            }
            rows.add(values.clone());
            targets.add(bad);
            return this;
        }

        public Dataset build() {
            Object[] columns = new Object[features.size()];
            for (int f = 0; f < features.size(); f++) {
                columns[f] = features.get(f).numeric() ? numericColumn(f) : categoricalColumn(f);
            }
            return new Dataset(features, columns, targets.stream().mapToInt(Integer::intValue).toArray());
        }

        private double[] numericColumn(int f) {
            double[] out = new double[rows.size()];
            Arrays.fill(out, Double.NaN);
            for (int i = 0; i < out.length; i++) {
                if (rows.get(i)[f] instanceof Number n) {
                    out[i] = n.doubleValue();
                }
            }
            return out;
        }

        private String[] categoricalColumn(int f) {
            String[] out = new String[rows.size()];
            for (int i = 0; i < out.length; i++) {
                Object v = rows.get(i)[f];
                out[i] = v == null ? null : v.toString();
            }
            return out;
        }
    }
}
