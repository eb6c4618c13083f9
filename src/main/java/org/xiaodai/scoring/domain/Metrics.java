package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Discrimination measures of a score where a higher score means lower risk: AUC (the chance a
 * random good outscores a random bad, ties counting half), Gini = 2·AUC − 1, KS (the largest gap
 * between the cumulative shares of bads and goods below a cut-off), the ROC and KS curves, and
 * bad rate and KS per score band.
 */
public final class Metrics {

    private Metrics() {
    }

    /** @param bad 1 for a bad, 0 for a good */
    public static double auc(double[] score, int[] bad) {
        Integer[] order = order(score);
        long bads = Arrays.stream(bad).filter(b -> b == 1).count();
        long goods = bad.length - bads;
        if (bads == 0 || goods == 0) {
            throw new IllegalArgumentException("AUC needs both goods and bads");
        }
        // sum of the mid-ranks of the goods (Mann-Whitney U)
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (bad[order[k]] == 0) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - goods * (goods + 1) / 2.0) / ((double) goods * bads);
    }

    public static double gini(double[] score, int[] bad) {
        return 2 * auc(score, bad) - 1;
    }

    public static double ks(double[] score, int[] bad) {
        double ks = 0;
        for (double[] point : ksCurve(score, bad)) {
            ks = Math.max(ks, point[1] - point[2]);
        }
        return ks;
    }

    /**
     * @return one point per distinct score, ascending: {score, cumulative share of bads at or
     *         below it, cumulative share of goods at or below it}
     */
    public static List<double[]> ksCurve(double[] score, int[] bad) {
        Integer[] order = order(score);
        long bads = Arrays.stream(bad).filter(b -> b == 1).count();
        long goods = bad.length - bads;
        List<double[]> curve = new ArrayList<>();
        long cumBad = 0;
        long cumGood = 0;
        for (int i = 0; i < order.length; i++) {
            if (bad[order[i]] == 1) {
                cumBad++;
            } else {
                cumGood++;
            }
            if (i == order.length - 1 || score[order[i + 1]] != score[order[i]]) {
                curve.add(new double[] {score[order[i]], (double) cumBad / Math.max(bads, 1),
                        (double) cumGood / Math.max(goods, 1)});
            }
        }
        return curve;
    }

    /** @return ROC points {false-positive rate, true-positive rate} from (0,0) to (1,1), where "positive" is a bad below the cut-off */
    public static List<double[]> roc(double[] score, int[] bad) {
        List<double[]> roc = new ArrayList<>();
        roc.add(new double[] {0, 0});
        for (double[] p : ksCurve(score, bad)) {
            roc.add(new double[] {p[2], p[1]});
        }
        return roc;
    }

    /**
     * One score band.
     *
     * @param from lowest score in the band (inclusive; −∞ for the first band)
     * @param to   the next band's lower bound (exclusive; +∞ for the last band)
     * @param ks   KS at the band's upper edge (cumulative bad share minus cumulative good share)
     */
    public record Band(double from, double to, long count, long bads, double badRate, double ks) {
    }

    /** @return bands from the lowest score up, split at the given ascending lower bounds (the first band starts at −∞) */
    public static List<Band> bands(double[] score, int[] bad, double[] lowerBounds) {
        long totalBads = Arrays.stream(bad).filter(b -> b == 1).count();
        long totalGoods = bad.length - totalBads;
        int n = lowerBounds.length + 1;
        long[] counts = new long[n];
        long[] bads = new long[n];
        for (int i = 0; i < score.length; i++) {
            int at = Arrays.binarySearch(lowerBounds, score[i]);
            int band = at >= 0 ? at + 1 : -at - 1;
            counts[band]++;
            bads[band] += bad[i];
        }
        List<Band> out = new ArrayList<>();
        long cumBad = 0;
        long cumGood = 0;
        for (int b = 0; b < n; b++) {
            cumBad += bads[b];
            cumGood += counts[b] - bads[b];
            double from = b == 0 ? Double.NEGATIVE_INFINITY : lowerBounds[b - 1];
            double to = b == n - 1 ? Double.POSITIVE_INFINITY : lowerBounds[b];
            out.add(new Band(from, to, counts[b], bads[b], counts[b] == 0 ? 0 : (double) bads[b] / counts[b],
                    (double) cumBad / Math.max(totalBads, 1) - (double) cumGood / Math.max(totalGoods, 1)));
        }
        return out;
    }

    private static Integer[] order(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        return order;
    }
}
