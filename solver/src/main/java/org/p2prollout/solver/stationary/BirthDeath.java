package org.p2prollout.solver.stationary;

import org.p2prollout.core.Checks;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;

/**
 * Closed form of the stationary distribution of a finite birth–death chain on {@code 0..n-1}:
 * {@code π_k ∝ Π_{i<k} λ_i / μ_{i+1}}, computed by products (no subtractions, accurate to a few
 * ulp relative) and scaled by the largest term to avoid overflow.
 */
public final class BirthDeath {
    private BirthDeath() {
    }

    /**
     * @param birth {@code birth[k]} rate k → k+1 per second, {@code k < n-1}, all {@code > 0}
     * @param death {@code death[k]} rate k → k-1 per second, {@code k >= 1}, all {@code > 0}
     *              ({@code death[0]} is ignored)
     */
    public static double[] stationary(double[] birth, double[] death) {
        int n = death.length;
        if (birth.length < n - 1) {
            throw new InvalidInputException("birth rates must number at least " + (n - 1) + ", got " + birth.length);
        }
        double[] logPi = new double[n];
        for (int k = 1; k < n; k++) {
            Checks.positive("birth rate " + (k - 1), birth[k - 1]);
            Checks.positive("death rate " + k, death[k]);
            logPi[k] = logPi[k - 1] + Math.log(birth[k - 1]) - Math.log(death[k]);
        }
        // products directly where they stay in range, for full accuracy; logs only for the scale
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logPi) {
            max = Math.max(max, v);
        }
        double[] pi = new double[n];
        int mode = 0;
        for (int k = 0; k < n; k++) {
            if (logPi[k] == max) {
                mode = k;
                break;
            }
        }
        pi[mode] = 1;
        for (int k = mode + 1; k < n; k++) {
            pi[k] = pi[k - 1] * (birth[k - 1] / death[k]);
        }
        for (int k = mode - 1; k >= 0; k--) {
            pi[k] = pi[k + 1] * (death[k + 1] / birth[k]);
        }
        double sum = 0;
        for (double v : pi) {
            sum += v;
        }
        for (int k = 0; k < n; k++) {
            pi[k] /= sum;
        }
        return pi;
    }

    /**
     * The closed form for a generator that is an irreducible birth–death chain (only k → k±1
     * transitions, all present), or {@code null} when it is not one.
     */
    public static double[] stationaryOf(Generator q) {
        int n = q.states();
        double[] birth = new double[Math.max(0, n - 1)];
        double[] death = new double[n];
        for (int s = 0; s < n; s++) {
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                int t = q.column(k);
                if (t == s + 1) {
                    birth[s] = q.rate(k);
                } else if (t == s - 1) {
                    death[s] = q.rate(k);
                } else {
                    return null;
                }
            }
        }
        for (int k = 1; k < n; k++) {
            if (birth[k - 1] == 0 || death[k] == 0) {
                return null;
            }
        }
        return stationary(birth, death);
    }
}
