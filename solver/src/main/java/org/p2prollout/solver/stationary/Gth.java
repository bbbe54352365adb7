package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;

/**
 * Grassmann–Taksar–Heyman elimination: state reduction on the dense generator without
 * subtractions, so every probability, however small, is accurate to a few ulp (relative).
 * O(n³) time and 8n² bytes: for chains up to {@value #MAX_STATES} states.
 */
public final class Gth extends AbstractStationarySolver {
    /** Largest chain accepted (a 4000² dense matrix is 128 MB and about 2·10¹⁰ flops). */
    public static final int MAX_STATES = 4000;

    @Override
    public String name() {
        return "GTH";
    }

    @Override
    protected Solution solveIrreducible(Generator q) {
        int n = q.states();
        if (n > MAX_STATES) {
            throw new InvalidInputException("GTH is for chains up to " + MAX_STATES + " states, got " + n
                    + "; use 'method' direct, krylov or gs");
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
                a[i][q.column(k)] = q.rate(k);
            }
        }
        // censor states n-1, n-2, ..., 1 one after the other
        for (int k = n - 1; k > 0; k--) {
            double[] rowK = a[k];
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += rowK[j];
            }
            for (int i = 0; i < k; i++) {
                double[] rowI = a[i];
                double f = rowI[k] / s;
                rowI[k] = f;
                if (f != 0) {
                    for (int j = 0; j < k; j++) {
                        rowI[j] += f * rowK[j];
                    }
                }
            }
        }
        double[] pi = new double[n];
        pi[0] = 1;
        for (int k = 1; k < n; k++) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += pi[i] * a[i][k];
            }
            pi[k] = sum;
        }
        return new Solution(pi, 0, "exact elimination (GTH, no subtractions)");
    }
}
