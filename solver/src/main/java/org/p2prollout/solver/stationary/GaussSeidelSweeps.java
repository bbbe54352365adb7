package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Generator;

/** A fixed number of in-place Gauss–Seidel sweeps for πQ = 0, used to find a likely state. */
final class GaussSeidelSweeps {
    private GaussSeidelSweeps() {
    }

    static void run(Generator q, double[] x, int sweeps) {
        Generator.Incoming in = q.incoming();
        for (int it = 0; it < sweeps; it++) {
            for (int j = 0; j < x.length; j++) {
                double sum = 0;
                for (int k = in.start(j); k < in.end(j); k++) {
                    sum += x[in.source(k)] * in.rate(k);
                }
                x[j] = sum / q.exitRate(j);
            }
            AbstractStationarySolver.normalise(x);
        }
    }
}
