package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinningTest {

    private static final double NAN = Double.NaN;

    @Test
    void weightOfEvidenceAndInformationValueMatchAHandComputedTable() {
        // x ≤ 10: 40 goods, 10 bads; x > 10: 20 goods, 30 bads (G = 60, B = 40)
        Dataset data = ScoringTestUtils.numeric("x", new double[][] {{5, 50, 10}, {20, 50, 30}});
        VariableBinning b = Binner.bin(data, 0, BinningOptions.defaults().withManualCuts("x", 10));

        assertThat(b.bins()).extracting(Bin::label).containsExactly("<=10", ">10", "missing");
        // WOE = ln((40/60) / (10/40)) = ln(2.6667) and ln((20/60) / (30/40)) = ln(0.4444)
        assertThat(b.bins().get(0).woe()).isCloseTo(0.980829, within(1e-6));
        assertThat(b.bins().get(1).woe()).isCloseTo(-0.810930, within(1e-6));
        // IV = (0.6667 − 0.25) × 0.980829 + (0.3333 − 0.75) × (−0.810930) = 0.408679 + 0.337887
        assertThat(b.iv()).isCloseTo(0.746567, within(1e-6));
        assertThat(b.bins().get(2).count()).isZero();
        assertThat(b.bins().get(2).woe()).isZero();
    }

    @Test
    void missingValuesAndSpecialValuesKeepBinsOfTheirOwn() {
        Dataset data = ScoringTestUtils.numeric("delay", new double[][] {
            {-1, 30, 3}, {0, 40, 8}, {1, 20, 10}, {2, 10, 8}, {NAN, 10, 5}});
        VariableBinning b = Binner.bin(data, 0, BinningOptions.defaults().withSpecialValues("delay", -1)
                .withMinBinShare(0.0));

        assertThat(b.bins()).extracting(Bin::type).endsWith(Bin.Type.SPECIAL, Bin.Type.MISSING);
        Bin special = b.bins().get(b.binOf(-1));
        assertThat(special.label()).isEqualTo("=-1");
        assertThat(special.goods()).isEqualTo(27);
        assertThat(special.bads()).isEqualTo(3);
        Bin missing = b.bins().get(b.binOf(NAN));
        assertThat(missing.type()).isEqualTo(Bin.Type.MISSING);
        assertThat(missing.count()).isEqualTo(10);
        // the three regular values have rising bad rates (20 %, 50 %, 80 %): each keeps its bin
        assertThat(b.binOf(0)).isNotEqualTo(b.binOf(1)).isNotEqualTo(b.binOf(2));
    }

    @Test
    void monotonicOptionPoolsBinsUntilTheBadRateMovesOneWay() {
        // bad rates 10 %, 30 %, 20 %, 60 %: the 30 % and 20 % classes are pooled into 25 %
        Dataset data = ScoringTestUtils.numeric("x", new double[][] {{1, 100, 10}, {2, 100, 30}, {3, 100, 20}, {4, 100, 60}});
        VariableBinning mono = Binner.bin(data, 0, BinningOptions.defaults().withMinBinShare(0));
        VariableBinning free = Binner.bin(data, 0, BinningOptions.defaults().withMinBinShare(0).withMonotonic(false));

        assertThat(mono.bins()).extracting(Bin::label).containsExactly("<=1", "(1,3]", ">3", "missing");
        assertThat(mono.bins().get(1).badRate()).isEqualTo(0.25);
        assertThat(free.bins()).hasSize(5);
    }

    @Test
    void binsBelowTheMinimumShareMergeWithTheNeighbourOfCloserBadRate() {
        // value 2 holds 2 % of rows: merged into value 3 (bad rate 50 %) rather than value 1 (10 %)
        Dataset data = ScoringTestUtils.numeric("x", new double[][] {{1, 49, 5}, {2, 2, 1}, {3, 49, 25}});
        VariableBinning b = Binner.bin(data, 0, BinningOptions.defaults().withMinBinShare(0.05));

        assertThat(b.bins()).extracting(Bin::label).containsExactly("<=1", ">1", "missing");
        assertThat(b.bins().get(1).count()).isEqualTo(51);
    }

    @Test
    void manualCutPointsOverrideTheSearch() {
        Dataset data = ScoringTestUtils.numeric("age", new double[][] {{20, 10, 5}, {30, 10, 3}, {40, 10, 1}, {50, 10, 2}});
        VariableBinning b = Binner.bin(data, 0, BinningOptions.defaults().withManualCuts("age", 35, 25));

        assertThat(b.bins()).extracting(Bin::label).containsExactly("<=25", "(25,35]", ">35", "missing");
        assertThat(b.binOf(25)).isZero();
        assertThat(b.binOf(25.5)).isEqualTo(1);
        assertThat(b.binOf(99)).isEqualTo(2);
    }

    @Test
    void categoriesAreOrderedByBadRateAndUnseenOnesFallIntoTheMissingBin() {
        Dataset data = ScoringTestUtils.categorical("housing", new Object[][] {
            {"rent", 40, 20}, {"own", 50, 5}, {"free", 10, 4}});
        VariableBinning b = Binner.bin(data, 0, BinningOptions.defaults().withMinBinShare(0));

        assertThat(b.bins()).extracting(Bin::label).containsExactly("own", "free", "rent", "missing");
        assertThat(b.binOf("castle")).isEqualTo(b.missingBin());
        assertThat(b.binOf((String) null)).isEqualTo(b.missingBin());
        assertThat(b.bins().get(0).woe()).isGreaterThan(0);
        assertThat(b.bins().get(2).woe()).isLessThan(0);
    }

    @Test
    void selectionDropsWeakVariablesAndTheWeakerOfTwoCorrelatedOnes() {
        Dataset data = ScoringTestUtils.numeric("x", new double[][] {{5, 50, 10}, {20, 50, 30}});
        VariableBinning strong = Binner.bin(data, 0, BinningOptions.defaults().withManualCuts("x", 10));
        double[] woe = strong.woeColumn(data, 0);
        double[] weak = new double[woe.length];
        double[] copy = woe.clone();
        VariableBinning empty = new VariableBinning(Feature.numeric("y"), List.of(
                new Bin(Bin.Type.RANGE, "all", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of(), 60, 40, 0, 0),
                new Bin(Bin.Type.MISSING, "missing", NAN, NAN, List.of(), 0, 0, 0, 0)));

        List<Integer> kept = VariableSelection.select(List.of(strong, empty, strong), new double[][] {woe, weak, copy},
                0.02, 0.7, 10);

        assertThat(kept).containsExactly(0);
    }
}
