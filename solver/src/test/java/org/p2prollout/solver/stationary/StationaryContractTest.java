package org.p2prollout.solver.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;

/**
 * The one contract every stationary method meets (EJML style): on the same family of chains,
 * each method's answer agrees with a reference computed independently (closed form, hand
 * calculation, or Gaussian elimination written here, in decimal or double arithmetic: never GTH,
 * one of the methods under test).
 */
class StationaryContractTest {
    private static final Convergence TIGHT = new Convergence(1e-13, true, 2_000_000);

    /** A chain, the initial distribution, and the expected long-run distribution. */
    record Case(String name, Generator q, int initial, double[] expected, double tolerance) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Function<Convergence, StationarySolver>> methods() {
        List<Function<Convergence, StationarySolver>> all = new ArrayList<>();
        for (String name : StationaryMethods.NAMES) {
            all.add(c -> StationaryMethods.byName(name, c, ProgressListener.NONE));
        }
        return all;
    }

    static Stream<Arguments> contract() {
        List<Case> cases = List.of(birthDeath(), mm1k(), randomIrreducible(7), randomIrreducible(8),
                reducible(), spreadOverTwelveOrders(), birthDeathSpreadOverTwelveOrders(), twoStates(),
                openSwarmGrid());
        List<Arguments> args = new ArrayList<>();
        for (String m : StationaryMethods.NAMES) {
            for (Case c : cases) {
                args.add(Arguments.of(m, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("contract")
    void everyMethodAgreesWithTheIndependentReference(String method, Case c) {
        StationarySolver solver = StationaryMethods.byName(method, TIGHT, ProgressListener.NONE);
        double[] initial = new double[c.q().states()];
        initial[c.initial()] = 1;
        double[] initialCopy = initial.clone();
        StationaryResult r = solver.solve(c.q(), initial);
        assertArrayEquals(initialCopy, initial, "input modified");
        double[] pi = r.distribution();
        double sum = 0;
        for (int s = 0; s < pi.length; s++) {
            assertTrue(pi[s] >= 0, "negative probability at " + s);
            sum += pi[s];
            assertEquals(c.expected()[s], pi[s], c.tolerance(), "state " + s);
        }
        assertEquals(1.0, sum, 1e-12);
        assertTrue(r.accuracy().converged());
        assertEquals(solver.name(), r.accuracy().method());
        assertEquals(c.q().residual(pi), r.accuracy().residual(), 1e-300 + 1e-9 * r.accuracy().residual());
        assertTrue(r.accuracy().residual() <= 1e-6 * c.q().maxExitRate(), "residual " + r.accuracy().residual());
    }

    static Case birthDeath() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 30;
        double[] birth = new double[n - 1];
        double[] death = new double[n];
        Generator.Builder b = Generator.builder(n);
        for (int k = 0; k < n - 1; k++) {
            birth[k] = 0.5 + rng.nextDouble() * 2;
            death[k + 1] = 0.5 + rng.nextDouble() * 2;
            b.add(k, k + 1, birth[k]).add(k + 1, k, death[k + 1]);
        }
        // closed form by hand, independent of BirthDeath: pi_k ∝ prod birth/death
        double[] pi = new double[n];
        pi[0] = 1;
        double sum = 1;
        for (int k = 1; k < n; k++) {
            pi[k] = pi[k - 1] * birth[k - 1] / death[k];
            sum += pi[k];
        }
        for (int k = 0; k < n; k++) {
            pi[k] /= sum;
        }
        return new Case("birth-death(30)", b.build(), 0, pi, 1e-9);
    }

    static Case mm1k() {
        double lambda = 3;
        double mu = 4;
        int capacity = 25;
        Generator.Builder b = Generator.builder(capacity + 1);
        for (int k = 0; k < capacity; k++) {
            b.add(k, k + 1, lambda).add(k + 1, k, mu);
        }
        double rho = lambda / mu;
        double[] pi = new double[capacity + 1];
        for (int k = 0; k <= capacity; k++) {
            pi[k] = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, capacity + 1));
        }
        return new Case("M/M/1/25", b.build(), 0, pi, 1e-9);
    }

    static Case randomIrreducible(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 60;
        Generator.Builder b = Generator.builder(n);
        for (int s = 0; s < n; s++) {
            b.add(s, (s + 1) % n, 0.1 + rng.nextDouble());   // a ring makes it irreducible
            for (int e = 0; e < 3; e++) {
                int t = rng.nextInt(n);
                if (t != s) {
                    b.add(s, t, rng.nextDouble() * 5);
                }
            }
        }
        Generator q = b.build();
        return new Case("random irreducible(60, seed " + seed + ")", q, 0, denseReference(q, 40), 1e-9);
    }

    /**
     * Transient 0, 1; bottom classes A = {2, 3}, B = {4}, C = {5, 6, 7}. From 0: to 1 at 1, to 2
     * at 2; from 1: to 0 at 1, to 4 at 3, to 5 at 1. By first-step analysis the probabilities of
     * reaching A, B, C from 0 are 5/7, 3/14, 1/14.
     */
    static Case reducible() {
        Generator q = Generator.builder(8)
                .add(0, 1, 1).add(0, 2, 2)
                .add(1, 0, 1).add(1, 4, 3).add(1, 5, 1)
                .add(2, 3, 4).add(3, 2, 1)           // A: pi = (1, 4) / 5
                .add(5, 6, 2).add(6, 5, 1).add(6, 7, 1).add(7, 6, 3)   // C: pi ∝ 1, 2, 2/3
                .build();
        double[] pi = new double[8];
        pi[2] = 5.0 / 7 * 1 / 5;
        pi[3] = 5.0 / 7 * 4 / 5;
        pi[4] = 3.0 / 14;
        double c = 1 + 2 + 2.0 / 3;
        pi[5] = 1.0 / 14 * 1 / c;
        pi[6] = 1.0 / 14 * 2 / c;
        pi[7] = 1.0 / 14 * (2.0 / 3) / c;
        return new Case("reducible (3 bottom classes)", q, 0, pi, 1e-10);
    }

    /**
     * Rates from 1e-6 to 1e6 per second: births 1e3, deaths 1e6, a return from the top to 0 at
     * 1e-6 and a jump 0 -> 3 at 1e-2; probabilities span about 18 orders of magnitude.
     */
    static Case spreadOverTwelveOrders() {
        int n = 7;
        Generator.Builder b = Generator.builder(n);
        for (int k = 0; k < n - 1; k++) {
            b.add(k, k + 1, 1e3).add(k + 1, k, 1e6);
        }
        b.add(n - 1, 0, 1e-6).add(0, 3, 1e-2);
        Generator q = b.build();
        return new Case("rates 1e-6..1e6", q, 0, denseReference(q, 60), 1e-12);
    }

    /**
     * Birth–death with births alternating 1e-6 and 1e3 and deaths 1e6: probabilities fall to
     * about 1e-40; closed form by hand. (A chain whose slow rates govern its mixing, e.g. deaths
     * of 1 next to rates of 1e6, defeats power and Jacobi; see {@link StiffChainTest}.)
     */
    static Case birthDeathSpreadOverTwelveOrders() {
        int n = 8;
        double[] birth = new double[n - 1];
        double[] death = new double[n];
        Generator.Builder b = Generator.builder(n);
        for (int k = 0; k < n - 1; k++) {
            birth[k] = k % 2 == 0 ? 1e-6 : 1e3;
            death[k + 1] = 1e6;
            b.add(k, k + 1, birth[k]).add(k + 1, k, death[k + 1]);
        }
        double[] pi = new double[n];
        pi[0] = 1;
        double sum = 1;
        for (int k = 1; k < n; k++) {
            pi[k] = pi[k - 1] * birth[k - 1] / death[k];
            sum += pi[k];
        }
        for (int k = 0; k < n; k++) {
            pi[k] /= sum;
        }
        return new Case("birth-death rates 1e-6..1e6", b.build(), 0, pi, 1e-12);
    }

    /**
     * The open-swarm chain on a 30 x 20 grid (651 states; deep enough for multilevel aggregation),
     * against a dense LU solve in double precision (partial pivoting), not GTH.
     */
    static Case openSwarmGrid() {
        Generator q = org.p2prollout.solver.bench.OpenSwarmChain.reference().withLimits(30, 20).build();
        return new Case("open swarm 30x20", q, 0, denseLu(q), 1e-9);
    }

    /**
     * The reference for irreducible chains, independent of every solver under test: pi Q = 0 with
     * one balance equation replaced by sum pi = 1, solved by Gaussian elimination with partial
     * pivoting in {@code digits}-digit decimal arithmetic (so rounding cannot reach the tolerances).
     */
    static double[] denseReference(Generator q, int digits) {
        java.math.MathContext mc = new java.math.MathContext(digits);
        int n = q.states();
        java.math.BigDecimal[][] a = new java.math.BigDecimal[n][n + 1];
        for (java.math.BigDecimal[] row : a) {
            java.util.Arrays.fill(row, java.math.BigDecimal.ZERO);
        }
        // row j of A = column j of Q (A = Q^T); the last row is the normalisation
        for (int s = 0; s < n; s++) {
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                int t = q.column(k);
                java.math.BigDecimal r = new java.math.BigDecimal(q.rate(k));
                a[t][s] = a[t][s].add(r, mc);
                a[s][s] = a[s][s].subtract(r, mc);
            }
        }
        for (int s = 0; s < n; s++) {
            a[n - 1][s] = java.math.BigDecimal.ONE;
        }
        a[n - 1][n] = java.math.BigDecimal.ONE;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (a[r][c].abs().compareTo(a[p][c].abs()) > 0) {
                    p = r;
                }
            }
            java.math.BigDecimal[] tmp = a[c];
            a[c] = a[p];
            a[p] = tmp;
            for (int r = c + 1; r < n; r++) {
                if (a[r][c].signum() == 0) {
                    continue;
                }
                java.math.BigDecimal f = a[r][c].divide(a[c][c], mc);
                for (int j = c; j <= n; j++) {
                    a[r][j] = a[r][j].subtract(f.multiply(a[c][j], mc), mc);
                }
            }
        }
        double[] pi = new double[n];
        java.math.BigDecimal[] x = new java.math.BigDecimal[n];
        for (int r = n - 1; r >= 0; r--) {
            java.math.BigDecimal v = a[r][n];
            for (int j = r + 1; j < n; j++) {
                v = v.subtract(a[r][j].multiply(x[j], mc), mc);
            }
            x[r] = v.divide(a[r][r], mc);
            pi[r] = x[r].doubleValue();
        }
        return pi;
    }

    /** {@link #denseReference}'s elimination in double precision, for chains too large for decimals. */
    static double[] denseLu(Generator q) {
        int n = q.states();
        double[][] a = new double[n][n + 1];
        for (int s = 0; s < n; s++) {
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                a[q.column(k)][s] += q.rate(k);
                a[s][s] -= q.rate(k);
            }
        }
        java.util.Arrays.fill(a[n - 1], 1);
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[p];
            a[p] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                if (f != 0) {
                    for (int j = c; j <= n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] pi = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = a[r][n];
            for (int j = r + 1; j < n; j++) {
                v -= a[r][j] * pi[j];
            }
            pi[r] = v / a[r][r];
        }
        return pi;
    }

    /** Two states, rates a and b: pi = (b, a) / (a + b). Periodic under naive uniformisation. */
    static Case twoStates() {
        Generator q = Generator.builder(2).add(0, 1, 2.5).add(1, 0, 2.5).build();
        return new Case("two states", q, 1, new double[] {0.5, 0.5}, 1e-12);
    }
}
