package org.p2prollout.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class GeneratorTest {
    /** Three states: 0 -> 1 at 2, 0 -> 2 at 1, 1 -> 0 at 3, 2 -> 1 at 0.5 + 0.25 (duplicate). */
    private static Generator small() {
        return Generator.builder(3)
                .add(2, 1, 0.5)
                .add(0, 2, 1.0)
                .add(1, 0, 3.0)
                .add(0, 1, 2.0)
                .add(2, 0, 0.0)
                .add(2, 1, 0.25)
                .build();
    }

    @Test
    void diagonalIsMinusExitRateAndDuplicatesAreSummedZerosDropped() {
        Generator q = small();
        assertEquals(3, q.states());
        assertEquals(4, q.transitions());
        assertEquals(3.0, q.exitRate(0));
        assertEquals(3.0, q.exitRate(1));
        assertEquals(0.75, q.exitRate(2));
        assertEquals(3.0, q.maxExitRate());
        assertEquals(0.75, q.rate(2, 1));
        assertEquals(0.0, q.rate(2, 0));
        // columns increase within a row
        assertEquals(1, q.column(q.rowStart(0)));
        assertEquals(2, q.column(q.rowStart(0) + 1));
        assertEquals(2, q.rowEnd(0) - q.rowStart(0));
    }

    @Test
    void multiplyLeftMatchesDenseProductAndLeavesInputAlone() {
        Generator q = small();
        double[] pi = {0.2, 0.3, 0.5};
        double[] out = new double[3];
        q.multiplyLeft(pi, out);
        // dense Q = [[-3,2,1],[3,-3,0],[0,0.75,-0.75]]
        double[] expected = {0.2 * -3 + 0.3 * 3, 0.2 * 2 + 0.3 * -3 + 0.5 * 0.75, 0.2 * 1 + 0.5 * -0.75};
        assertArrayEquals(expected, out, 1e-15);
        assertArrayEquals(new double[] {0.2, 0.3, 0.5}, pi);
        double[] v = {1, 2, 4};
        q.multiplyRight(v, out);
        assertArrayEquals(new double[] {-3 + 4 + 4, 3 - 6, 1.5 - 3}, out, 1e-15);
    }

    @Test
    void incomingTransitionsAreTheColumns() {
        Generator q = small();
        Generator.Incoming in = q.incoming();
        assertEquals(2, in.end(1) - in.start(1));
        assertEquals(0, in.source(in.start(1)));
        assertEquals(2.0, in.rate(in.start(1)));
        assertEquals(2, in.source(in.start(1) + 1));
        assertEquals(0.75, in.rate(in.start(1) + 1));
    }

    @Test
    void uniformisedRowsSumToOne() {
        Generator q = small();
        Generator.Uniformised p = q.uniformise();
        assertEquals(3.0, p.lambda());
        double[] ones = {1, 1, 1};
        double[] out = new double[3];
        p.multiplyRight(ones, out);
        assertArrayEquals(ones, out, 1e-15);
        double[] pi = {1, 0, 0};
        p.multiplyLeft(pi, out);
        assertArrayEquals(new double[] {0, 2.0 / 3, 1.0 / 3}, out, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> q.uniformise(2.9));
    }

    @Test
    void rejectsBadRatesAndSelfLoopsNamingTheTransition() {
        for (double bad : new double[] {-1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Generator.builder(3).add(0, 2, bad));
            assertTrue(e.getMessage().contains("0 -> 2") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Generator.builder(3).add(1, 1, 2.0));
        assertTrue(e.getMessage().contains("1 -> 1") && e.getMessage().contains("2.0"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Generator.builder(3).add(0, 3, 1.0));
        assertThrows(InvalidInputException.class, () -> Generator.builder(0));
    }

    @Test
    void randomOrderBuildEqualsDenseAccumulation() {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 60;
        double[][] dense = new double[n][n];
        Generator.Builder b = Generator.builder(n, 1);
        for (int e = 0; e < 3000; e++) {   // many duplicates, rows longer than 32
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (i == j) {
                continue;
            }
            double r = rng.nextDouble();
            dense[i][j] += r;
            b.add(i, j, r);
        }
        Generator q = b.build();
        long nz = 0;
        for (int i = 0; i < n; i++) {
            double exit = 0;
            for (int j = 0; j < n; j++) {
                assertEquals(dense[i][j], q.rate(i, j), 1e-12);
                exit += dense[i][j];
                nz += dense[i][j] > 0 ? 1 : 0;
            }
            assertEquals(exit, q.exitRate(i), 1e-12);
            for (int k = q.rowStart(i) + 1; k < q.rowEnd(i); k++) {
                assertTrue(q.column(k) > q.column(k - 1));
            }
        }
        assertEquals(nz, q.transitions());
    }

    @Test
    void accuracyAndNotConvergedSayWhatWasReached() {
        Accuracy a = Accuracy.iterative("Jacobi", 500, 3.5e-4, "relative 1e-06", false);
        NotConvergedException e = new NotConvergedException(a, "use 'method' krylov");
        assertTrue(e.getMessage().contains("500 iterations") && e.getMessage().contains("0.000350")
                && e.getMessage().contains("use 'method' krylov"), e.getMessage());
        assertEquals(a, e.reached());
        assertTrue(Accuracy.direct("GTH", 1e-17).converged());
    }
}
