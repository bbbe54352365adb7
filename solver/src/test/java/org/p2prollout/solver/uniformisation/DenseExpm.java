package org.p2prollout.solver.uniformisation;

/**
 * Reference for tests: π(0)·e^{Qt} by scaling and squaring of a dense matrix with a degree-30
 * Taylor polynomial on ‖Qt‖/2^s <= 1/8 (truncation below 1e-40 relative), independent of
 * uniformisation.
 */
final class DenseExpm {
    private DenseExpm() {
    }

    static double[] timesExp(double[] pi, double[][] q, double t) {
        int n = q.length;
        double norm = 0;
        for (double[] row : q) {
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            norm = Math.max(norm, s);
        }
        int squarings = 0;
        double scale = t;
        while (norm * scale > 0.125) {
            scale /= 2;
            squarings++;
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = q[i][j] * scale;
            }
        }
        double[][] result = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= 30; k++) {
            term = multiply(term, a);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    term[i][j] /= k;
                    result[i][j] += term[i][j];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            result = multiply(result, result);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[j] += pi[i] * result[i][j];
            }
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = x[i][k];
                if (v != 0) {
                    for (int j = 0; j < n; j++) {
                        z[i][j] += v * y[k][j];
                    }
                }
            }
        }
        return z;
    }
}
