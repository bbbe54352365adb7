package org.p2prollout.solver.absorption;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;

/**
 * Solves {@code x (−Q_TT) = b} for a row vector x on the transient states T (those that are
 * not absorbing and can reach absorption), class by class in topological order of the strongly
 * connected components ({@link TransientClasses}). With {@code b} an initial distribution,
 * {@code x_j} is the expected time spent in j before absorption.
 *
 * <p>Per class C, with {@code a_C} = b_C plus the flow received from earlier classes:
 * <ul>
 * <li>one state without self-dependency: {@code x_j = a_j / E_j} (exact up to one rounding; an
 *     acyclic chain is solved entirely this way, in one pass over its transitions);</li>
 * <li>up to {@link AbsorptionOptions#denseLimit()} states: dense LU with partial pivoting (EJML);</li>
 * <li>larger, when its bandwidth (states in increasing index order) bounds the LU fill to
 *     {@link AbsorptionOptions#maxFill()} entries: sparse LU with partial pivoting (EJML);</li>
 * <li>otherwise: Gauss–Seidel sweeps on the class, stopped when the class residual
 *     {@code ‖a_C − x_C(−Q_CC)‖₁ <= tolerance·‖a_C‖₁}; throws {@link NotConvergedException}
 *     after {@link AbsorptionOptions#maxSweeps()} sweeps.</li>
 * </ul>
 * Afterwards the residual {@code ‖b − x(−Q_TT)‖₁ / ‖b‖₁} of the whole system is computed and
 * reported.
 */
final class OccupancySolver {
    private final Generator q;
    private final TransientClasses classes;
    private final AbsorptionOptions options;
    int singletons;
    int denseBlocks;
    int iterativeBlocks;
    int sparseBlocks;
    long sweeps;

    OccupancySolver(Generator q, TransientClasses classes, AbsorptionOptions options) {
        this.q = q;
        this.classes = classes;
        this.options = options;
    }

    /** Result of one solve: x, and the flow of x·Q into each non-transient state. */
    record Solution(double[] x, double[] outflow, Accuracy accuracy) {
    }

    Solution solve(double[] b, boolean wantOutflow) {
        singletons = 0;
        denseBlocks = 0;
        iterativeBlocks = 0;
        sparseBlocks = 0;
        sweeps = 0;
        int n = q.states();
        int[] classOf = classes.classOf;
        double[] acc = new double[n];
        for (int s = 0; s < n; s++) {
            if (classOf[s] >= 0) {
                acc[s] = b[s];
            }
        }
        double[] x = new double[n];
        double[] outflow = wantOutflow ? new double[n] : null;
        int[] local = null;
        for (int c = 0; c < classes.classes(); c++) {
            int from = classes.classStart[c];
            int to = classes.classStart[c + 1];
            int size = to - from;
            if (size == 1) {
                int j = classes.members[from];
                x[j] = acc[j] / q.exitRate(j);
                singletons++;
            } else if (size <= options.denseLimit()) {
                if (local == null) {
                    local = new int[n];
                }
                dense(c, from, to, acc, x, local);
                denseBlocks++;
            } else {
                if (local == null) {
                    local = new int[n];
                }
                if (sparseLu(c, from, to, acc, x, local)) {
                    sparseBlocks++;
                } else {
                    gaussSeidel(c, from, to, acc, x);
                    iterativeBlocks++;
                }
            }
            // push the flow x_i q_ik out of the class
            for (int m = from; m < to; m++) {
                int i = classes.members[m];
                double xi = x[i];
                if (xi == 0) {
                    continue;
                }
                for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
                    int t = q.column(k);
                    int ct = classOf[t];
                    if (ct == c) {
                        continue;
                    }
                    double f = xi * q.rate(k);
                    if (ct >= 0) {
                        acc[t] += f;
                    } else if (outflow != null) {
                        outflow[t] += f;
                    }
                }
            }
        }
        double residual = residual(b, x);
        String method = "SCC-ordered elimination: " + singletons + " single-state classes (substitution), " + denseBlocks
                + " dense LU blocks, " + sparseBlocks + " sparse LU blocks, " + iterativeBlocks + " Gauss-Seidel blocks";
        String criterion = iterativeBlocks == 0 ? "direct; relative residual ||b - x(-Q)||_1/||b||_1 reported"
                : "per block relative residual <= " + options.tolerance();
        return new Solution(x, outflow, new Accuracy(method, sweeps, residual, Double.NaN, criterion, true));
    }

    private void dense(int c, int from, int to, double[] acc, double[] x, int[] local) {
        int m = to - from;
        int[] classOf = classes.classOf;
        for (int i = 0; i < m; i++) {
            local[classes.members[from + i]] = i;
        }
        // x_C A = a_C with A = -Q_CC  <=>  A^T x^T = a^T
        DMatrixRMaj at = new DMatrixRMaj(m, m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        for (int i = 0; i < m; i++) {
            int s = classes.members[from + i];
            at.unsafe_set(i, i, q.exitRate(s));
            rhs.unsafe_set(i, 0, acc[s]);
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                int t = q.column(k);
                if (classOf[t] == c) {
                    int j = local[t];
                    at.unsafe_set(j, i, at.unsafe_get(j, i) - q.rate(k));
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(m);
        if (!lu.setA(at)) {
            throw new IllegalStateException("singular transient block of " + m + " states (cannot happen when every state reaches absorption)");
        }
        DMatrixRMaj sol = new DMatrixRMaj(m, 1);
        lu.solve(rhs, sol);
        for (int i = 0; i < m; i++) {
            x[classes.members[from + i]] = sol.unsafe_get(i, 0);
        }
    }

    /**
     * Sparse LU (EJML, states in increasing index order, no fill-reducing permutation) when the
     * class's bandwidth in that order bounds the fill to {@link AbsorptionOptions#maxFill()}
     * entries; returns false (nothing done) otherwise.
     */
    private boolean sparseLu(int c, int from, int to, double[] acc, double[] x, int[] local) {
        int m = to - from;
        int[] classOf = classes.classOf;
        int[] sorted = java.util.Arrays.copyOfRange(classes.members, from, to);
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < m; i++) {
            local[sorted[i]] = i;
        }
        long bandwidth = 0;
        long entries = m;
        for (int i = 0; i < m; i++) {
            int s = sorted[i];
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                int t = q.column(k);
                if (classOf[t] == c) {
                    bandwidth = Math.max(bandwidth, Math.abs(local[t] - i));
                    entries++;
                }
            }
        }
        if ((2 * bandwidth + 1) * m > options.maxFill()) {
            return false;
        }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(m, m, (int) entries);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        for (int i = 0; i < m; i++) {
            int s = sorted[i];
            t.addItem(i, i, q.exitRate(s));
            rhs.unsafe_set(i, 0, acc[s]);
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                int u = q.column(k);
                if (classOf[u] == c) {
                    t.addItem(local[u], i, -q.rate(k));   // transposed: x A = a  <=>  A^T x^T = a^T
                }
            }
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!lu.setA(a)) {
            return false;
        }
        DMatrixRMaj sol = new DMatrixRMaj(m, 1);
        lu.solve(rhs, sol);
        for (int i = 0; i < m; i++) {
            x[sorted[i]] = sol.unsafe_get(i, 0);
        }
        return true;
    }

    private void gaussSeidel(int c, int from, int to, double[] acc, double[] x) {
        Generator.Incoming in = q.incoming();
        int[] classOf = classes.classOf;
        int[] members = classes.members;
        double norm = 0;
        for (int m = from; m < to; m++) {
            int j = members[m];
            norm += Math.abs(acc[j]);
            x[j] = acc[j] / q.exitRate(j);
        }
        if (norm == 0) {
            return;
        }
        double target = options.tolerance() * norm;
        double res = Double.NaN;
        for (int sweep = 1; sweep <= options.maxSweeps(); sweep++) {
            sweeps++;
            for (int m = from; m < to; m++) {
                int j = members[m];
                double s = acc[j];
                for (int k = in.start(j); k < in.end(j); k++) {
                    int i = in.source(k);
                    if (classOf[i] == c) {
                        s += x[i] * in.rate(k);
                    }
                }
                x[j] = s / q.exitRate(j);
            }
            if (sweep % 8 == 0 || sweep == options.maxSweeps()) {
                res = blockResidual(c, from, to, acc, x, in);
                if (res <= target) {
                    return;
                }
            }
        }
        throw new NotConvergedException(new Accuracy("Gauss-Seidel on a transient class of " + (to - from) + " states",
                options.maxSweeps(), res / norm, Double.NaN, "relative residual <= " + options.tolerance(), false),
                "a larger maxSweeps or a looser tolerance in AbsorptionOptions");
    }

    private double blockResidual(int c, int from, int to, double[] acc, double[] x, Generator.Incoming in) {
        int[] classOf = classes.classOf;
        double r = 0;
        for (int m = from; m < to; m++) {
            int j = classes.members[m];
            double s = acc[j] - x[j] * q.exitRate(j);
            for (int k = in.start(j); k < in.end(j); k++) {
                int i = in.source(k);
                if (classOf[i] == c) {
                    s += x[i] * in.rate(k);
                }
            }
            r += Math.abs(s);
        }
        return r;
    }

    /** ‖b − x(−Q_TT)‖₁ / ‖b‖₁ over the transient states. */
    private double residual(double[] b, double[] x) {
        int n = q.states();
        int[] classOf = classes.classOf;
        double[] r = new double[n];
        double norm = 0;
        for (int s = 0; s < n; s++) {
            if (classOf[s] >= 0) {
                r[s] = b[s] - x[s] * q.exitRate(s);
                norm += Math.abs(b[s]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (classOf[i] >= 0 && x[i] != 0) {
                for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
                    int t = q.column(k);
                    if (classOf[t] >= 0) {
                        r[t] += x[i] * q.rate(k);
                    }
                }
            }
        }
        double sum = 0;
        for (int s = 0; s < n; s++) {
            sum += Math.abs(r[s]);
        }
        return norm == 0 ? 0 : sum / norm;
    }
}
