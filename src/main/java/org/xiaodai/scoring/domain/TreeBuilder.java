package org.xiaodai.scoring.domain;

/** Grows one complete regression tree on histogram bins for {@link GradientBoosting}. */
final class TreeBuilder {

    private static final int BINS = 33;

    private final byte[][] x;
    private final double[] g;
    private final double[] h;
    private final int depth;
    private final double lambda;
    private final double minLeaf;
    private final int[] splits;
    private final double[] leaves;

    TreeBuilder(byte[][] x, double[] g, double[] h, int depth, double lambda, double minLeaf) {
        this.x = x;
        this.g = g;
        this.h = h;
        this.depth = depth;
        this.lambda = lambda;
        this.minLeaf = minLeaf;
        int internal = (1 << depth) - 1;
        this.splits = new int[2 * internal];
        this.leaves = new double[1 << depth];
        java.util.Arrays.fill(splits, -1);
    }

    int[] splits() {
        return splits;
    }

    double[] leaves() {
        return leaves;
    }

    /** grows the subtree at heap node {@code node} from {@code rows} */
    void grow(int node, int[] rows) {
        int internal = (1 << depth) - 1;
        if (node >= internal) {
            leaves[node - internal] = leafValue(rows);
            return;
        }
        int[] best = bestSplit(rows);
        if (best == null) {
            splits[2 * node] = -1;
            fillLeaves(node, leafValue(rows));
            return;
        }
        splits[2 * node] = best[0];
        splits[2 * node + 1] = best[1];
        int left = 0;
        for (int r : rows) {
            if ((x[best[0]][r] & 0xff) <= best[1]) {
                left++;
            }
        }
        int[] l = new int[left];
        int[] rr = new int[rows.length - left];
        int a = 0;
        int b = 0;
        for (int r : rows) {
            if ((x[best[0]][r] & 0xff) <= best[1]) {
                l[a++] = r;
            } else {
                rr[b++] = r;
            }
        }
        grow(2 * node + 1, l);
        grow(2 * node + 2, rr);
    }

    /** a node that does not split sends every row left: every leaf under it gets the same value */
    private void fillLeaves(int node, double value) {
        int internal = (1 << depth) - 1;
        if (node >= internal) {
            leaves[node - internal] = value;
            return;
        }
        splits[2 * node] = -1;
        fillLeaves(2 * node + 1, value);
        fillLeaves(2 * node + 2, value);
    }

    private double leafValue(int[] rows) {
        double sg = 0;
        double sh = 0;
        for (int r : rows) {
            sg += g[r];
            sh += h[r];
        }
        return -sg / (sh + lambda);
    }

    private int[] bestSplit(int[] rows) {
        double totalG = 0;
        double totalH = 0;
        for (int r : rows) {
            totalG += g[r];
            totalH += h[r];
        }
        double parent = totalG * totalG / (totalH + lambda);
        double bestGain = 1e-9;
        int[] best = null;
        double[] hg = new double[BINS];
        double[] hh = new double[BINS];
        for (int f = 0; f < x.length; f++) {
            java.util.Arrays.fill(hg, 0);
            java.util.Arrays.fill(hh, 0);
            byte[] col = x[f];
            for (int r : rows) {
                int bin = col[r] & 0xff;
                hg[bin] += g[r];
                hh[bin] += h[r];
            }
            double lg = 0;
            double lh = 0;
            for (int bin = 0; bin < BINS - 1; bin++) {
                lg += hg[bin];
                lh += hh[bin];
                double rg = totalG - lg;
                double rh = totalH - lh;
                if (lh < minLeaf || rh < minLeaf) {
                    continue;
                }
                double gain = lg * lg / (lh + lambda) + rg * rg / (rh + lambda) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    best = new int[] {f, bin};
                }
            }
        }
        return best;
    }
}
