package org.xiaodai.scoring.domain;

/**
 * Logistic regression fitted exactly by Newton–Raphson / IRLS (迭代重加权最小二乘), with an
 * optional L2 penalty on the slopes (never on the intercept). Each step solves the penalised
 * normal equations by Cholesky decomposition; a step that lowers the penalised log-likelihood is
 * halved (at most 30 times), and the fit stops when no coefficient moves by more than the
 * tolerance or after {@code maxIterations}, reporting whether it converged.
 */
public final class LogisticRegression {

    /**
     * @param coefficients intercept first, then one slope per column
     * @param iterations   Newton steps taken
     * @param converged    false when the step limit was reached first
     * @param logLikelihood the unpenalised log-likelihood at the solution
     */
    public record Fit(double[] coefficients, int iterations, boolean converged, double logLikelihood) {
        public Fit {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        public double intercept() {
            return coefficients[0];
        }

        public double slope(int j) {
            return coefficients[j + 1];
        }
    }

    private final double l2;
    private final int maxIterations;
    private final double tolerance;

    public LogisticRegression(double l2, int maxIterations, double tolerance) {
        if (l2 < 0 || maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("l2 >= 0, maxIterations >= 1 and tolerance > 0 are required");
        }
        this.l2 = l2;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** no penalty, 100 steps, tolerance 1e-10 */
    public static LogisticRegression exact() {
        return new LogisticRegression(0, 100, 1e-10);
    }

    /**
     * @param columns one array of n values per predictor
     * @param y       n targets, 1 or 0
     */
    public Fit fit(double[][] columns, int[] y) {
        int p = columns.length + 1;
        double[] beta = new double[p];
        double mean = 0;
        for (int t : y) {
            mean += t;
        }
        mean = Math.min(Math.max(mean / y.length, 1e-6), 1 - 1e-6);
        beta[0] = Math.log(mean / (1 - mean));
        double objective = penalised(columns, y, beta);
        for (int it = 1; it <= maxIterations; it++) {
            double[] step = newtonStep(columns, y, beta);
            double scale = 1;
            double[] next = add(beta, step, scale);
            double nextObjective = penalised(columns, y, next);
            for (int halvings = 0; nextObjective < objective - 1e-12 && halvings < 30; halvings++) {
                scale /= 2;
                next = add(beta, step, scale);
                nextObjective = penalised(columns, y, next);
            }
            double moved = 0;
            for (int j = 0; j < p; j++) {
                moved = Math.max(moved, Math.abs(next[j] - beta[j]));
            }
            beta = next;
            objective = nextObjective;
            if (moved < tolerance) {
                return new Fit(beta, it, true, logLikelihood(columns, y, beta));
            }
        }
        return new Fit(beta, maxIterations, false, logLikelihood(columns, y, beta));
    }

    private double[] newtonStep(double[][] x, int[] y, double[] beta) {
        int p = beta.length;
        int n = y.length;
        double[] gradient = new double[p];
        double[][] hessian = new double[p][p];
        double[] row = new double[p];
        row[0] = 1;
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < p; j++) {
                row[j] = x[j - 1][i];
            }
            double mu = sigmoid(eta(row, beta));
            double w = mu * (1 - mu);
            double r = y[i] - mu;
            for (int a = 0; a < p; a++) {
                gradient[a] += row[a] * r;
                double wa = w * row[a];
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += wa * row[b];
                }
            }
        }
        for (int a = 1; a < p; a++) {
            gradient[a] -= l2 * beta[a];
            hessian[a][a] += l2;
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                hessian[a][b] = hessian[b][a];
            }
        }
        return Cholesky.solve(hessian, gradient);
    }

    private double penalised(double[][] x, int[] y, double[] beta) {
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return logLikelihood(x, y, beta) - 0.5 * l2 * penalty;
    }

    static double logLikelihood(double[][] x, int[] y, double[] beta) {
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = beta[0];
            for (int j = 1; j < beta.length; j++) {
                eta += beta[j] * x[j - 1][i];
            }
            // log(1 + e^eta) computed without overflow
            double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            ll += y[i] * eta - softplus;
        }
        return ll;
    }

    private static double eta(double[] row, double[] beta) {
        double eta = 0;
        for (int j = 0; j < beta.length; j++) {
            eta += row[j] * beta[j];
        }
        return eta;
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double[] add(double[] beta, double[] step, double scale) {
        double[] out = new double[beta.length];
        for (int j = 0; j < beta.length; j++) {
            out[j] = beta[j] + scale * step[j];
        }
        return out;
    }
}
