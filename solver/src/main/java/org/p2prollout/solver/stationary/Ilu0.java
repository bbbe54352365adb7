package org.p2prollout.solver.stationary;

/**
 * Incomplete LU factorisation with no fill, ILU(0), of a {@link ReducedSystem}: L (unit lower)
 * and U share A's sparsity pattern. For an M-matrix it exists and its pivots are positive.
 * Factors are kept in single precision: a preconditioner needs no more, and it halves the bytes
 * each application reads.
 */
final class Ilu0 {
    private final ReducedSystem a;
    private final float[] lu;
    private final double[] invDiag;

    Ilu0(ReducedSystem a) {
        this.a = a;
        int n = a.n;
        double[] f = a.vals.clone();
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        invDiag = new double[n];
        for (int i = 0; i < n; i++) {
            int rs = a.start[i];
            int re = a.start[i + 1];
            for (int k = rs; k < re; k++) {
                pos[a.cols[k]] = k;
            }
            for (int k = rs; k < a.diag[i]; k++) {
                int c = a.cols[k];
                double lik = f[k] * invDiag[c];
                f[k] = lik;
                if (lik != 0) {
                    for (int m = a.diag[c] + 1; m < a.start[c + 1]; m++) {
                        int p = pos[a.cols[m]];
                        if (p >= 0) {
                            f[p] -= lik * f[m];
                        }
                    }
                }
            }
            double d = f[a.diag[i]];
            if (!(d > 0)) {
                d = Math.abs(a.vals[a.diag[i]]);   // guards a breakdown; cannot happen for an M-matrix
                if (d == 0) {
                    d = 1;
                }
            }
            invDiag[i] = 1.0 / d;
            for (int k = rs; k < re; k++) {
                pos[a.cols[k]] = -1;
            }
        }
        lu = new float[f.length];
        for (int k = 0; k < f.length; k++) {
            lu[k] = (float) f[k];
        }
    }

    /** {@code x = (LU)⁻¹ r}. {@code r} and {@code x} may be the same array. */
    void solve(double[] r, double[] x) {
        int n = a.n;
        int[] start = a.start;
        int[] cols = a.cols;
        int[] diag = a.diag;
        for (int i = 0; i < n; i++) {
            double s = r[i];
            for (int k = start[i]; k < diag[i]; k++) {
                s -= lu[k] * x[cols[k]];
            }
            x[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = diag[i] + 1; k < start[i + 1]; k++) {
                s -= lu[k] * x[cols[k]];
            }
            x[i] = s * invDiag[i];
        }
    }
}
