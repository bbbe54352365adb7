package org.p2prollout.model.pieces;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.model.swarm.AcyclicChain;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.model.swarm.CoverageCurve;
import org.p2prollout.model.swarm.DeterministicTime;
import org.p2prollout.model.swarm.HeterogeneousModel;
import org.p2prollout.model.swarm.PredictionMethod;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.TimeDistribution;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.ode.LevelEvent;
import org.p2prollout.solver.ode.OdeOptions;
import org.p2prollout.solver.ode.OdeResult;
import org.p2prollout.solver.ode.OdeSolver;
import org.p2prollout.solver.ode.VectorField;

/**
 * Multi-piece rollout (PRODUCT.md section 4.4) under the rules of {@link MultiPieceSwarm}.
 *
 * <p>Exact: devices are exchangeable, so the state is the number of devices per piece set
 * (a vector over the 2^K sets summing to N). Only states reachable from the start are built
 * (breadth first); pieces held only grow, so it is an {@link AcyclicChain}. When the reachable
 * states exceed {@code maxStates}, the mean-field ODE over the fractions of devices per piece set
 * is used instead (K &lt;= {@link #MEAN_FIELD_MAX_PIECES}), flagged as a large-N approximation.
 */
public final class MultiPieceModel implements RolloutModel {
    public static final long DEFAULT_MAX_STATES = 500_000;
    public static final int MEAN_FIELD_MAX_PIECES = 8;

    private final MultiPieceSwarm swarm;
    private final long maxStates;

    public MultiPieceModel(MultiPieceSwarm swarm, long maxStates) {
        this.swarm = swarm;
        this.maxStates = Checks.inRange("maxStates", maxStates, 1, Integer.MAX_VALUE - 8);
    }

    public MultiPieceModel(MultiPieceSwarm swarm) {
        this(swarm, DEFAULT_MAX_STATES);
    }

    public MultiPieceSwarm swarm() {
        return swarm;
    }

    @Override
    public long nodes() {
        return swarm.nodes();
    }

    /** The exact lumped chain with target "at least {@code target} devices hold every piece", or null beyond maxStates. */
    public Lumped lumped(long target) {
        if (Math.log(maxStates) + Math.log(4) < logStateBound()) {
            return null; // far too many states: do not explore them only to give up
        }
        return Lumped.build(swarm, target, maxStates);
    }

    /**
     * log of an upper bound on the reachable states: compositions of N devices over the reachable
     * piece sets (2^K, or the K + 1 prefixes under the sequential policy).
     */
    double logStateBound() {
        int types = swarm.policy() == PiecePolicy.SEQUENTIAL ? swarm.pieces() + 1 : 1 << swarm.pieces();
        double n = swarm.nodes();
        return org.apache.commons.math3.special.Gamma.logGamma(n + types)
                - org.apache.commons.math3.special.Gamma.logGamma(n + 1)
                - org.apache.commons.math3.special.Gamma.logGamma(types);
    }

    @Override
    public RolloutPrediction predict(double coverage, double... levels) {
        double[] lv = levels.length == 0 ? RolloutPrediction.DEFAULT_LEVELS : levels;
        long target = RolloutModel.targetCount(nodes(), coverage);
        int k = swarm.pieces();
        Lumped l = lumped(target);
        if (l != null) {
            AcyclicChain.HittingMoments m = l.chain.hittingMoments();
            double delivered = l.chain.expectedTerminal(l.piecesHeld) - (double) swarm.initialHolders() * k;
            double server = m.impulseTotal();
            TimeDistribution d = l.chain.hittingTimeFourier(org.p2prollout.core.ProgressListener.NONE);
            return new RolloutPrediction(PredictionMethod.EXACT_CTMC, coverage, m.mean(), m.sd(),
                    RolloutPrediction.quantilesOf(d, lv), server / k, delivered > 0 ? 1 - server / delivered : 0,
                    l.chain.size(), Accuracy.bounded("exact lumped chain", d.cdfError(), TimeDistribution.QUANTILE_RELATIVE_TOLERANCE, 1e-12,
                            "exact lumped chain (devices per piece set): moments by backward pass, CDF by Fourier series"));
        }
        MeanField mf = meanField(target, new double[0]);
        Map<String, Double> q = new LinkedHashMap<>();
        for (double level : lv) {
            q.put(RolloutPrediction.levelKey(level), mf.time);
        }
        return new RolloutPrediction(PredictionMethod.MEAN_FIELD, coverage, mf.time, 0, q, mf.serverPieces / k,
                mf.delivered > 0 ? 1 - mf.serverPieces / mf.delivered : 0, 1L << k,
                Accuracy.approximation("mean-field ODE over piece sets", "mean-field ODE over piece sets: a large-N approximation (exact chain"
                        + " exceeds the state limit maxStates = " + maxStates + "); times are deterministic"));
    }

    @Override
    public TimeDistribution timeDistribution(double coverage) {
        long target = RolloutModel.targetCount(nodes(), coverage);
        Lumped l = lumped(target);
        if (l != null) {
            return l.chain.hittingTimeFourier(org.p2prollout.core.ProgressListener.NONE);
        }
        return new DeterministicTime(meanField(target, new double[0]).time);
    }

    @Override
    public CoverageCurve coverageCurve(double[] times) {
        for (double t : times) {
            Checks.nonNegative("time", t);
        }
        Lumped l = lumped(nodes());
        if (l != null) {
            java.util.function.DoubleUnaryOperator curve = l.chain.rewardCurve(l.completeFraction,
                    HeterogeneousModel.CURVE_TOLERANCE,
                    Math.min(l.chain.uniformisationWork(), 4e10));
            if (curve != null) {
                double[] f = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    f[i] = curve.applyAsDouble(times[i]);
                }
                return new CoverageCurve(times.clone(), f, PredictionMethod.EXACT_CTMC,
                        1.1 * HeterogeneousModel.CURVE_TOLERANCE);
            }
            AcyclicChain.Transient tr = l.chain.transientRewards(new double[][] {l.completeFraction}, 1e-12);
            double[] f = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                f[i] = tr.expected(0, times[i]);
            }
            return new CoverageCurve(times.clone(), f, PredictionMethod.EXACT_CTMC, tr.error());
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        MeanField mf = meanField(nodes(), sorted);
        double[] f = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            f[i] = mf.complete[Arrays.binarySearch(sorted, times[i])];
        }
        return new CoverageCurve(times.clone(), f, PredictionMethod.MEAN_FIELD, Double.NaN);
    }

    // ------------------------------------------------------------------ exact lumped chain

    /**
     * The lumped chain: states in level order (pieces held), the pieces held per state and the
     * fraction of devices complete per state. Server transitions carry as impulse the pieces handed out.
     */
    public static final class Lumped {
        public final AcyclicChain chain;
        public final double[] piecesHeld;
        public final double[] completeFraction;
        private final List<int[]> states;

        private Lumped(AcyclicChain chain, double[] piecesHeld, double[] completeFraction, List<int[]> states) {
            this.chain = chain;
            this.piecesHeld = piecesHeld;
            this.completeFraction = completeFraction;
            this.states = states;
        }

        /** Devices per piece set (index = set mask) of state {@code s} (a copy). */
        public int[] state(int s) {
            return states.get(s).clone();
        }

        static Lumped build(MultiPieceSwarm sw, long target, long maxStates) {
            int sets = 1 << sw.pieces();
            int full = sw.fullSet();
            int[] start = new int[sets];
            start[full] = sw.initialHolders();
            start[0] += sw.nodes() - sw.initialHolders();
            Map<Key, Integer> index = new HashMap<>();
            List<int[]> states = new ArrayList<>();
            List<double[]> edges = new ArrayList<>(); // per state: flattened (to, rate, impulse)
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            index.put(new Key(start), 0);
            states.add(start);
            queue.add(0);
            Map<Integer, Map<Integer, Double>> choiceCache = new HashMap<>();
            while (!queue.isEmpty()) {
                int s = queue.poll();
                int[] c = states.get(s);
                List<double[]> out = new ArrayList<>();
                if (c[full] < target) {
                    Map<Key, double[]> moves = transitions(sw, c, sets, full, choiceCache);
                    for (Map.Entry<Key, double[]> e : moves.entrySet()) {
                        Integer j = index.get(e.getKey());
                        if (j == null) {
                            if (states.size() >= maxStates) {
                                return null;
                            }
                            j = states.size();
                            index.put(e.getKey(), j);
                            states.add(e.getKey().counts);
                            queue.add(j);
                        }
                        out.add(new double[] {j, e.getValue()[0], e.getValue()[1]});
                    }
                }
                double[] flat = new double[out.size() * 3];
                for (int i = 0; i < out.size(); i++) {
                    System.arraycopy(out.get(i), 0, flat, 3 * i, 3);
                }
                edges.add(flat);
            }
            int n = states.size();
            long[] level = new long[n];
            Integer[] order = new Integer[n];
            for (int s = 0; s < n; s++) {
                order[s] = s;
                int[] c = states.get(s);
                for (int set = 0; set < sets; set++) {
                    level[s] += (long) c[set] * Integer.bitCount(set);
                }
            }
            Arrays.sort(order, (a, b) -> Long.compare(level[a], level[b]));
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[order[r]] = r;
            }
            AcyclicChain.Builder b = AcyclicChain.builder(n);
            double[] pieces = new double[n];
            double[] complete = new double[n];
            List<int[]> ordered = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                ordered.add(states.get(order[r]));
            }
            for (int s = 0; s < n; s++) {
                int[] c = states.get(s);
                pieces[rank[s]] = level[s];
                complete[rank[s]] = c[full] / (double) sw.nodes();
                if (c[full] >= target) {
                    b.target(rank[s]);
                }
                double[] flat = edges.get(s);
                for (int i = 0; i < flat.length; i += 3) {
                    b.add(rank[s], rank[(int) flat[i]], flat[i + 1], flat[i + 2]);
                }
            }
            b.initial(rank[0]);
            return new Lumped(b.build(), pieces, complete, ordered);
        }

        /** Next states of {@code c} with (rate, impulse); impulse = pieces from the server. */
        private static Map<Key, double[]> transitions(MultiPieceSwarm sw, int[] c, int sets, int full,
                Map<Integer, Map<Integer, Double>> cache) {
            Map<Key, double[]> moves = new LinkedHashMap<>();
            double[] counts = pieceCounts(c, sw.pieces());
            Map<Integer, Map<Integer, Double>> local = PieceSubsets.usesCounts(sw.policy()) ? new HashMap<>() : cache;
            double p = sw.success();
            for (int a = 0; a < sets; a++) {
                if (c[a] == 0) {
                    continue;
                }
                for (int bSet = a + 1; bSet < sets && sw.rate() > 0 && p > 0; bSet++) {
                    if (c[bSet] == 0) {
                        continue;
                    }
                    double pairRate = sw.rate() * c[a] * c[bSet];
                    Map<Integer, Double> outA = receive(sw, a, bSet, counts, local);
                    Map<Integer, Double> outB = receive(sw, bSet, a, counts, local);
                    for (Map.Entry<Integer, Double> ea : outA.entrySet()) {
                        for (Map.Entry<Integer, Double> eb : outB.entrySet()) {
                            int na = ea.getKey();
                            int nb = eb.getKey();
                            if (na == a && nb == bSet) {
                                continue;
                            }
                            int[] d = c.clone();
                            d[a]--;
                            d[bSet]--;
                            d[na]++;
                            d[nb]++;
                            add(moves, new Key(d), pairRate * ea.getValue() * eb.getValue(), 0);
                        }
                    }
                }
                if (a != full && sw.serverRate() > 0) {
                    Map<Integer, Double> pick = choice(sw, full & ~a, sw.serverPerVisit(), counts, local);
                    for (Map.Entry<Integer, Double> e : pick.entrySet()) {
                        int[] d = c.clone();
                        d[a]--;
                        d[a | e.getKey()]++;
                        add(moves, new Key(d), sw.serverRate() * c[a] * e.getValue(), Integer.bitCount(e.getKey()));
                    }
                }
            }
            return moves;
        }

        private static void add(Map<Key, double[]> moves, Key k, double rate, double impulse) {
            double[] v = moves.get(k);
            if (v == null) {
                moves.put(k, new double[] {rate, impulse});
            } else {
                // merged transition: impulse becomes the rate-weighted mean
                double total = v[0] + rate;
                v[1] = (v[0] * v[1] + rate * impulse) / total;
                v[0] = total;
            }
        }
    }

    /** Receiver {@code a} meeting sender {@code b}: new set -&gt; probability (staying included). */
    static Map<Integer, Double> receive(MultiPieceSwarm sw, int a, int b, double[] counts,
            Map<Integer, Map<Integer, Double>> cache) {
        int useful = b & ~a;
        Map<Integer, Double> out = new LinkedHashMap<>();
        if (useful == 0 || sw.success() == 0) {
            out.put(a, 1.0);
            return out;
        }
        if (sw.success() < 1) {
            out.put(a, 1 - sw.success());
        }
        for (Map.Entry<Integer, Double> e : choice(sw, useful, sw.perContact(), counts, cache).entrySet()) {
            out.merge(a | e.getKey(), sw.success() * e.getValue(), Double::sum);
        }
        return out;
    }

    private static Map<Integer, Double> choice(MultiPieceSwarm sw, int useful, int k, double[] counts,
            Map<Integer, Map<Integer, Double>> cache) {
        int key = useful * 64 + Math.min(k, 63);
        return cache.computeIfAbsent(key, x -> PieceSubsets.choose(sw.policy(), useful, k, counts));
    }

    static double[] pieceCounts(int[] c, int pieces) {
        double[] counts = new double[pieces];
        for (int set = 0; set < c.length; set++) {
            if (c[set] == 0) {
                continue;
            }
            for (int i = 0; i < pieces; i++) {
                if ((set & (1 << i)) != 0) {
                    counts[i] += c[set];
                }
            }
        }
        return counts;
    }

    /** A state vector as a hash key. */
    private static final class Key {
        final int[] counts;
        private final int hash;

        Key(int[] counts) {
            this.counts = counts;
            this.hash = Arrays.hashCode(counts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(counts, k.counts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    // ------------------------------------------------------------------ mean field

    private record MeanField(double time, double serverPieces, double delivered, double[] complete) {
    }

    /**
     * dx_A/dt over fractions x_A of devices holding set A: each device of A meets devices of B at rate
     * lambda (N - 1) x_B and, with probability p, gains a chosen subset of B \ A; it reaches the server
     * at rate mu and gains one piece. Extra components: server pieces and pieces delivered, per device.
     */
    private MeanField meanField(long target, double[] sampleTimes) {
        int k = swarm.pieces();
        if (k > MEAN_FIELD_MAX_PIECES) {
            throw new InvalidInputException("the exact chain exceeds 'maxStates' " + maxStates
                    + " and the mean-field ODE over piece sets is limited to 'pieces' <= " + MEAN_FIELD_MAX_PIECES
                    + "; raise 'maxStates' or use fewer pieces");
        }
        int sets = 1 << k;
        int full = swarm.fullSet();
        double n = swarm.nodes();
        double[] y0 = new double[sets + 2];
        y0[full] = swarm.initialHolders() / n;
        y0[0] += 1 - y0[full];
        Map<Integer, Map<Integer, Double>> cache = new HashMap<>();
        VectorField field = new VectorField() {
            @Override
            public int dimension() {
                return sets + 2;
            }

            @Override
            public void derivative(double t, double[] y, double[] dydt) {
                Arrays.fill(dydt, 0);
                double[] counts = new double[k];
                for (int set = 0; set < sets; set++) {
                    for (int i = 0; i < k; i++) {
                        if ((set & (1 << i)) != 0) {
                            counts[i] += y[set];
                        }
                    }
                }
                Map<Integer, Map<Integer, Double>> local = PieceSubsets.usesCounts(swarm.policy()) ? new HashMap<>() : cache;
                double contact = swarm.rate() * (n - 1) * swarm.success();
                for (int a = 0; a < sets; a++) {
                    double xa = y[a];
                    if (xa <= 0 || a == full) {
                        continue;
                    }
                    for (int b = 0; b < sets && contact > 0; b++) {
                        int useful = b & ~a;
                        if (useful == 0 || y[b] <= 0) {
                            continue;
                        }
                        double flow = xa * contact * y[b];
                        for (Map.Entry<Integer, Double> e : choice(swarm, useful, swarm.perContact(), counts, local)
                                .entrySet()) {
                            double f = flow * e.getValue();
                            dydt[a] -= f;
                            dydt[a | e.getKey()] += f;
                            dydt[sets + 1] += f * Integer.bitCount(e.getKey());
                        }
                    }
                    if (swarm.serverRate() > 0) {
                        double flow = xa * swarm.serverRate();
                        for (Map.Entry<Integer, Double> e : choice(swarm, full & ~a, swarm.serverPerVisit(), counts,
                                local).entrySet()) {
                            double f = flow * e.getValue();
                            int got = Integer.bitCount(e.getKey());
                            dydt[a] -= f;
                            dydt[a | e.getKey()] += f;
                            dydt[sets] += f * got;
                            dydt[sets + 1] += f * got;
                        }
                    }
                }
            }
        };
        double level = (target - 0.5) / n;
        double speed = swarm.rate() * n * swarm.success() + swarm.serverRate();
        double scale = (Math.log(2 * n) + 10) * k / speed;
        double tEnd = scale * 1e4;
        if (sampleTimes.length > 0) {
            tEnd = Math.max(tEnd, sampleTimes[sampleTimes.length - 1] * 1.000001 + 1e-9);
        }
        OdeSolver solver = new OdeSolver(OdeOptions.DEFAULT.withTolerances(1e-13, 1e-10).withMaxCheckInterval(scale / 200));
        boolean done = target <= swarm.initialHolders();
        List<LevelEvent> events = done ? List.of() : List.of(LevelEvent.component("target", full, level));
        OdeResult r = solver.integrate(field, 0, y0, tEnd, sampleTimes, events, sampleTimes.length == 0);
        double time = done ? 0 : r.eventTime("target");
        if (Double.isNaN(time)) {
            double reached = r.endState()[full] * n;
            throw new org.p2prollout.solver.NotConvergedException(new Accuracy("mean-field ODE over piece sets", 0,
                    Double.NaN, Double.NaN, "reach " + target + " complete devices", false),
                    String.format(java.util.Locale.ROOT, "%.6g of %d devices complete by t = %.6g s", reached,
                            swarm.nodes(), tEnd),
                    "a larger 'success' or 'serverRate', a smaller 'coverage', or 'maxStates' large enough for the"
                            + " exact chain");
        }
        double server = 0;
        double delivered = 0;
        if (time > 0) {
            OdeResult upTo = solver.integrate(field, 0, y0, time, new double[0], List.of(), false);
            server = upTo.endState()[sets] * n;
            delivered = upTo.endState()[sets + 1] * n;
        }
        double[] complete = new double[r.sampleTimes().length];
        for (int i = 0; i < complete.length; i++) {
            complete[i] = r.samples()[i][full];
        }
        return new MeanField(time, server, delivered, complete);
    }
}
