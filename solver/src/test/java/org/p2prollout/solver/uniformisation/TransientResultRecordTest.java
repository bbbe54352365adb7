package org.p2prollout.solver.uniformisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Accuracy;

/** Defect 6: TransientResult compares by content and does not share arrays with its callers. */
class TransientResultRecordTest {
    private static TransientResult of(double[] times, double[][] d) {
        return new TransientResult(times, d, new double[] {1e-12}, null, null, 2.0, -1, 0,
                new Accuracy("uniformisation (Fox-Glynn)", 5, Double.NaN, 1e-12, "eps 1e-10", true));
    }

    @Test
    void equalValuesAreEqualAndCallersMutationsDoNotShowThrough() {
        double[] times = {1.5};
        double[][] d = {{0.25, 0.75}};
        TransientResult a = of(times, d);
        TransientResult b = of(new double[] {1.5}, new double[][] {{0.25, 0.75}});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        d[0][0] = 9;
        times[0] = 9;
        assertEquals(0.25, a.distribution(0)[0]);
        assertEquals(0.25, a.distributionAt(1.5)[0]);
        a.distributions()[0][1] = 9;
        a.distribution(0)[1] = 9;
        assertEquals(0.75, a.distributions()[0][1]);
        assertEquals(a, b);
        assertNotEquals(a, of(new double[] {1.5}, new double[][] {{0.5, 0.5}}));
    }
}
