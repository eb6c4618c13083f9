package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained scorecard (评分卡): for each characteristic, the bin a value falls into gives whole
 * points; the score is their sum, so scoring is a table look-up, deterministic and explainable.
 * The probability of default is read back from the score through the {@link Scaling}. Immutable
 * and safe to share between threads.
 */
public final class Scorecard {

    private final Scaling scaling;
    private final double intercept;
    private final List<Characteristic> characteristics;
    // the look-up tables flattened for the scoring loop
    private final String[] names;
    private final VariableBinning[] binnings;
    private final int[][] points;

    public Scorecard(Scaling scaling, double intercept, List<Characteristic> characteristics) {
        this.scaling = Objects.requireNonNull(scaling, "scaling");
        this.intercept = intercept;
        this.characteristics = List.copyOf(characteristics);
        int n = this.characteristics.size();
        this.names = new String[n];
        this.binnings = new VariableBinning[n];
        this.points = new int[n][];
        for (int k = 0; k < n; k++) {
            names[k] = this.characteristics.get(k).name();
            binnings[k] = this.characteristics.get(k).binning();
            points[k] = this.characteristics.get(k).points();
        }
    }

    public Scaling scaling() {
        return scaling;
    }

    public double intercept() {
        return intercept;
    }

    public List<Characteristic> characteristics() {
        return characteristics;
    }

    /** @return the variables the scorecard reads, in table order */
    public List<String> inputs() {
        return characteristics.stream().map(Characteristic::name).toList();
    }

    /**
     * @param values by variable name: a number (or numeric string) for a numeric variable, a
     *               category for a categorical one; an absent or unreadable value is missing
     */
    public int score(Map<String, ?> values) {
        int score = 0;
        for (int k = 0; k < names.length; k++) {
            score += points[k][binnings[k].binOfValue(values.get(names[k]))];
        }
        return score;
    }

    /** @return the score of row {@code row} of a dataset that has every input */
    public int score(Dataset data, int row) {
        int score = 0;
        for (Characteristic c : characteristics) {
            int f = data.indexOf(c.name());
            VariableBinning b = c.binning();
            score += c.points(b.feature().numeric() ? b.binOf(data.number(row, f)) : b.binOf(data.category(row, f)));
        }
        return score;
    }

    public double[] scores(Dataset data) {
        int[] index = new int[characteristics.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = data.indexOf(characteristics.get(k).name());
        }
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            int score = 0;
            for (int k = 0; k < index.length; k++) {
                Characteristic c = characteristics.get(k);
                VariableBinning b = c.binning();
                score += c.points(b.feature().numeric() ? b.binOf(data.number(i, index[k]))
                        : b.binOf(data.category(i, index[k])));
            }
            out[i] = score;
        }
        return out;
    }

    public double probabilityOfDefault(int score) {
        return scaling.probabilityOfDefault(score);
    }

    /**
     * @return at most {@code limit} reasons: the characteristics where the applicant lost the most
     *         points against that characteristic's best bin (ties in table order), none with no loss
     */
    public List<ReasonCode> reasons(Map<String, ?> values, int limit) {
        List<ReasonCode> reasons = new ArrayList<>();
        for (Characteristic c : characteristics) {
            int bin = c.binning().binOfValue(values.get(c.name()));
            ReasonCode reason = new ReasonCode(c.name(), c.binning().bins().get(bin).label(), c.points(bin), c.maxPoints());
            if (reason.pointsLost() > 0) {
                reasons.add(reason);
            }
        }
        reasons.sort(Comparator.comparingInt(ReasonCode::pointsLost).reversed());
        return List.copyOf(reasons.subList(0, Math.min(limit, reasons.size())));
    }

    public int minScore() {
        return characteristics.stream().mapToInt(Characteristic::minPoints).sum();
    }

    public int maxScore() {
        return characteristics.stream().mapToInt(Characteristic::maxPoints).sum();
    }
}
