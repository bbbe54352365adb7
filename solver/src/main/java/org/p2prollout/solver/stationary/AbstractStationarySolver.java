package org.p2prollout.solver.stationary;

import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.structure.CommunicatingClasses;

/**
 * The part every method shares: checks the input, splits a reducible chain into its bottom
 * classes, solves each with the method ({@link #solveIrreducible}), weights them by the
 * probability of reaching them ({@link BottomClassReachability}), and computes the residual.
 */
public abstract class AbstractStationarySolver implements StationarySolver {
    /** What the method computed on one irreducible chain. */
    protected record Solution(double[] pi, long iterations, String criterion, double errorEstimate) {
        /** Without an error estimate (direct methods, Krylov). */
        protected Solution(double[] pi, long iterations, String criterion) {
            this(pi, iterations, criterion, Double.NaN);
        }
    }

    /**
     * The stationary distribution of an irreducible generator with at least two states.
     * Must not modify {@code q}; may return an unnormalised non-negative vector.
     *
     * @throws org.p2prollout.solver.NotConvergedException when the method's criterion is not met
     */
    protected abstract Solution solveIrreducible(Generator q);

    @Override
    public StationaryResult solve(Generator q, double[] initial) {
        checkDistribution(q, initial);
        CommunicatingClasses classes = CommunicatingClasses.of(q);
        int n = q.states();
        double[] pi = new double[n];
        long iterations = 0;
        String criterion = "exact (single state)";
        double estimate = 0;
        int[] bottoms = classes.bottomClasses();
        if (classes.isIrreducible()) {
            Solution s = n == 1 ? new Solution(new double[] {1}, 0, criterion) : solveIrreducible(q);
            System.arraycopy(s.pi(), 0, pi, 0, n);
            normalise(pi);
            iterations = s.iterations();
            criterion = s.criterion();
            estimate = s.errorEstimate();
        } else {
            double[] weight = BottomClassReachability.probabilities(q, classes, initial);
            for (int c : bottoms) {
                if (weight[c] == 0) {
                    continue;
                }
                int[] members = classes.members(c);
                double[] local;
                if (members.length == 1) {
                    local = new double[] {1};
                } else {
                    Solution s = solveIrreducible(restrict(q, members));
                    local = s.pi().clone();
                    normalise(local);
                    iterations += s.iterations();
                    criterion = s.criterion();
                    estimate += weight[c] * s.errorEstimate();
                }
                for (int i = 0; i < members.length; i++) {
                    pi[members[i]] = weight[c] * local[i];
                }
            }
            normalise(pi);
        }
        double residual = q.residual(pi);
        Accuracy accuracy = iterations == 0 && criterion.startsWith("exact")
                ? new Accuracy(name(), 0, residual, Double.NaN, criterion, true)
                : Accuracy.iterative(name(), iterations, residual, criterion, true);
        return new StationaryResult(pi, accuracy, bottoms.length, estimate);
    }

    /** The generator restricted to a closed set of states (renumbered in the given order). */
    static Generator restrict(Generator q, int[] members) {
        int[] local = new int[q.states()];
        java.util.Arrays.fill(local, -1);
        for (int i = 0; i < members.length; i++) {
            local[members[i]] = i;
        }
        long m = 0;
        for (int s : members) {
            m += q.rowEnd(s) - q.rowStart(s);
        }
        Generator.Builder b = Generator.builder(members.length, (int) m);
        for (int i = 0; i < members.length; i++) {
            int s = members[i];
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                int t = local[q.column(k)];
                if (t >= 0) {
                    b.add(i, t, q.rate(k));
                }
            }
        }
        return b.build();
    }

    static void checkDistribution(Generator q, double[] initial) {
        if (initial.length != q.states()) {
            throw new InvalidInputException("initial distribution must have length " + q.states() + ", got " + initial.length);
        }
        double sum = 0;
        for (int s = 0; s < initial.length; s++) {
            if (!(initial[s] >= 0) || Double.isInfinite(initial[s])) {
                throw new InvalidInputException("initial probability of state " + s + " must be finite and >= 0, got " + initial[s]);
            }
            sum += initial[s];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new InvalidInputException("initial distribution must sum to 1 (within 1e-9), got " + sum);
        }
    }

    /** Divides by the sum (Kahan-free: sums of non-negative terms lose at most n ulp). */
    static void normalise(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new ArithmeticException("cannot normalise a vector with sum " + sum);
        }
        double inv = 1.0 / sum;
        for (int i = 0; i < x.length; i++) {
            x[i] *= inv;
        }
    }
}
