package org.p2prollout.solver.uniformisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class FoxGlynnTest {
    /** Weights against Commons Math's Poisson pmf (Loader's saddle-point algorithm, an independent method). */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.7, 3, 29.5, 400, 12_345.6, 1e6, 1e7})
    void weightsMatchPoissonPmfAndTailsAreWithinEpsilon(double lambda) {
        double eps = 1e-10;
        FoxGlynn fg = FoxGlynn.compute(lambda, eps);
        PoissonDistribution p = new PoissonDistribution(null, lambda, 1e-15, 10_000_000);
        double kept = 0;
        for (int k = fg.left(); k <= fg.right(); k++) {
            double exact = p.probability(k);
            kept += exact;
            // pinned: relative error of weights <= truncated mass bound + 1e-9 (rounding of the reference)
            assertEquals(exact, fg.weight(k), exact * (fg.truncatedMassBound() + 1e-9) + 1e-300, "k = " + k);
        }
        assertTrue(fg.truncatedMassBound() <= eps);
        assertTrue(1 - kept <= eps + 1e-12, "mass outside [L, R] was " + (1 - kept));
        double sum = 0;
        for (double w : fg.weights()) {
            sum += w;
        }
        assertEquals(1.0, sum, 1e-13);
        // not wastefully wide: within 10 standard deviations + 40 of the mean on each side
        double width = 10 * Math.sqrt(lambda) + 40;
        assertTrue(fg.right() - lambda <= width && lambda - fg.left() <= width, "L, R = " + fg.left() + ", " + fg.right());
    }

    @Test
    void zeroMeanIsAPointMassAtZero() {
        FoxGlynn fg = FoxGlynn.compute(0, 1e-12);
        assertEquals(0, fg.left());
        assertEquals(0, fg.right());
        assertEquals(1.0, fg.weight(0));
        assertEquals(0.0, fg.truncatedMassBound());
    }

    @Test
    void tailAndExcessAgreeWithDirectSums() {
        double lambda = 50;
        FoxGlynn fg = FoxGlynn.compute(lambda, 1e-14);
        PoissonDistribution p = new PoissonDistribution(null, lambda, 1e-15, 10_000_000);
        assertEquals(1 - p.cumulativeProbability(45), fg.tail(45), 1e-12);
        // E[(N-k)^+] = (λ - k) P(N >= k+1)... computed directly by summation of the pmf
        double excess = 0;
        for (int j = 41; j < 400; j++) {
            excess += (j - 40) * p.probability(j);
        }
        assertEquals(excess, fg.expectedExcessOver(40), 1e-10);
        assertEquals(lambda, fg.expectedExcessOver(-1) - 1, 1e-10);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(InvalidInputException.class, () -> FoxGlynn.compute(-1, 1e-6));
        assertThrows(InvalidInputException.class, () -> FoxGlynn.compute(Double.NaN, 1e-6));
        assertThrows(InvalidInputException.class, () -> FoxGlynn.compute(5, 0));
        assertThrows(InvalidInputException.class, () -> FoxGlynn.compute(5, 0.9));
    }
}
