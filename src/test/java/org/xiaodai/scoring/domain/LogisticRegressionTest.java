package org.xiaodai.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /** x = 0: 30 rows, 10 bad; x = 1: 20 rows, 15 bad */
    private static final double[][] X = new double[1][50];
    private static final int[] Y = new int[50];

    static {
        for (int i = 0; i < 50; i++) {
            X[0][i] = i < 30 ? 0 : 1;
            Y[i] = i < 10 || (i >= 30 && i < 45) ? 1 : 0;
        }
    }

    @Test
    void irlsFindsTheClosedFormSolutionOfABinaryPredictor() {
        LogisticRegression.Fit fit = LogisticRegression.exact().fit(X, Y);

        // intercept = ln(10 / 20); slope = ln(15 / 5) − ln(10 / 20) = ln 6
        assertThat(fit.converged()).isTrue();
        assertThat(fit.intercept()).isCloseTo(Math.log(0.5), within(1e-9));
        assertThat(fit.slope(0)).isCloseTo(Math.log(6), within(1e-9));
        // log-likelihood = 10 ln(1/3) + 20 ln(2/3) + 15 ln(3/4) + 5 ln(1/4)
        double expected = 10 * Math.log(1 / 3.0) + 20 * Math.log(2 / 3.0) + 15 * Math.log(0.75) + 5 * Math.log(0.25);
        assertThat(fit.logLikelihood()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void theL2PenaltyShrinksTheSlopeButNotTheIntercept() {
        LogisticRegression.Fit exact = LogisticRegression.exact().fit(X, Y);
        LogisticRegression.Fit ridge = new LogisticRegression(5, 100, 1e-10).fit(X, Y);

        assertThat(ridge.converged()).isTrue();
        assertThat(ridge.slope(0)).isPositive().isLessThan(exact.slope(0));
    }

    @Test
    void perfectlySeparatedDataStopsAtTheStepLimitAndSaysSo() {
        double[][] x = {{0, 0, 0, 1, 1, 1}};
        int[] y = {0, 0, 0, 1, 1, 1};

        LogisticRegression.Fit fit = new LogisticRegression(0, 25, 1e-10).fit(x, y);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(25);
        assertThat(new LogisticRegression(1, 100, 1e-10).fit(x, y).converged()).isTrue();
    }
}
