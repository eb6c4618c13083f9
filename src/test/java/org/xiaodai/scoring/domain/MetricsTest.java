package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // goods score 3, 4, 5; bads score 1, 2, 4
    private static final double[] SCORE = {3, 4, 5, 1, 2, 4};
    private static final int[] BAD = {0, 0, 0, 1, 1, 1};

    @Test
    void aucCountsGoodsAboveBadsWithTiesAsHalf() {
        // pairs won: 3 beats 1, 2 (2); 4 beats 1, 2 and ties 4 (2.5); 5 beats all (3) → 7.5 / 9
        assertThat(Metrics.auc(SCORE, BAD)).isCloseTo(7.5 / 9, within(1e-12));
        assertThat(Metrics.gini(SCORE, BAD)).isCloseTo(2 * 7.5 / 9 - 1, within(1e-12));
    }

    @Test
    void ksIsTheLargestGapBetweenCumulativeBadAndGoodShares() {
        // at score ≤ 2: bads 2/3, goods 0 → 2/3
        assertThat(Metrics.ks(SCORE, BAD)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void aPerfectScoreHasAucOneAndKsOne() {
        double[] score = {10, 20, 30, 40};
        int[] bad = {1, 1, 0, 0};
        assertThat(Metrics.auc(score, bad)).isEqualTo(1.0);
        assertThat(Metrics.ks(score, bad)).isEqualTo(1.0);
    }

    @Test
    void bandsReportCountsBadRatesAndCumulativeKs() {
        List<Metrics.Band> bands = Metrics.bands(SCORE, BAD, new double[] {3, 5});

        assertThat(bands).extracting(Metrics.Band::count).containsExactly(2L, 3L, 1L);
        assertThat(bands).extracting(Metrics.Band::bads).containsExactly(2L, 1L, 0L);
        assertThat(bands.get(1).badRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(bands.get(0).ks()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(bands.get(2).ks()).isCloseTo(0, within(1e-12));
    }

    @Test
    void rocRunsFromTheOriginToTheTopRightCorner() {
        List<double[]> roc = Metrics.roc(SCORE, BAD);
        assertThat(roc.get(0)).containsExactly(0, 0);
        assertThat(roc.get(roc.size() - 1)).containsExactly(1, 1);
    }
}
