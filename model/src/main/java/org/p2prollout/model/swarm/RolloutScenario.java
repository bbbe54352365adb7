package org.p2prollout.model.swarm;

import org.p2prollout.model.pieces.MultiPieceModel;
import org.p2prollout.model.pieces.MultiPieceSwarm;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * A closed-fleet rollout scenario and the model that answers it, in one place: what
 * {@code rollout predict} and {@code rollout plan} do, and what validation calls.
 *
 * <p>Choice of model: K = 1 and one homogeneous rate: {@link SinglePieceModel} (closed form);
 * K = 1 with classes: {@link HeterogeneousModel} (exact chain up to {@code maxStates}, else
 * mean-field); K &gt; 1: {@link MultiPieceModel} (homogeneous rate only; exact lumped chain up to
 * {@code maxStates}, else mean-field).
 *
 * @param nodes          N
 * @param rate           homogeneous lambda per pair per second (used when {@code classRates} is null)
 * @param classSizes     class sizes summing to N, or null
 * @param classRates     C x C rates per second, or null
 * @param freeRiderShare share of free riders (same in every class; classes only)
 * @param serverRate     mu per second
 * @param initialHolders m
 * @param success        p
 * @param pieces         K
 * @param perContact     k
 * @param policy         piece selection
 * @param maxStates      largest exact chain
 * @param serverPerVisit most pieces the server hands out per visit (K &gt; 1)
 */
public record RolloutScenario(long nodes, double rate, long[] classSizes, double[][] classRates,
        double freeRiderShare, double serverRate, long initialHolders, double success, int pieces, int perContact,
        PiecePolicy policy, long maxStates, int serverPerVisit) {
    /** A scenario whose server hands out one piece per visit. */
    public RolloutScenario(long nodes, double rate, long[] classSizes, double[][] classRates, double freeRiderShare,
            double serverRate, long initialHolders, double success, int pieces, int perContact, PiecePolicy policy,
            long maxStates) {
        this(nodes, rate, classSizes, classRates, freeRiderShare, serverRate, initialHolders, success, pieces,
                perContact, policy, maxStates, 1);
    }

    /**
     * Smallest positive rate accepted, per second (encounter or server): 1e-20, one event in three
     * trillion years per pair. Below it the rollout times (about 1 / rate) leave the range in which
     * the solvers' sums, Fourier inversion and ODE steps are meaningful (--rate 1e-300 gave a mean
     * of 1e299 s with sd "Infinity", or an ODE that never finished); 0 stays allowed (no peers, no
     * server).
     */
    public static final double MIN_POSITIVE_RATE = 1e-20;

    /** {@code value} if it is 0 or a finite rate >= {@link #MIN_POSITIVE_RATE}. */
    static double rate(String name, double value) {
        Checks.nonNegative(name, value);
        if (value > 0 && value < MIN_POSITIVE_RATE) {
            throw new InvalidInputException(name + " must be 0 or a rate in [" + MIN_POSITIVE_RATE
                    + ", infinity) per second, got " + value);
        }
        return value;
    }

    public RolloutScenario {
        Checks.inRange("serverPerVisit", serverPerVisit, 1, Integer.MAX_VALUE);
        Checks.inRange("nodes", nodes, 1, Long.MAX_VALUE);
        rate("rate", rate);
        Checks.probability("freeRiderShare", freeRiderShare);
        rate("serverRate", serverRate);
        Checks.inRange("initialHolders", initialHolders, 0, nodes);
        Checks.probability("success", success);
        Checks.inRange("pieces", pieces, 1, 16);
        Checks.inRange("perContact", perContact, 1, Integer.MAX_VALUE);
        Checks.inRange("maxStates", maxStates, 1, Integer.MAX_VALUE - 8);
        if ((classSizes == null) != (classRates == null)) {
            throw new InvalidInputException("class sizes and class rates go together");
        }
        if (classSizes != null && java.util.Arrays.stream(classSizes).sum() != nodes) {
            throw new InvalidInputException("class sizes must sum to 'nodes' " + nodes);
        }
        if (policy == null) {
            policy = PiecePolicy.RANDOM;
        }
        classSizes = classSizes == null ? null : classSizes.clone();
        classRates = deepCopy(classRates);
        if (pieces > 1 && freeRiderShare > 0) {
            // the multi-piece chain has no free riders: answering without them would look like an answer
            throw new InvalidInputException("freeRiderShare must be 0 with 'pieces' > 1 (free riders are modelled for"
                    + " a single-piece update only), got " + freeRiderShare);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    /** Class sizes (a copy), or null. */
    @Override
    public long[] classSizes() {
        return classSizes == null ? null : classSizes.clone();
    }

    /** Class rates (a copy), or null. */
    @Override
    public double[][] classRates() {
        return deepCopy(classRates);
    }

    /** Equal when every component is equal, arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RolloutScenario s && nodes == s.nodes && Double.compare(rate, s.rate) == 0
                && java.util.Arrays.equals(classSizes, s.classSizes) && java.util.Arrays.deepEquals(classRates, s.classRates)
                && Double.compare(freeRiderShare, s.freeRiderShare) == 0 && Double.compare(serverRate, s.serverRate) == 0
                && initialHolders == s.initialHolders && Double.compare(success, s.success) == 0
                && pieces == s.pieces && perContact == s.perContact && policy == s.policy
                && maxStates == s.maxStates && serverPerVisit == s.serverPerVisit;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(nodes, rate, java.util.Arrays.hashCode(classSizes),
                java.util.Arrays.deepHashCode(classRates), freeRiderShare, serverRate, initialHolders, success, pieces,
                perContact, policy, maxStates, serverPerVisit);
    }

    @Override
    public String toString() {
        return "RolloutScenario[nodes=" + nodes + ", rate=" + rate + ", classSizes="
                + java.util.Arrays.toString(classSizes) + ", classRates=" + java.util.Arrays.deepToString(classRates)
                + ", freeRiderShare=" + freeRiderShare + ", serverRate=" + serverRate + ", initialHolders="
                + initialHolders + ", success=" + success + ", pieces=" + pieces + ", perContact=" + perContact
                + ", policy=" + policy + ", maxStates=" + maxStates + ", serverPerVisit=" + serverPerVisit + "]";
    }

    /** A homogeneous single-piece scenario. */
    public static RolloutScenario homogeneous(long nodes, double rate, double serverRate, long initialHolders,
            double success) {
        return new RolloutScenario(nodes, rate, null, null, 0, serverRate, initialHolders, success, 1, 1,
                PiecePolicy.RANDOM, HeterogeneousModel.DEFAULT_MAX_STATES);
    }

    /** The same scenario with another server rate (the planner's family). */
    public RolloutScenario withServerRate(double mu) {
        return new RolloutScenario(nodes, rate, classSizes, classRates, freeRiderShare, mu, initialHolders, success,
                pieces, perContact, policy, maxStates, serverPerVisit);
    }

    /** The same scenario without peer transfers (client-server only). */
    public RolloutScenario withoutPeers() {
        return new RolloutScenario(nodes, rate, classSizes, classRates, freeRiderShare, serverRate, initialHolders, 0,
                pieces, perContact, policy, maxStates, serverPerVisit);
    }

    public boolean hasClasses() {
        return classSizes != null;
    }

    /** The model that answers this scenario. */
    public RolloutModel model() {
        return model(ProgressListener.NONE);
    }

    public RolloutModel model(ProgressListener progress) {
        if (pieces > 1) {
            if (nodes > Integer.MAX_VALUE) {
                throw new InvalidInputException("nodes must be at most " + Integer.MAX_VALUE + " with 'pieces' > 1");
            }
            if (hasClasses()) {
                throw new InvalidInputException("'pieces' > 1 is modelled for one homogeneous rate; with a classed 'rates'"
                        + " file add 'homogeneous' (uses its meanRate)");
            }
            double lambda = rate;
            return new MultiPieceModel(new MultiPieceSwarm((int) nodes, pieces, perContact, policy, lambda,
                    serverRate, success, (int) initialHolders, serverPerVisit), maxStates);
        }
        if (hasClasses() || freeRiderShare > 0) {
            long[] sizes = hasClasses() ? classSizes : new long[] {nodes};
            double[][] rates = hasClasses() ? classRates : new double[][] {{rate}};
            HeterogeneousFleet base = HeterogeneousFleet.of(sizes, rates, serverRate, initialHolders, success);
            double[] free = new double[sizes.length];
            java.util.Arrays.fill(free, freeRiderShare);
            HeterogeneousFleet fleet = new HeterogeneousFleet(sizes, rates, base.serverRates(), free,
                    base.initialHolders(), success);
            return new HeterogeneousModel(fleet, maxStates, progress);
        }
        return new SinglePieceModel(nodes, initialHolders, rate, serverRate, success);
    }

    /** Pair rate averaged over all pairs of devices: sum n_c n_d lambda_cd / N^2. */
    public double meanPairRate() {
        if (!hasClasses()) {
            return rate;
        }
        double s = 0;
        double n = nodes;
        for (int c = 0; c < classSizes.length; c++) {
            for (int d = 0; d < classSizes.length; d++) {
                s += classSizes[c] * (double) classSizes[d] * classRates[c][d];
            }
        }
        return s / (n * n);
    }
}
