package org.p2prollout.solver.stationary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Generator;

class BirthDeathTest {
    @Test
    void mm1kClosedFormWithoutOverflowForLongChains() {
        // M/M/1/K with rho = 2 and K = 2000: pi_k = rho^k (rho - 1) / (rho^(K+1) - 1), heavy at the top
        int capacity = 2000;
        double[] birth = new double[capacity];
        double[] death = new double[capacity + 1];
        java.util.Arrays.fill(birth, 2.0);
        java.util.Arrays.fill(death, 1.0);
        double[] pi = BirthDeath.stationary(birth, death);
        assertEquals(0.5, pi[capacity], 1e-15);
        assertEquals(0.25, pi[capacity - 1], 1e-15);
        assertEquals(0.0, pi[0], 1e-300);
    }

    @Test
    void recognisesBirthDeathGeneratorsOnly() {
        Generator bd = Generator.builder(3).add(0, 1, 1).add(1, 0, 2).add(1, 2, 1).add(2, 1, 2).build();
        double[] pi = BirthDeath.stationaryOf(bd);
        assertEquals(4.0 / 7, pi[0], 1e-15);
        assertEquals(2.0 / 7, pi[1], 1e-15);
        assertEquals(1.0 / 7, pi[2], 1e-15);
        Generator jump = Generator.builder(3).add(0, 2, 1).add(2, 0, 1).build();
        assertNull(BirthDeath.stationaryOf(jump));
    }
}
