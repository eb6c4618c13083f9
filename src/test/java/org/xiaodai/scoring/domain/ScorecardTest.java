package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** age: ≤ 25 → 10, > 25 → 40, missing → 20; housing: rent → 15, own → 35, missing → 25; term: ≤ 12 → 30, > 12 → 5, missing → 10 */
    private final Scorecard card = new Scorecard(Scaling.defaults(), -1.0, List.of(
            characteristic(Feature.numeric("age"), List.of(range(-INF, 25), range(25, INF), missing()), 10, 40, 20),
            characteristic(Feature.categorical("housing"), List.of(categories("rent"), categories("own"), missing()), 15, 35, 25),
            characteristic(Feature.numeric("term"), List.of(range(-INF, 12), range(12, INF), missing()), 30, 5, 10)));

    @Test
    void theScoreIsTheSumOfThePointsOfEachValuesBin() {
        assertThat(card.score(Map.of("age", 30, "housing", "own", "term", 6))).isEqualTo(40 + 35 + 30);
        assertThat(card.score(Map.of("age", "22", "housing", "rent", "term", 24.0))).isEqualTo(10 + 15 + 5);
        assertThat(card.score(Map.of())).isEqualTo(20 + 25 + 10);
        assertThat(card.minScore()).isEqualTo(10 + 15 + 5);
        assertThat(card.maxScore()).isEqualTo(40 + 35 + 30);
    }

    @Test
    void reasonsAreTheVariablesCostingMostPointsAgainstTheirBestBin() {
        // age ≤ 25 loses 30, term > 12 loses 25, housing rent loses 20
        List<ReasonCode> reasons = card.reasons(Map.of("age", 22, "housing", "rent", "term", 24), 3);

        assertThat(reasons).extracting(ReasonCode::variable).containsExactly("age", "term", "housing");
        assertThat(reasons).extracting(ReasonCode::pointsLost).containsExactly(30, 25, 20);
        assertThat(reasons.get(0).binLabel()).isEqualTo("<=25");
    }

    @Test
    void aValueInTheBestBinIsNeverAReason() {
        List<ReasonCode> reasons = card.reasons(Map.of("age", 40, "housing", "own", "term", 24), 3);

        assertThat(reasons).extracting(ReasonCode::variable).containsExactly("term");
    }

    @Test
    void theProbabilityOfDefaultIsReadFromTheScore() {
        assertThat(card.probabilityOfDefault(600)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void pointsOfABinFollowTheScalingOfItsWoeAndCoefficient() {
        VariableBinning b = card.characteristics().get(0).binning();
        // WOE 0 everywhere: each of 3 variables gets (offset − factor × intercept) / 3
        int[] points = Characteristic.pointsOf(b, -0.8, -1.0, 3, Scaling.defaults());
        long expected = Math.round((387.603624 + 72.134752) / 3);
        assertThat(points).containsOnly((int) expected);
    }

    static Characteristic characteristic(Feature feature, List<Bin> bins, int... points) {
        return new Characteristic(new VariableBinning(feature, bins), -1, points);
    }

    static Bin range(double lower, double upper) {
        return new Bin(Bin.Type.RANGE, Binner.rangeLabel(lower, upper), lower, upper, List.of(), 1, 1, 0, 0);
    }

    static Bin categories(String... names) {
        return new Bin(Bin.Type.CATEGORIES, String.join(",", names), NAN, NAN, List.of(names), 1, 1, 0, 0);
    }

    static Bin missing() {
        return new Bin(Bin.Type.MISSING, "missing", NAN, NAN, List.of(), 0, 0, 0, 0);
    }
}
