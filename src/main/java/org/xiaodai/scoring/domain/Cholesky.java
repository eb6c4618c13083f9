package org.xiaodai.scoring.domain;

/** Solves a symmetric positive definite system; a tiny ridge rescues a numerically singular one. */
final class Cholesky {

    private Cholesky() {
    }

    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double ridge = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[][] l = decompose(a, ridge);
            if (l != null) {
                return substitute(l, b);
            }
            ridge = ridge == 0 ? 1e-10 * trace(a) / n + 1e-12 : ridge * 100;
        }
        throw new ArithmeticException("the Hessian is not positive definite");
    }

    private static double[][] decompose(double[][] a, double ridge) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] substitute(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    private static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += Math.abs(a[i][i]);
        }
        return t;
    }
}
