package org.xiaodai.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Variable selection (变量筛选): keep variables with IV at least the minimum, strongest first, and
 * skip a variable whose WOE column correlates above the maximum with one already kept.
 */
public final class VariableSelection {

    private VariableSelection() {
    }

    /**
     * @param binnings candidates
     * @param woe      the WOE column of each candidate, same order
     * @return indices into {@code binnings} of the selected variables, by descending IV
     */
    public static List<Integer> select(List<VariableBinning> binnings, double[][] woe, double minIv,
            double maxCorrelation, int maxVariables) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < binnings.size(); i++) {
            if (binnings.get(i).iv() >= minIv) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> binnings.get(i).iv()).reversed()
                .thenComparing(i -> binnings.get(i).name()));
        List<Integer> kept = new ArrayList<>();
        for (int candidate : order) {
            if (kept.size() == maxVariables) {
                break;
            }
            boolean redundant = false;
            for (int k : kept) {
                if (Math.abs(correlation(woe[candidate], woe[k])) > maxCorrelation) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** @return the Pearson correlation of two equally long columns (0 when one is constant) */
    public static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
