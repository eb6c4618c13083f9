package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a scorecard performs on rows it was not fitted on, in the shape the risk manager's pages
 * and monitoring need: AUC, KS, Gini, the ROC and KS curves (at most 101 points each), the score
 * distribution in ten bands cut at the deciles of these scores (with bad rate and KS per band), and
 * the share of each band, the expected distribution that PSI compares recent scores with.
 *
 * @param validation  how the rows were held out, e.g. "test split ID % 5 == 0"
 * @param challengerAuc AUC of the gradient-boosted challenger on the same rows, or NaN
 */
public record ModelReport(String validation, int rows, int bads, double auc, double ks, double gini,
        double challengerAuc, List<double[]> roc, List<double[]> ksCurve, double[] bandLowerBounds,
        List<Metrics.Band> bands, double[] expectedShares) {

    /** @param score out-of-sample scores; @param bad their outcomes */
    public static ModelReport of(String validation, double[] score, int[] bad, double challengerAuc) {
        double[] bounds = deciles(score);
        List<Metrics.Band> bands = Metrics.bands(score, bad, bounds);
        double[] shares = bands.stream().mapToDouble(b -> (double) b.count() / score.length).toArray();
        int bads = (int) Arrays.stream(bad).filter(b -> b == 1).count();
        return new ModelReport(validation, score.length, bads, Metrics.auc(score, bad), Metrics.ks(score, bad),
                Metrics.gini(score, bad), challengerAuc, thin(Metrics.roc(score, bad)), thin(Metrics.ksCurve(score, bad)),
                bounds, bands, shares);
    }

    /** @return the band index of a score, as {@link Metrics#bands} counts it */
    public int band(double score) {
        int at = Arrays.binarySearch(bandLowerBounds, score);
        return at >= 0 ? at + 1 : -at - 1;
    }

    static double[] deciles(double[] score) {
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        return java.util.stream.IntStream.range(1, 10).mapToDouble(k -> sorted[k * sorted.length / 10]).distinct()
                .filter(v -> v > sorted[0]).toArray();
    }

    private static List<double[]> thin(List<double[]> curve) {
        if (curve.size() <= 101) {
            return curve;
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            out.add(curve.get((int) ((long) k * (curve.size() - 1) / 100)));
        }
        return out;
    }
}
