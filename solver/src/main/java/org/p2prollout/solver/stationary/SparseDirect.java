package org.p2prollout.solver.stationary;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;

/**
 * Sparse LU with partial pivoting (EJML) of the system πQ = 0 with one probability fixed
 * ({@link ReducedSystem}); the state fixed is re-chosen as the most likely one and the system
 * solved again if the first answer shows it far from it. Fill-in grows with the chain's
 * bandwidth, so this is for chains up to {@value #MAX_STATES} states.
 */
public final class SparseDirect extends AbstractStationarySolver {
    public static final int MAX_STATES = 200_000;

    @Override
    public String name() {
        return "sparse LU";
    }

    @Override
    protected Solution solveIrreducible(Generator q) {
        int n = q.states();
        if (n > MAX_STATES) {
            throw new InvalidInputException("the sparse direct method is for chains up to " + MAX_STATES
                    + " states, got " + n + "; use 'method' krylov or gs");
        }
        int r = 0;
        for (int s = 1; s < n; s++) {   // a state with large exit rate is rarely the least likely one
            if (q.exitRate(s) > q.exitRate(r)) {
                r = s;
            }
        }
        double[] x = solve(new ReducedSystem(q, r));
        int best = Krylov.argMax(x);
        if (!(x[best] <= 1e6 * x[r])) {
            x = solve(new ReducedSystem(q, best));
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(0, x[i]);
        }
        return new Solution(x, 0, "exact elimination (sparse LU, partial pivoting)");
    }

    private static double[] solve(ReducedSystem a) {
        int n = a.n;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, a.vals.length);
        for (int i = 0; i < n; i++) {
            for (int k = a.start[i]; k < a.start[i + 1]; k++) {
                t.addItem(i, a.cols[k], a.vals[k]);
            }
        }
        DMatrixSparseCSC m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!lu.setA(m)) {
            throw new ArithmeticException("sparse LU failed: matrix singular to working precision");
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1, true, a.b);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        lu.solve(b, x);
        return x.data.clone();
    }
}
