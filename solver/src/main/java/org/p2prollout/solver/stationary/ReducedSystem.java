package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;

/**
 * The non-singular linear system equivalent to πQ = 0 with π_r fixed to 1, in compressed rows:
 * {@code A x = b} with {@code A = -Qᵀ} except that row r is the identity row and column r moved
 * to the right-hand side ({@code b_j = Q[r][j]}, {@code b_r = 1}). For an irreducible chain A is a
 * non-singular M-matrix (its solution is non-negative). Columns are increasing within a row and
 * every row holds its diagonal.
 */
final class ReducedSystem {
    final int n;
    final int[] start;
    final int[] cols;
    final double[] vals;
    final int[] diag;     // index of the diagonal entry of each row
    final double[] b;
    final int fixed;

    ReducedSystem(Generator q, int r) {
        n = q.states();
        fixed = r;
        Generator.Incoming in = q.incoming();
        start = new int[n + 1];
        for (int j = 0; j < n; j++) {
            int count = 1;
            if (j != r) {
                for (int k = in.start(j); k < in.end(j); k++) {
                    count += in.source(k) != r ? 1 : 0;
                }
            }
            start[j + 1] = start[j] + count;
        }
        cols = new int[start[n]];
        vals = new double[start[n]];
        diag = new int[n];
        b = new double[n];
        for (int j = 0; j < n; j++) {
            int p = start[j];
            if (j == r) {
                cols[p] = r;
                vals[p] = 1;
                diag[j] = p;
                b[j] = 1;
                continue;
            }
            boolean diagonalPlaced = false;
            for (int k = in.start(j); k < in.end(j); k++) {
                int i = in.source(k);
                if (i == r) {
                    b[j] = in.rate(k);
                    continue;
                }
                if (!diagonalPlaced && i > j) {
                    diag[j] = p;
                    cols[p] = j;
                    vals[p++] = q.exitRate(j);
                    diagonalPlaced = true;
                }
                cols[p] = i;
                vals[p++] = -in.rate(k);
            }
            if (!diagonalPlaced) {
                diag[j] = p;
                cols[p] = j;
                vals[p] = q.exitRate(j);
            }
        }
    }

    /** {@code out = A x}. */
    void multiply(double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += vals[k] * x[cols[k]];
            }
            out[i] = s;
        }
    }

    /** {@code out = A x} over rows [from, to): lets callers split the product between threads. */
    void multiply(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += vals[k] * x[cols[k]];
            }
            out[i] = s;
        }
    }
}
