package org.p2prollout.model.swarm;

import org.p2prollout.solver.Accuracy;
import java.util.ArrayList;
import java.util.List;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.ode.LevelEvent;
import org.p2prollout.solver.ode.OdeOptions;
import org.p2prollout.solver.ode.OdeResult;
import org.p2prollout.solver.ode.OdeSolver;
import org.p2prollout.solver.ode.VectorField;

/**
 * Rollout in a heterogeneous fleet (PRODUCT.md section 4.3). State = holders per group (class x
 * uploader/free rider); a non-holder of class c gets the update at rate
 * {@code mu_c + p sum_d lambda_cd (uploading holders in d)}.
 *
 * <p>While the chain has at most {@code maxStates} states it is solved exactly: holders only grow,
 * so it is an {@link AcyclicChain} (moments in one backward pass, CDF by the Fourier series of
 * the characteristic function, one backward pass per term; coverage curves by uniformisation). Beyond that the answer is the mean-field ODE over lacking fractions,
 * integrated in logarithms so that N = 10^9 costs the same as N = 10^3, and flagged
 * {@link PredictionMethod#MEAN_FIELD}: a large-N approximation with deterministic times.
 */
public final class HeterogeneousModel implements RolloutModel {
    /** Default largest exact chain. */
    public static final long DEFAULT_MAX_STATES = 2_000_000;
    /**
     * Largest uniformisation (transition visits) for an exact coverage curve; beyond it the curve is
     * the mean-field one (and says so).
     */
    public static final double CURVE_WORK_LIMIT = 1e10;
    /**
     * Absolute error bound of exact coverage curves by {@link AcyclicChain#rewardCurve} (far below
     * any simulation's confidence interval; tighter bounds cost terms as 1/sqrt(tolerance)).
     */
    public static final double CURVE_TOLERANCE = 1e-6;

    private final HeterogeneousFleet fleet;
    private final Groups groups;
    private final long maxStates;
    private final ProgressListener progress;

    public HeterogeneousModel(HeterogeneousFleet fleet, long maxStates, ProgressListener progress) {
        this.fleet = fleet;
        this.groups = new Groups(fleet);
        this.maxStates = Checks.inRange("maxStates", maxStates, 1, Integer.MAX_VALUE - 8);
        this.progress = progress;
        boolean anyServer = false;
        for (double mu : fleet.serverRates()) {
            anyServer |= mu > 0;
        }
        if (!anyServer && fleet.initialTotal() < fleet.nodes()) {
            boolean seeded = false;
            for (int g = 0; g < groups.count; g++) {
                seeded |= groups.uploads[g] && groups.initial[g] > 0;
            }
            if (!seeded) {
                throw new InvalidInputException("with server rate 0 the update needs at least one initial holder"
                        + " that uploads (not a free rider)");
            }
        }
    }

    public HeterogeneousModel(HeterogeneousFleet fleet, long maxStates) {
        this(fleet, maxStates, ProgressListener.NONE);
    }

    public HeterogeneousModel(HeterogeneousFleet fleet) {
        this(fleet, DEFAULT_MAX_STATES);
    }

    public HeterogeneousFleet fleet() {
        return fleet;
    }

    @Override
    public long nodes() {
        return fleet.nodes();
    }

    /** States of the exact chain, or -1 when above {@code maxStates}. */
    public long exactStates() {
        return groups.states(maxStates);
    }

    /** Whether predictions use the exact chain (else mean-field). */
    public boolean exact() {
        return exactStates() > 0;
    }

    @Override
    public RolloutPrediction predict(double coverage, double... levels) {
        double[] lv = levels.length == 0 ? RolloutPrediction.DEFAULT_LEVELS : levels;
        long target = RolloutModel.targetCount(nodes(), coverage);
        long needed = Math.max(0, target - fleet.initialTotal());
        if (exact()) {
            AcyclicChain chain = chain(target);
            AcyclicChain.HittingMoments m = chain.hittingMoments();
            TimeDistribution d = chain.hittingTimeFourier(progress);
            double offload = needed == 0 ? 0 : 1 - m.impulseTotal() / needed;
            return new RolloutPrediction(PredictionMethod.EXACT_CTMC, coverage, m.mean(), m.sd(),
                    RolloutPrediction.quantilesOf(d, lv), m.impulseTotal(), offload, chain.size(),
                    Accuracy.bounded("exact acyclic chain", d.cdfError(), TimeDistribution.QUANTILE_RELATIVE_TOLERANCE, 1e-12,
                            "exact chain: moments by backward pass, CDF by Fourier series of the characteristic function"));
        }
        MeanField mf = meanField(target, new double[0]);
        double offload = needed == 0 ? 0 : 1 - mf.serverDownloads / needed;
        java.util.Map<String, Double> q = new java.util.LinkedHashMap<>();
        for (double l : lv) {
            q.put(RolloutPrediction.levelKey(l), mf.time);
        }
        return new RolloutPrediction(PredictionMethod.MEAN_FIELD, coverage, mf.time, 0, q, mf.serverDownloads,
                offload, groups.count, Accuracy.approximation("mean-field ODE",
                        "mean-field ODE: a large-N approximation (exact chain would exceed the state limit maxStates = "
                                + maxStates + "); times are deterministic"));
    }

    @Override
    public TimeDistribution timeDistribution(double coverage) {
        long target = RolloutModel.targetCount(nodes(), coverage);
        if (exact()) {
            AcyclicChain chain = chain(target);
            return chain.hittingTimeFourier(progress);
        }
        return new DeterministicTime(meanField(target, new double[0]).time);
    }

    @Override
    public CoverageCurve coverageCurve(double[] times) {
        for (double t : times) {
            Checks.nonNegative("time", t);
        }
        long n = nodes();
        AcyclicChain chain = exact() ? chain(n) : null;
        if (chain != null) {
            double[] reward = new double[chain.size()];
            int[] lv = levelsInOrder();
            for (int i = 0; i < reward.length; i++) {
                reward[i] = (fleet.initialTotal() + lv[i]) / (double) n;
            }
            double uniformWork = chain.uniformisationWork();
            java.util.function.DoubleUnaryOperator curve = chain.rewardCurve(reward, CURVE_TOLERANCE,
                    Math.min(uniformWork, 4 * CURVE_WORK_LIMIT));
            if (curve != null) {
                double[] f = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    f[i] = curve.applyAsDouble(times[i]);
                }
                return new CoverageCurve(times.clone(), f, PredictionMethod.EXACT_CTMC, 1.1 * CURVE_TOLERANCE);
            }
            if (uniformWork <= CURVE_WORK_LIMIT) {
                AcyclicChain.Transient tr = chain.transientRewards(new double[][] {reward}, 1e-12, progress);
                double[] f = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    f[i] = tr.expected(0, times[i]);
                }
                return new CoverageCurve(times.clone(), f, PredictionMethod.EXACT_CTMC, tr.error());
            }
        }
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        MeanField mf = meanField(n, sorted);
        double[] f = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            f[i] = mf.fractionAt(times[i]);
        }
        return new CoverageCurve(times.clone(), f, PredictionMethod.MEAN_FIELD, Double.NaN);
    }

    // ---------------------------------------------------------------- exact chain

    private int[] dims() {
        int[] d = new int[groups.count];
        for (int g = 0; g < groups.count; g++) {
            d[g] = Math.toIntExact(groups.size[g] - groups.initial[g] + 1);
        }
        return d;
    }

    /** Level (extra holders) of each state in level order. */
    int[] levelsInOrder() {
        int[] d = dims();
        int s = Math.toIntExact(exactStates());
        int[] levelOf = mixedLevels(d, s);
        int[] sorted = levelOf.clone();
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    private static int[] mixedLevels(int[] d, int s) {
        int[] level = new int[s];
        int[] o = new int[d.length];
        int l = 0;
        for (int i = 0; i < s; i++) {
            level[i] = l;
            for (int g = 0; g < d.length; g++) { // odometer
                if (++o[g] < d[g]) {
                    l++;
                    break;
                }
                l -= o[g] - 1;
                o[g] = 0;
            }
        }
        return level;
    }

    /**
     * The exact chain with target "at least {@code target} holders". States are numbered by level
     * (total holders) so that every transition goes up and the live window is narrow.
     */
    public AcyclicChain chain(long target) {
        long states = exactStates();
        if (states < 0) {
            throw new InvalidInputException("the exact chain has more than 'maxStates' " + maxStates + " states");
        }
        int s = (int) states;
        int[] d = dims();
        int[] level = mixedLevels(d, s);
        int maxLevel = 0;
        for (int x : d) {
            maxLevel += x - 1;
        }
        int[] start = new int[maxLevel + 2];
        for (int l : level) {
            start[l + 1]++;
        }
        for (int l = 0; l <= maxLevel; l++) {
            start[l + 1] += start[l];
        }
        int[] rank = new int[s];
        for (int i = 0; i < s; i++) {
            rank[i] = start[level[i]]++;
        }
        int[] stride = new int[d.length];
        int acc = 1;
        for (int g = 0; g < d.length; g++) {
            stride[g] = acc;
            acc *= d[g];
        }
        AcyclicChain.Builder b = AcyclicChain.builder(s);
        int[] o = new int[d.length];
        long[] holders = groups.initial.clone();
        long base = fleet.initialTotal();
        for (int i = 0; i < s; i++) {
            if (base + level[i] >= target) {
                b.target(rank[i]);
            } else {
                for (int g = 0; g < d.length; g++) {
                    if (o[g] + 1 < d[g]) {
                        double acq = groups.acquisitionRate(g, holders);
                        if (acq > 0) {
                            b.add(rank[i], rank[i + stride[g]], (groups.size[g] - holders[g]) * acq,
                                    groups.server[g] / acq);
                        }
                    }
                }
            }
            for (int g = 0; g < d.length; g++) {
                if (++o[g] < d[g]) {
                    holders[g]++;
                    break;
                }
                holders[g] = groups.initial[g];
                o[g] = 0;
            }
        }
        b.initial(rank[0]);
        return b.build();
    }

    // ---------------------------------------------------------------- mean field

    /** Result of one mean-field run. */
    private record MeanField(double time, double serverDownloads, double[] sampleTimes, double[] sampleFractions) {
        double fractionAt(double t) {
            for (int i = 0; i < sampleTimes.length; i++) {
                if (sampleTimes[i] == t) {
                    return sampleFractions[i];
                }
            }
            throw new IllegalStateException("time not sampled: " + t);
        }
    }

    /**
     * Mean-field ODE over w_g = ln(lacking fraction of group g), plus the cumulative server
     * downloads: dw_g/dt = -(mu_g + sum_h coupling_gh n_h (1 - e^{w_h})) and
     * dS/dt = sum_g mu_g n_g e^{w_g}. Stops when the holders reach target - 1/2.
     */
    private MeanField meanField(long target, double[] sampleTimes) {
        int gCount = groups.count;
        long n = nodes();
        List<Integer> live = new ArrayList<>();
        double heldFixed = 0;
        for (int g = 0; g < gCount; g++) {
            if (groups.initial[g] < groups.size[g]) {
                live.add(g);
            } else {
                heldFixed += groups.size[g];
            }
        }
        int dim = live.size();
        double[] y0 = new double[dim + 1];
        double[] size = new double[dim];
        int[] idx = new int[dim];
        for (int k = 0; k < dim; k++) {
            int g = live.get(k);
            idx[k] = g;
            size[k] = groups.size[g];
            y0[k] = Math.log((groups.size[g] - groups.initial[g]) / (double) groups.size[g]);
        }
        final double fixedHolders = heldFixed;
        double fastest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < dim; k++) {
            int g = idx[k];
            double full = groups.server[g];
            for (int h = 0; h < gCount; h++) {
                full += groups.coupling[g][h] * groups.size[h];
            }
            fastest = Math.min(fastest, full);
        }
        double scale = (Math.log(2.0 * n) + 10) / fastest;
        VectorField field = new VectorField() {
            @Override
            public int dimension() {
                return dim + 1;
            }

            @Override
            public void derivative(double t, double[] y, double[] dydt) {
                double[] holders = new double[gCount];
                for (int g = 0; g < gCount; g++) {
                    holders[g] = groups.initial[g] >= groups.size[g] ? groups.size[g] : 0;
                }
                for (int k = 0; k < dim; k++) {
                    holders[idx[k]] = -Math.expm1(y[k]) * size[k];
                }
                double server = 0;
                for (int k = 0; k < dim; k++) {
                    int g = idx[k];
                    double r = groups.server[g];
                    for (int h = 0; h < gCount; h++) {
                        r += groups.coupling[g][h] * holders[h];
                    }
                    dydt[k] = -r;
                    server += groups.server[g] * size[k] * Math.exp(y[k]);
                }
                dydt[dim] = server;
            }
        };
        double lacking = n - (target - 0.5);
        double time = 0;
        double downloads = 0;
        OdeSolver solver = new OdeSolver(OdeOptions.DEFAULT.withTolerances(1e-11, 1e-11)
                .withMaxCheckInterval(scale / 200));
        List<LevelEvent> events = List.of(LevelEvent.of("target", y -> {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += size[k] * Math.exp(y[k]);
            }
            return Math.log(s);
        }, Math.log(lacking)));
        boolean reachedAlready = target <= fleet.initialTotal();
        double tEnd = scale * 1e4;
        double[] samples = sampleTimes.length == 0 ? new double[0] : sampleTimes;
        if (samples.length > 0) {
            tEnd = Math.max(tEnd, samples[samples.length - 1] * 1.000001 + 1e-9);
        }
        if (dim == 0) {
            return new MeanField(0, 0, samples, constant(samples, 1));
        }
        OdeResult r = solver.integrate(field, 0, y0, tEnd, samples, reachedAlready ? List.of() : events,
                samples.length == 0);
        if (!reachedAlready) {
            time = r.eventTime("target");
            if (Double.isNaN(time)) {
                throw new org.p2prollout.solver.NotConvergedException(Accuracy.iterative("mean-field ODE", 0,
                        Double.NaN, "reach " + target + " holders", false),
                        "the target was not reached by t = " + String.format(java.util.Locale.ROOT, "%.6g", tEnd)
                                + " s", "a smaller 'coverage', fewer free riders, or 'maxStates' large enough for the"
                                + " exact chain");
            }
            downloads = serverDownloadsAt(field, y0, time, dim);
        }
        double[] fractions = new double[r.sampleTimes().length];
        for (int i = 0; i < fractions.length; i++) {
            double held = fixedHolders;
            for (int k = 0; k < dim; k++) {
                held += -Math.expm1(r.samples()[i][k]) * size[k];
            }
            fractions[i] = held / n;
        }
        return new MeanField(time, downloads, r.sampleTimes(), fractions);
    }

    private static double[] constant(double[] t, double v) {
        double[] a = new double[t.length];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double serverDownloadsAt(VectorField field, double[] y0, double time, int dim) {
        if (time == 0) {
            return 0;
        }
        OdeResult r = new OdeSolver(OdeOptions.DEFAULT.withTolerances(1e-11, 1e-11).withMaxCheckInterval(time))
                .integrate(field, 0, y0, time, new double[0], List.of(), false);
        return r.endState()[dim];
    }
}
