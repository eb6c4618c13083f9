package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Adjacent classes being merged into bins: the merge rules shared by numeric and categorical
 * binning (minimum share, monotonic bad rate, maximum count). Package-private and mutable; a
 * class is {goods, bads} plus what it covers (an upper bound or categories).
 */
final class Cells {

    static final class Cell {
        long goods;
        long bads;
        double upper;
        final List<String> categories = new ArrayList<>();

        Cell(long goods, long bads, double upper) {
            this.goods = goods;
            this.bads = bads;
            this.upper = upper;
        }

        long count() {
            return goods + bads;
        }

        double badRate() {
            return count() == 0 ? 0 : (double) bads / count();
        }
    }

    private final List<Cell> cells;
    private final long totalGoods;
    private final long totalBads;

    Cells(List<Cell> cells, long totalGoods, long totalBads) {
        this.cells = cells;
        this.totalGoods = Math.max(totalGoods, 1);
        this.totalBads = Math.max(totalBads, 1);
    }

    List<Cell> cells() {
        return cells;
    }

    /** merges cell i+1 into cell i (the merged cell keeps the upper bound of i+1) */
    void merge(int i) {
        Cell a = cells.get(i);
        Cell b = cells.remove(i + 1);
        a.goods += b.goods;
        a.bads += b.bads;
        a.upper = b.upper;
        a.categories.addAll(b.categories);
    }

    void dropEmpty() {
        for (int i = 0; i < cells.size() && cells.size() > 1; i++) {
            if (cells.get(i).count() == 0) {
                merge(i == cells.size() - 1 ? i - 1 : i);
                i--;
            }
        }
    }

    /** merges the smallest class under {@code minCount} into its neighbour with the closer bad rate, repeatedly */
    void enforceMinCount(double minCount) {
        while (cells.size() > 1) {
            int smallest = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).count() < minCount && (smallest < 0 || cells.get(i).count() < cells.get(smallest).count())) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                return;
            }
            merge(closerNeighbour(smallest));
        }
    }

    private int closerNeighbour(int i) {
        if (i == 0) {
            return 0;
        }
        if (i == cells.size() - 1) {
            return i - 1;
        }
        double r = cells.get(i).badRate();
        double left = Math.abs(cells.get(i - 1).badRate() - r);
        double right = Math.abs(cells.get(i + 1).badRate() - r);
        return left <= right ? i - 1 : i;
    }

    /** pools adjacent violators until the bad rate rises (or falls) monotonically */
    void makeMonotonic(boolean increasing) {
        int i = 0;
        while (i < cells.size() - 1) {
            double a = cells.get(i).badRate();
            double b = cells.get(i + 1).badRate();
            if (increasing ? a > b : a < b) {
                merge(i);
                i = Math.max(i - 1, 0);
            } else {
                i++;
            }
        }
    }

    /** merges the adjacent pair that loses the least information value until at most {@code max} remain */
    void enforceMaxCount(int max) {
        while (cells.size() > max) {
            int best = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int i = 0; i < cells.size() - 1; i++) {
                Cell a = cells.get(i);
                Cell b = cells.get(i + 1);
                double loss = iv(a.goods, a.bads) + iv(b.goods, b.bads) - iv(a.goods + b.goods, a.bads + b.bads);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = i;
                }
            }
            merge(best);
        }
    }

    double iv() {
        double sum = 0;
        for (Cell c : cells) {
            sum += iv(c.goods, c.bads);
        }
        return sum;
    }

    private double iv(long goods, long bads) {
        return Bin.iv(goods, bads, totalGoods, totalBads);
    }

    Cells copy() {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            Cell d = new Cell(c.goods, c.bads, c.upper);
            d.categories.addAll(c.categories);
            out.add(d);
        }
        return new Cells(out, totalGoods, totalBads);
    }
}
