package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StabilityTest {

    @Test
    void psiMatchesAHandComputedExample() {
        // expected 50/50, actual 60/40: (0.6 − 0.5) ln(1.2) + (0.4 − 0.5) ln(0.8) = 0.018232 + 0.022314
        assertThat(Stability.index(new double[] {50, 50}, new double[] {60, 40})).isCloseTo(0.040546, within(1e-6));
        assertThat(Stability.index(new double[] {0.2, 0.8}, new double[] {20, 80})).isCloseTo(0, within(1e-12));
    }

    @Test
    void anEmptiedBinIsMeasuredNotInfinite() {
        double psi = Stability.index(new double[] {50, 50}, new double[] {100, 0});
        assertThat(psi).isFinite().isGreaterThan(0.25);
    }

    @Test
    void levelsFollowTheUsualThresholds() {
        assertThat(Stability.level(0.05)).isEqualTo(Stability.Level.STABLE);
        assertThat(Stability.level(0.1)).isEqualTo(Stability.Level.WATCH);
        assertThat(Stability.level(0.25)).isEqualTo(Stability.Level.WATCH);
        assertThat(Stability.level(0.26)).isEqualTo(Stability.Level.ACT);
    }
}
