package org.p2prollout.model.pairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.model.swarm.CoverageCurve;
import org.p2prollout.model.swarm.PredictionMethod;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.RolloutPrediction;
import org.p2prollout.model.swarm.TimeDistribution;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * The per-device-pair chain of a static fleet (every device present all the time): device i
 * lacking the update receives it at rate {@code p Σ_j λ_ij} over holders j plus μ from the server.
 * Its state is the set of holders (2^N states), so it is solved by simulating the chain itself
 * ({@link PairsSpread}, Gillespie's direct method): {@code runs} independent rollouts per fleet,
 * initial holders drawn uniformly. Given several fleets (e.g. the realisations of a synthetic
 * city, each with the rates measured on its own contact log), the answer is their mixture with
 * equal weights: the distribution of T_q over fleets and rollouts.
 *
 * <p>Accuracy: Monte Carlo only. The CDF is within the Dvoretzky–Kiefer–Wolfowitz 95 % band
 * {@code sqrt(ln(40) / 2R)} of the chain's (R = all runs); the mean within its Student-t 95 %
 * interval (reported as {@link Accuracy#momentError()}). Run r is a pure function of (seed, r).
 */
public final class PairsChain implements RolloutModel {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int nodes;
    private final int initialHolders;
    private final int fleets;
    private final int runs;
    private final double[][] times; // per run, acquisition times (NaN past the last reached)
    private final int[][] serverUpTo; // per run, server deliveries among the first k acquisitions
    private final Map<Double, Empirical> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param fleets              per fleet, λ_ij per second (N × N, symmetric, zero diagonal), all of one size N
     * @param initialHolders      devices holding the update at release, in [1, N]
     * @param serverRate          μ, per second, {@code >= 0}
     * @param transferProbability p, chance that an encounter passes the update, in [0, 1]
     * @param runsPerFleet        simulated rollouts per fleet, {@code >= 2}
     * @param seed                seed; run r of all is a pure function of (seed, r)
     */
    public PairsChain(List<double[][]> fleets, int initialHolders, double serverRate, double transferProbability,
                      int runsPerFleet, long seed) {
        this(fleets, null, initialHolders, serverRate, transferProbability, runsPerFleet, seed);
    }

    /**
     * @param shares per fleet, the contact shares π_ij (share of the time each pair is in contact, in
     *               [0, 1); a device receiving the update passes it at once over a contact in progress),
     *               or null for point encounters
     */
    public PairsChain(List<double[][]> fleets, List<double[][]> shares, int initialHolders, double serverRate,
                      double transferProbability, int runsPerFleet, long seed) {
        if (fleets.isEmpty()) {
            throw new InvalidInputException("the pairs chain needs at least one fleet's encounter rates");
        }
        this.nodes = fleets.get(0).length;
        for (double[][] f : fleets) {
            if (f.length != nodes) {
                throw new InvalidInputException("every fleet of a pairs chain must have " + nodes + " devices, got " + f.length);
            }
        }
        this.initialHolders = Checks.inRange("initial holders", initialHolders, 1, nodes);
        this.fleets = fleets.size();
        this.runs = Checks.inRange("runs per fleet", runsPerFleet, 2, 10_000_000);
        Checks.nonNegative("server rate (per s)", serverRate);
        Checks.probability("transfer probability", transferProbability);
        List<PairsSpread> engines = new ArrayList<>();
        if (shares != null && shares.size() != fleets.size()) {
            throw new InvalidInputException("the pairs chain needs one contact-share matrix per fleet");
        }
        for (int i = 0; i < fleets.size(); i++) {
            double[][] f = fleets.get(i);
            PairsModel m = shares == null ? PairsModel.alwaysPresent(f) : PairsModel.alwaysPresent(f, shares.get(i));
            engines.add(new PairsSpread(m, serverRate, transferProbability, 1));
        }
        int total = this.fleets * runs;
        times = new double[total][];
        serverUpTo = new int[total][];
        IntStream.range(0, total).parallel().forEach(r -> {
            SplittableRandom rng = new SplittableRandom(mix(seed + GOLDEN * (r + 1L)));
            PairsSpread.Outcome o = engines.get(r / runs).release(0, initialHolders, Double.POSITIVE_INFINITY, null, rng);
            double[] t = new double[nodes];
            Arrays.fill(t, Double.NaN);
            double[] got = o.times();
            System.arraycopy(got, 0, t, 0, got.length);
            boolean[] server = o.fromServer();
            int[] c = new int[nodes + 1];
            for (int k = 0; k < server.length; k++) {
                c[k + 1] = c[k] + (server[k] ? 1 : 0);
            }
            for (int k = server.length; k < nodes; k++) {
                c[k + 1] = c[k];
            }
            times[r] = t;
            serverUpTo[r] = c;
        });
    }

    /** Fleets in the mixture. */
    public int fleets() {
        return fleets;
    }

    /** Simulated rollouts in all. */
    public int runs() {
        return fleets * runs;
    }

    @Override
    public long nodes() {
        return nodes;
    }

    /** The DKW 95 % bound on the CDF's error for R runs. */
    public double cdfError() {
        return Math.sqrt(Math.log(2 / 0.05) / (2.0 * runs()));
    }

    @Override
    public RolloutPrediction predict(double coverage, double... levels) {
        Empirical d = timeDistribution(coverage);
        int target = target(coverage);
        double server = 0;
        for (int[] c : serverUpTo) {
            server += c[target];
        }
        server /= runs();
        double delivered = target - initialHolders;
        double offload = delivered > 0 ? 1 - server / delivered : Double.NaN;
        double[] lv = levels == null || levels.length == 0 ? RolloutPrediction.DEFAULT_LEVELS : levels;
        Map<String, Double> q = new LinkedHashMap<>();
        for (double l : lv) {
            q.put(RolloutPrediction.levelKey(l), d.reached() >= l ? d.quantile(l) : Double.POSITIVE_INFINITY);
        }
        double half = d.halfWidth();
        return new RolloutPrediction(PredictionMethod.MONTE_CARLO, coverage, d.mean(), d.sd(), q, server, offload, nodes,
                new Accuracy("Monte Carlo (pairs chain)", runs(), Double.NaN, cdfError(), String.format(Locale.ROOT,
                        "Monte Carlo over %d simulated rollouts of the pairs chain (%d fleet(s)): mean +-%.1f %% (95 %%),"
                                + " CDF within %.3f (DKW, 95 %%)", runs(), fleets,
                        d.mean() > 0 ? 100 * half / d.mean() : Double.NaN, cdfError()), true, 0,
                        d.mean() > 0 ? half / d.mean() : Double.NaN, false));
    }

    @Override
    public Empirical timeDistribution(double coverage) {
        return cache.computeIfAbsent(coverage, q -> {
            int target = target(q);
            double[] v = new double[times.length];
            for (int r = 0; r < times.length; r++) {
                double t = times[r][target - 1];
                v[r] = Double.isNaN(t) ? Double.POSITIVE_INFINITY : t;
            }
            return new Empirical(v, cdfError());
        });
    }

    @Override
    public CoverageCurve coverageCurve(double[] at) {
        double[] frac = new double[at.length];
        for (double[] t : times) {
            for (int i = 0; i < at.length; i++) {
                int k = upperCount(t, at[i]);
                frac[i] += (double) k / nodes;
            }
        }
        for (int i = 0; i < at.length; i++) {
            frac[i] /= times.length;
        }
        return new CoverageCurve(at.clone(), frac, PredictionMethod.MONTE_CARLO, 1.96 * 0.5 / Math.sqrt(times.length));
    }

    /** Acquisitions at or before t in an ascending array padded with NaN. */
    private static int upperCount(double[] t, double x) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (!Double.isNaN(t[mid]) && t[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int target(double coverage) {
        return (int) RolloutModel.targetCount(nodes, coverage);
    }

    /**
     * An empirical distribution of rollout times (+Infinity = never reached): mean and sd over the
     * reached ones, the step CDF, order-statistic quantiles.
     */
    public static final class Empirical implements TimeDistribution {
        private final double[] sorted;
        private final int finite;
        private final double mean;
        private final double sd;
        private final double error;

        Empirical(double[] values, double error) {
            sorted = values.clone();
            Arrays.sort(sorted);
            int f = 0;
            double sum = 0;
            for (double v : sorted) {
                if (Double.isFinite(v)) {
                    f++;
                    sum += v;
                }
            }
            finite = f;
            mean = f == 0 ? Double.NaN : sum / f;
            double ss = 0;
            for (int i = 0; i < f; i++) {
                ss += (sorted[i] - mean) * (sorted[i] - mean);
            }
            sd = f < 2 ? 0 : Math.sqrt(ss / (f - 1));
            this.error = error;
        }

        /** Share of runs that reached the level. */
        public double reached() {
            return (double) finite / sorted.length;
        }

        /** Runs in the sample. */
        public int size() {
            return sorted.length;
        }

        /** Half-width of the Student-t (normal for large R) 95 % interval of the mean, seconds. */
        public double halfWidth() {
            return finite < 2 ? Double.NaN : 1.96 * sd / Math.sqrt(finite);
        }

        /** The values, ascending (+Infinity last). */
        public double[] values() {
            return sorted.clone();
        }

        @Override
        public double mean() {
            return mean;
        }

        @Override
        public double sd() {
            return sd;
        }

        @Override
        public double cdf(double t) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return (double) lo / sorted.length;
        }

        @Override
        public double quantile(double level) {
            Checks.fractionAboveZero("quantile level", level);
            if (level >= 1) {
                throw new InvalidInputException("quantile level must be in (0, 1), got " + level);
            }
            int k = (int) Math.ceil(level * sorted.length - 1e-12) - 1;
            double v = sorted[Math.max(0, Math.min(sorted.length - 1, k))];
            if (!Double.isFinite(v)) {
                throw new org.p2prollout.solver.NotConvergedException(new org.p2prollout.solver.Accuracy(
                        "Monte Carlo (pairs chain)", sorted.length, Double.NaN, Double.NaN,
                        "quantile " + level + " reached by the runs", false),
                        "only " + finite + " of " + sorted.length + " runs reached this coverage",
                        "a lower quantile level or coverage, or a longer horizon");
            }
            return v;
        }

        @Override
        public double cdfError() {
            return error;
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
