package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class HypoexponentialTest {
    @Test
    void equalRatesGiveTheErlangCdf() {
        for (int n : new int[] {1, 2, 3, 10, 100}) {
            double[] r = new double[n];
            Arrays.fill(r, 0.7);
            Hypoexponential h = new Hypoexponential(r);
            GammaDistribution erlang = new GammaDistribution(null, n, 1 / 0.7);
            for (double t : new double[] {0.1, 1, n / 0.7, 2 * n / 0.7, 5 * n / 0.7}) {
                assertEquals(erlang.cumulativeProbability(t), h.cdf(t), 1e-9, "n=" + n + " t=" + t);
            }
            assertEquals(n / 0.7, h.mean(), 1e-12 * n);
            assertEquals(Math.sqrt(n) / 0.7, h.sd(), 1e-12 * n);
        }
    }

    @Test
    void distinctRatesMatchThePartialFractionFormula() {
        check(new double[] {0.5, 1.3, 2.9, 7.0, 20.0}, new double[] {0.05, 0.5, 1, 2, 4, 8, 16});
        // one sojourn far slower than the others: the split (tilted) form
        check(new double[] {1e-6, 1, 2}, new double[] {0.5, 3, 1e3, 1e5, 1e6, 5e6});
        check(new double[] {1e-3, 0.5, 0.7, 3, 9}, new double[] {1, 10, 300, 1000, 5000});
    }

    private static void check(double[] r, double[] times) {
        Hypoexponential h = new Hypoexponential(r);
        for (double t : times) {
            double survival = 0;
            for (int i = 0; i < r.length; i++) {
                double c = 1;
                for (int j = 0; j < r.length; j++) {
                    if (j != i) {
                        c *= r[j] / (r[j] - r[i]);
                    }
                }
                survival += c * Math.exp(-r[i] * t);
            }
            assertEquals(1 - survival, h.cdf(t), 1e-9, "t=" + t);
        }
    }

    @Test
    void cdfIntegratesToTheMeanForAMillionRates() {
        int n = 1_000_000;
        double[] r = new double[n];
        for (int i = 1; i <= n; i++) {
            r[i - 1] = (double) (n + 1 - i) * i * 1e-6; // epidemic rates, N = n + 1, lambda = 1e-6
        }
        Hypoexponential h = new Hypoexponential(r);
        // E[T] = integral of the survival function; Simpson on a fine grid up to far in the tail
        double upper = h.mean() + 40 * h.sd();
        int steps = 20_000;
        double dt = upper / steps;
        double s = 0;
        for (int k = 0; k <= steps; k++) {
            double w = k == 0 || k == steps ? 1 : (k % 2 == 1 ? 4 : 2);
            s += w * (1 - h.cdf(k * dt));
        }
        s *= dt / 3;
        assertEquals(h.mean(), s, 1e-6 * h.mean());
        double median = h.quantile(0.5);
        assertEquals(0.5, h.cdf(median), 1e-8);
        assertTrue(h.quantile(0.9) > median && h.quantile(0.99) > h.quantile(0.9));
    }

    @Test
    void quantilesInvertTheCdf() {
        Hypoexponential h = new Hypoexponential(new double[] {1, 2, 3, 4, 100, 1000});
        for (double q : new double[] {0.01, 0.5, 0.9, 0.999}) {
            assertEquals(q, h.cdf(h.quantile(q)), 1e-8);
        }
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(InvalidInputException.class, () -> new Hypoexponential(new double[] {1, 0}));
        assertThrows(InvalidInputException.class, () -> new Hypoexponential(new double[] {1, Double.NaN}));
        assertThrows(InvalidInputException.class, () -> new Hypoexponential(new double[] {1, 2, 3}).quantile(1.5));
    }

    @Test
    void inputIsNotModified() {
        double[] r = {3, 1, 2};
        new Hypoexponential(r);
        assertEquals(3, r[0]);
    }
}
