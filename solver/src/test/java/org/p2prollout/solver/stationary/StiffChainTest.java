package org.p2prollout.solver.stationary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;

/**
 * A chain whose mixing is governed by rates 1e6 times slower than its fastest: the power method
 * needs about 1e6·ln(1/ε) iterations and must say so rather than return a wrong answer, while
 * the exact and preconditioned methods agree with the closed form.
 */
class StiffChainTest {
    /** Birth–death, births 1, deaths alternating 1e6 and 1. */
    private static Generator stiff(double[] birth, double[] death) {
        int n = death.length;
        Generator.Builder b = Generator.builder(n);
        for (int k = 0; k < n - 1; k++) {
            birth[k] = 1;
            death[k + 1] = k % 2 == 0 ? 1e6 : 1;
            b.add(k, k + 1, birth[k]).add(k + 1, k, death[k + 1]);
        }
        return b.build();
    }

    @Test
    void powerReportsWhatItReachedInsteadOfAWrongAnswer() {
        Generator q = stiff(new double[9], new double[10]);
        NotConvergedException e = assertThrows(NotConvergedException.class,
                () -> new Power(new Convergence(1e-10, true, 1000)).solve(q));
        assertEquals(1000, e.reached().iterations());
        assertFalse(e.reached().converged());
        assertTrue(e.getMessage().contains("1000 iterations") && e.getMessage().contains("try"), e.getMessage());
    }

    @Test
    void exactAndKrylovMethodsMatchTheClosedForm() {
        double[] birth = new double[9];
        double[] death = new double[10];
        Generator q = stiff(birth, death);
        double[] expected = BirthDeath.stationary(birth, death);
        assertArrayEquals(expected, new Gth().solve(q).distribution(), 1e-15);
        assertArrayEquals(expected, new SparseDirect().solve(q).distribution(), 1e-14);
        assertArrayEquals(expected, new Krylov(new Convergence(1e-12, true, 1000)).solve(q).distribution(), 1e-10);
        assertArrayEquals(expected, new GaussSeidel(new Convergence(1e-13, true, 100_000)).solve(q).distribution(), 1e-9);
    }

    @Test
    void gthIsAccurateToAFewUlpRelativeOnTinyProbabilities() {
        double[] birth = new double[9];
        double[] death = new double[10];
        Generator q = stiff(birth, death);
        double[] expected = BirthDeath.stationary(birth, death);
        double[] pi = new Gth().solve(q).distribution();
        for (int k = 0; k < pi.length; k++) {
            assertEquals(expected[k], pi[k], 1e-13 * expected[k], "state " + k);
        }
    }
}
