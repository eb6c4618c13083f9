package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScalingTest {

    private final Scaling scaling = Scaling.defaults();

    @Test
    void defaultFactorAndOffsetAreThoseOf600PointsAtOdds19AndPdo50() {
        // factor = 50 / ln 2 = 72.1348; offset = 600 − 72.1348 × ln 19 = 387.6036
        assertThat(scaling.factor()).isCloseTo(72.134752, within(1e-6));
        assertThat(scaling.offset()).isCloseTo(387.603624, within(1e-6));
    }

    @ParameterizedTest(name = "good:bad odds {0} → {1} points")
    @CsvSource({"19, 600", "38, 650", "76, 700", "9.5, 550", "4.75, 500"})
    void everyDoublingOfTheOddsAddsPdoPoints(double odds, double points) {
        assertThat(scaling.score(-Math.log(odds))).isCloseTo(points, within(1e-9));
    }

    @Test
    void theProbabilityOfDefaultAtTheBaseScoreIsOneInTwenty() {
        assertThat(scaling.probabilityOfDefault(600)).isCloseTo(0.05, within(1e-12));
        assertThat(scaling.probabilityOfDefault(650)).isCloseTo(1 / 39.0, within(1e-12));
    }
}
