package org.p2prollout.model.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.spread.TraceTruth;
import org.p2prollout.core.Checks;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.uniformisation.FirstPassageResult;
import org.p2prollout.solver.uniformisation.PiecewiseGenerator;
import org.p2prollout.solver.uniformisation.PiecewiseTransientResult;
import org.p2prollout.solver.uniformisation.PiecewiseTransientSolver;
import org.p2prollout.solver.uniformisation.TransientOptions;

/**
 * The exact spatial chain of a {@link SpatialModel} for a small fleet (PRODUCT.md §4.7): N
 * exchangeable devices, each moving between the model's device states (zones, then absent states)
 * by the movement chain of the time slot in force, and each pair of devices in the same zone z
 * meeting at rate {@code β_z × slotFactor(s) × rangeFactor}, a meeting of a holder and a non-holder
 * passing the update at once; a non-holder in a zone also downloads from the server at rate μ.
 * Devices being exchangeable, the state is the vector of counts (non-holders in state i, holders in
 * state i) over the device states the fleet can occupy (those with positive occupancy at some hour,
 * closed under movement), with every state of at least K holders lumped into one absorbing state
 * "K reached": the smallest exact representation. Transitions from a state with u_i non-holders and
 * h_i holders in device state i, in slot s:
 * <pre>
 *   a non-holder moves i → j    at rate u_i q_s(i, j)
 *   a holder moves i → j        at rate h_i q_s(i, j)
 *   a non-holder in zone z gets the update at rate u_z (h_z β_z g_s ρ + μ)
 * </pre>
 * The generators of the slots form a periodic {@link PiecewiseGenerator} (a day of hours, or a week),
 * and T_q = the first passage into "⌈qM⌉ reached" is solved by {@link PiecewiseTransientSolver#firstPassage}:
 * its CDF on a grid of times with a proven bound on every value (the bounds of the hours traversed
 * added, each ε / hours), and its truncated mean E[min(T_q, H)] integrated within the uniformisation
 * series, so the mean of T_q over releases that reach q within the horizon H is exact up to that bound.
 *
 * <p>What is exact and what is not:
 * <ul>
 *   <li>the fleet at the release: each device is, independently, in state i with the probability of
 *       the movement chain's periodic orbit at that time of day (its long-run distribution at that
 *       phase), so the counts are multinomial; the initial holders are drawn uniformly among the
 *       devices present, and release times at which fewer than that are present are redrawn (as the
 *       trace truth does), which weights a release time by P(at least m present) — exact;</li>
 *   <li>the release time, uniform over the question's hours: the mixture over it is the midpoint rule
 *       over {@link SpatialChainOptions#phasesPerHour()} release times per hour (rates change only on
 *       the hour, so the CDF is smooth in the release time within each stratum);</li>
 *   <li>M, the devices counted for T_q: the trace truth counts those present at some time within the
 *       horizon; the chain uses M = N × P(a device is present at some time within the horizon), rounded,
 *       per release time (computed exactly on the movement chain) — as the mean field does;</li>
 *   <li>quantiles (medians) interpolate the CDF linearly between grid points
 *       ({@link SpatialChainOptions#gridSeconds()}).</li>
 * </ul>
 * The model itself (zones well mixed within, Markov movement, Poisson meetings) is what the forecast's
 * error on held-out days measures; this class solves it without further approximation.
 *
 * <p>Size: with L device states and K the largest target, at most
 * {@code 1 + Σ_{h=m}^{K−1} C(h+L−1, L−1) C(N−h+L−1, L−1)} states, which grows fast (N = 12 devices over
 * 4 zones: about 50,000). {@link #sizing()} bounds states, stored generator entries and work before
 * anything is built; when a limit of {@link SpatialChainOptions} is exceeded the chain is not solved
 * ({@link #solve} refuses) and the caller falls back to the mean field. Instances are immutable; a
 * solve runs its release times in parallel.
 */
public final class SpatialChain {
    /**
     * What the chain answers.
     *
     * @param horizon         seconds each release is followed, {@code > 0}
     * @param initialHolders  m, devices holding the update at release (drawn among those present), {@code >= 1}
     * @param serverRate      μ, per second of presence in a zone, {@code >= 0}
     * @param fleetScale      devices as a multiple of the fitted fleet at the same density per zone, {@code > 0}
     *                        (N = round(fitted fleet × scale))
     * @param rangeFactor     factor on every zone's encounter rate, {@code > 0}
     * @param levels          coverage levels q, ascending in (0, 1]
     * @param releaseFromHour first local hour of the release window, in [0, 24)
     * @param releaseToHour   end of the release window, local hour in (from, 24]
     */
    public record Question(double horizon, int initialHolders, double serverRate, double fleetScale, double rangeFactor,
                           double[] levels, double releaseFromHour, double releaseToHour) {
        public Question {
            Checks.positive("horizon (s)", horizon);
            Checks.inRange("initialHolders", initialHolders, 1, 1_000_000);
            Checks.nonNegative("serverRate (per s)", serverRate);
            Checks.positive("fleetScale", fleetScale);
            Checks.positive("rangeFactor", rangeFactor);
            if (levels == null || levels.length == 0) {
                throw new InvalidInputException("levels needs at least one coverage level in (0, 1]");
            }
            levels = levels.clone();
            for (int i = 0; i < levels.length; i++) {
                Checks.fractionAboveZero("levels", levels[i]);
                if (i > 0 && !(levels[i] > levels[i - 1])) {
                    throw new InvalidInputException("levels must be ascending, got " + Arrays.toString(levels));
                }
            }
            if (!(releaseFromHour >= 0 && releaseFromHour < 24 && releaseToHour > releaseFromHour && releaseToHour <= 24)) {
                throw new InvalidInputException("releaseHours must be FROM..TO local hours with 0 <= FROM < TO <= 24,"
                        + " got " + releaseFromHour + ".." + releaseToHour);
            }
        }

        @Override
        public double[] levels() {
            return levels.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Question q && q.horizon == horizon && q.initialHolders == initialHolders
                    && q.serverRate == serverRate && q.fleetScale == fleetScale && q.rangeFactor == rangeFactor
                    && Arrays.equals(q.levels, levels) && q.releaseFromHour == releaseFromHour
                    && q.releaseToHour == releaseToHour;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(horizon, initialHolders, serverRate, fleetScale, rangeFactor,
                    Arrays.hashCode(levels), releaseFromHour, releaseToHour);
        }

        @Override
        public String toString() {
            return "SpatialChain.Question[horizon " + horizon + " s, " + initialHolders + " holder(s), mu " + serverRate
                    + ", fleet x" + fleetScale + ", range x" + rangeFactor + ", levels " + Arrays.toString(levels)
                    + ", hours " + releaseFromHour + ".." + releaseToHour + "]";
        }
    }

    /**
     * The chain's size, bounded before it is built.
     *
     * @param devices      N
     * @param deviceStates L, device states the fleet can occupy (zones and absent states)
     * @param states       upper bound on the states of the largest chain (the highest level's)
     * @param entries      upper bound on its generator entries over all time slots
     * @param work         a-priori work, entries × uniformisation steps over every solve
     * @param fits         whether every limit of the options holds
     * @param reason       when it does not fit, which limit and by how much, in words; else ""
     */
    public record Sizing(int devices, int deviceStates, double states, double entries, double work, boolean fits,
                         String reason) {
    }

    /**
     * The distribution of T_q per level, over releases in the question's hours.
     *
     * @param devices       N
     * @param deviceStates  L
     * @param states        states of the largest chain solved
     * @param levels        the levels q
     * @param times         the grid, seconds since release, from 0 to the horizon (the last point)
     * @param cdf           per level, P(T_q <= times[g]) on the grid (non-decreasing)
     * @param cdfErrorBound per level, a bound on the error of every CDF value (the release-time mixture
     *                      of the solver's proven bounds)
     * @param mean          per level, E[T_q | T_q <= horizon], seconds (NaN when q is never reached)
     * @param meanErrorBound per level, a bound on the uniformisation error of {@code mean}, seconds
     * @param eligible      M, the devices counted, averaged over release times (weighted as the releases are)
     * @param phases        release times solved
     * @param solves        first-passage problems solved (distinct targets × release times)
     * @param steps         uniformisation steps over every solve
     * @param epsilon       the requested bound on every CDF value
     */
    public record Result(int devices, int deviceStates, long states, double[] levels, double[] times, double[][] cdf,
                         double[] cdfErrorBound, double[] mean, double[] meanErrorBound, double eligible, int phases,
                         long solves, long steps, double epsilon) {
        public Result {
            levels = levels.clone();
            times = times.clone();
            cdf = deepCopy(cdf);
            cdfErrorBound = cdfErrorBound.clone();
            mean = mean.clone();
            meanErrorBound = meanErrorBound.clone();
        }

        @Override
        public double[] levels() {
            return levels.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[][] cdf() {
            return deepCopy(cdf);
        }

        @Override
        public double[] cdfErrorBound() {
            return cdfErrorBound.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] meanErrorBound() {
            return meanErrorBound.clone();
        }

        /** P(T_q <= horizon) at level index {@code l}. */
        public double reached(int l) {
            return cdf[l][cdf[l].length - 1];
        }

        /** The largest bound on a CDF value over all levels. */
        public double largestErrorBound() {
            double m = 0;
            for (double b : cdfErrorBound) {
                m = Math.max(m, b);
            }
            return m;
        }

        /**
         * The p-quantile of T_q at level index {@code l}, seconds: the first grid time where the CDF reaches p,
         * interpolated linearly from the grid point before; NaN when p exceeds the share reached within the horizon.
         */
        public double quantile(int l, double p) {
            double[] f = cdf[l];
            if (p > f[f.length - 1]) {
                return Double.NaN;
            }
            if (p <= f[0]) {
                return times[0];
            }
            int g = 1;
            while (f[g] < p) {
                g++;
            }
            double w = f[g] > f[g - 1] ? (p - f[g - 1]) / (f[g] - f[g - 1]) : 1;
            return times[g - 1] + w * (times[g] - times[g - 1]);
        }

        /** The median of T_q over releases that reach level index {@code l} within the horizon. */
        public double median(int l) {
            double r = reached(l);
            return r > 0 ? quantile(l, r / 2) : Double.NaN;
        }

        /**
         * The distribution of T_q at level index {@code l} as {@code atoms} equally weighted quantiles of the
         * reached part ((i + ½)/atoms of it) plus the mass never reached within the horizon.
         */
        public TimeSample sample(int l, int atoms) {
            double r = reached(l);
            int extra = r < 1 ? 1 : 0;
            double[] v = new double[atoms + extra];
            double[] w = new double[atoms + extra];
            for (int i = 0; i < atoms; i++) {
                v[i] = r > 0 ? quantile(l, Math.min(r, (i + 0.5) / atoms * r)) : Double.NaN;
                w[i] = r > 0 ? r / atoms : 0;
            }
            if (extra == 1) {
                v[atoms] = Double.NaN;
                w[atoms] = 1 - r;
            }
            return TimeSample.weighted(v, w, atoms);
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    private static final double SLOT = DayClock.SLOT_SECONDS;
    /** Convergence of the periodic orbit of one device: 1-norm change over a period. */
    private static final double ORBIT_TOLERANCE = 1e-12;
    private static final int ORBIT_PERIODS = 10_000;

    private final SpatialModel model;
    private final SpatialChainOptions options;
    private final Question question;
    private final int devices;
    private final int slots;
    private final int live;           // L
    private final int liveZones;      // live indices [0, liveZones) are zones
    private final int[] liveState;    // live index -> model state
    private final int[] edgeFrom;     // movement edges among live states
    private final int[] edgeTo;
    private final int[][] edgesOut;   // per live state, its edges
    private final double[][] table;   // per slot: edge rates, then per live zone β g ρ, then μ
    private final double[] phaseTimes;  // seconds in the period
    private final double[][] occupancy; // per phase, per live state: probability a device is there
    private final int[] eligible;     // per phase, M
    private final double[] presentAtLeast; // per phase, P(at least m devices present)
    private final double maxRate;     // largest exit rate of any count state, per second

    /**
     * Prepares the chain: the movement chain's periodic orbit (where a device is at each release time),
     * the device states the fleet can occupy, and the devices counted per release time. Cheap (one device's
     * chain); the count chain is built by {@link #solve}.
     */
    public SpatialChain(SpatialModel model, SpatialChainOptions options, Question question) {
        this.model = model;
        this.options = options;
        this.question = question;
        this.slots = model.clock().slots();
        long n = Math.round(model.fleet() * question.fleetScale());
        if (n > 1_000_000) {
            throw new InvalidInputException("the exact spatial chain is for small fleets; " + n + " devices asked");
        }
        devices = (int) n;
        if (devices < question.initialHolders()) {
            throw new InvalidInputException("the fleet has " + devices + " device(s) (fitted " + fmt(model.fleet())
                    + " x " + fmt(question.fleetScale()) + "), fewer than the " + question.initialHolders()
                    + " initial holder(s)");
        }
        int states = model.states();
        int zones = model.zoneCount();
        List<Generator> movement = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            movement.add(model.movement(s));
        }
        PiecewiseGenerator single = PiecewiseGenerator.periodic(movement, SLOT);
        PiecewiseTransientSolver small = new PiecewiseTransientSolver(TransientOptions.defaults().withEpsilon(1e-13)
                .withThreads(1));
        double[] orbit = periodicOrbit(single, small, states);
        phaseTimes = phases(question, slots, options.phasesPerHour());
        double[][] full = new double[phaseTimes.length][];
        PiecewiseTransientResult at = small.solve(single, 0, orbit, phaseTimes);
        for (int j = 0; j < phaseTimes.length; j++) {
            full[j] = normalised(at.distribution(j));
        }
        // device states the fleet can occupy: positive at some release time, closed under movement
        boolean[] reach = new boolean[states];
        ArrayList<Integer> stack = new ArrayList<>();
        for (double[] p : full) {
            for (int i = 0; i < states; i++) {
                if (p[i] > 0 && !reach[i]) {
                    reach[i] = true;
                    stack.add(i);
                }
            }
        }
        while (!stack.isEmpty()) {
            int i = stack.remove(stack.size() - 1);
            for (Generator q : movement) {
                for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
                    int j = q.column(k);
                    if (!reach[j]) {
                        reach[j] = true;
                        stack.add(j);
                    }
                }
            }
        }
        int[] toLive = new int[states];
        Arrays.fill(toLive, -1);
        int l = 0;
        int lz = 0;
        for (int i = 0; i < states; i++) {
            if (reach[i]) {
                toLive[i] = l++;
                lz += i < zones ? 1 : 0;
            }
        }
        live = l;
        liveZones = lz;
        liveState = new int[live];
        for (int i = 0; i < states; i++) {
            if (toLive[i] >= 0) {
                liveState[toLive[i]] = i;
            }
        }
        if (liveZones == 0) {
            throw new InvalidInputException("the fitted movement chain never puts a device in a zone: nothing to spread");
        }
        // movement edges among live states: the union over slots
        TreeMap<Long, Integer> edges = new TreeMap<>();
        for (Generator q : movement) {
            for (int a = 0; a < live; a++) {
                int i = liveState[a];
                for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
                    edges.putIfAbsent(((long) a << 32) | toLive[q.column(k)], 0);
                }
            }
        }
        int e = 0;
        edgeFrom = new int[edges.size()];
        edgeTo = new int[edges.size()];
        int[] outCount = new int[live];
        for (Long key : edges.keySet()) {
            edgeFrom[e] = (int) (key >>> 32);
            edgeTo[e] = (int) (key & 0xffffffffL);
            outCount[edgeFrom[e]]++;
            edges.put(key, e++);
        }
        edgesOut = new int[live][];
        for (int a = 0; a < live; a++) {
            edgesOut[a] = new int[outCount[a]];
            outCount[a] = 0;
        }
        for (int k = 0; k < edgeFrom.length; k++) {
            edgesOut[edgeFrom[k]][outCount[edgeFrom[k]]++] = k;
        }
        table = new double[slots][edgeFrom.length + liveZones + 1];
        double largest = 0;
        for (int s = 0; s < slots; s++) {
            Generator q = movement.get(s);
            double maxMove = 0;
            for (int k = 0; k < edgeFrom.length; k++) {
                table[s][k] = q.rate(liveState[edgeFrom[k]], liveState[edgeTo[k]]);
            }
            for (int a = 0; a < live; a++) {
                maxMove = Math.max(maxMove, q.exitRate(liveState[a]));
            }
            double maxInfect = 0;
            for (int z = 0; z < liveZones; z++) {
                double r = model.encounterRate(liveState[z]) * model.slotFactor(s) * question.rangeFactor();
                table[s][edgeFrom.length + z] = r;
                maxInfect = Math.max(maxInfect, r);
            }
            table[s][edgeFrom.length + liveZones] = question.serverRate();
            largest = Math.max(largest, devices * maxMove + maxInfect * devices * devices / 4.0
                    + question.serverRate() * devices);
        }
        maxRate = largest;
        occupancy = new double[phaseTimes.length][live];
        for (int j = 0; j < phaseTimes.length; j++) {
            for (int a = 0; a < live; a++) {
                occupancy[j][a] = full[j][liveState[a]];
            }
        }
        eligible = eligible(single, small, full, zones, states);
        presentAtLeast = new double[phaseTimes.length];
        for (int j = 0; j < phaseTimes.length; j++) {
            double present = 0;
            for (int z = 0; z < liveZones; z++) {
                present += occupancy[j][z];
            }
            presentAtLeast[j] = binomialAtLeast(devices, Math.min(1, present), question.initialHolders());
        }
    }

    /** N, the devices of the chain. */
    public int devices() {
        return devices;
    }

    /** L, the device states the fleet can occupy. */
    public int deviceStates() {
        return live;
    }

    /** Release times solved (per day of the period, the question's hours × phases per hour). */
    public int phases() {
        return phaseTimes.length;
    }

    /** Targets ⌈qM⌉ per level (index l) and release time (index j). */
    private int target(int l, int j) {
        return TraceTruth.needed(question.levels()[l], eligible[j]);
    }

    /**
     * Bounds on states, stored entries and work, and whether they are within the options' limits, without
     * building anything.
     */
    public Sizing sizing() {
        int m = question.initialHolders();
        double[] levels = question.levels();
        int perState = 2 * edgeFrom.length + liveZones;
        int distinctSlots = distinctSlots();
        double steps = maxRate * TransientOptions.defaults().uniformisationFactor() * question.horizon() + 1;
        double worst = 1;
        double entries = 0;
        double work = 0;
        TreeMap<Integer, Integer> targets = new TreeMap<>(); // K -> release times needing it
        for (int l = 0; l < levels.length; l++) {
            for (int j = 0; j < phaseTimes.length; j++) {
                int k = target(l, j);
                if (k > m && presentAtLeast[j] > 0) {
                    targets.merge(k, 1, Integer::sum);
                }
            }
        }
        for (var t : targets.entrySet()) {
            double s = stateBound(devices, live, m, t.getKey());
            worst = Math.max(worst, s);
            entries = Math.max(entries, s * perState * distinctSlots);
            work += t.getValue() * s * perState * steps;
        }
        String reason = "";
        if (worst > options.maxStates()) {
            reason = String.format(Locale.ROOT, "the exact chain of %d devices over %d device states needs up to %.3g"
                    + " states, more than the limit %d", devices, live, worst, options.maxStates());
        } else if (entries > options.maxEntries()) {
            reason = String.format(Locale.ROOT, "the exact chain of %d devices over %d device states needs up to %.3g"
                    + " generator entries over %d time slots, more than the limit %d", devices, live, entries,
                    distinctSlots, options.maxEntries());
        } else if (work > options.maxWork()) {
            reason = String.format(Locale.ROOT, "the exact chain of %d devices (%.3g states) needs about %.3g entry-steps"
                    + " of uniformisation over %d release times, more than the limit %.3g", devices, worst, work,
                    phaseTimes.length, options.maxWork());
        }
        return new Sizing(devices, live, worst, entries, work, reason.isEmpty(), reason);
    }

    private int distinctSlots() {
        int d = 0;
        for (int s = 0; s < slots; s++) {
            boolean seen = false;
            for (int r = 0; r < s && !seen; r++) {
                seen = Arrays.equals(table[r], table[s]);
            }
            d += seen ? 0 : 1;
        }
        return d;
    }

    /**
     * A rough size before anything is computed, to skip even the preparation of a chain that cannot fit: the
     * state bound with N = round(fitted fleet × scale), L = the device states with training occupancy in some slot
     * and the highest level of all N devices. The prepared chain's {@link #sizing()} is the real test; this one only
     * says "far too large" when it exceeds {@code 100 ×} the state limit (the fleet's device states may be fewer
     * than those seen in training, but not by that much in the bound).
     */
    public static boolean farTooLarge(SpatialModel model, SpatialChainOptions options, Question question) {
        double n = Math.rint(model.fleet() * question.fleetScale());
        if (n > 1_000_000) {
            return true;
        }
        int states = model.states();
        boolean[] seen = new boolean[states];
        int l = 0;
        for (int s = 0; s < model.clock().slots(); s++) {
            double[] o = model.meanOccupancy(s);
            for (int i = 0; i < states; i++) {
                if (o[i] > 0 && !seen[i]) {
                    seen[i] = true;
                    l++;
                }
            }
        }
        double[] levels = question.levels();
        int k = TraceTruth.needed(levels[levels.length - 1], (int) n);
        return stateBound((int) n, Math.max(1, l), question.initialHolders(), k) > 100.0 * options.maxStates();
    }

    /**
     * {@code 1 + Σ_{h=m}^{K−1} C(h+L−1, L−1) C(N−h+L−1, L−1)}: every way to put h holders and N − h
     * non-holders in L device states, for h below the target, plus the absorbing state (in double: it may be huge).
     */
    static double stateBound(int n, int l, int m, int k) {
        double total = 1;
        for (int h = m; h < k && h <= n; h++) {
            total += binomial(h + l - 1, l - 1) * binomial(n - h + l - 1, l - 1);
        }
        return total;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return Math.rint(r);
    }

    /**
     * Solves T_q at every level. Refuses (InvalidInputException, saying which limit) a chain that does not
     * fit the options' limits.
     */
    public Result solve(ProgressListener progress) {
        Sizing size = sizing();
        if (!size.fits()) {
            throw new InvalidInputException(size.reason() + "; use the mean-field ODE");
        }
        int m = question.initialHolders();
        double horizon = question.horizon();
        double[] levels = question.levels();
        int phases = phaseTimes.length;
        double totalWeight = 0;
        for (double w : presentAtLeast) {
            totalWeight += w;
        }
        if (!(totalWeight > 0)) {
            throw new InvalidInputException("no release time in the release hours has " + m + " device(s) present in the"
                    + " fitted chain");
        }
        int grid = (int) Math.ceil(horizon / options.gridSeconds() - 1e-9);
        double[] times = new double[grid + 1];
        for (int g = 0; g <= grid; g++) {
            times[g] = Math.min(horizon, g * options.gridSeconds());
        }
        // initial count vectors, shared by every chain, with their probability per release time
        CountSpace initial = new CountSpace(2 * live);
        double[][] initialProbability = initialDistributions(initial);
        // solves per distinct target K; the same K at two levels is one solve
        TreeMap<Integer, boolean[]> needs = new TreeMap<>();
        for (int l = 0; l < levels.length; l++) {
            for (int j = 0; j < phases; j++) {
                int k = target(l, j);
                if (k > m && presentAtLeast[j] > 0) {
                    needs.computeIfAbsent(k, x -> new boolean[phases])[j] = true;
                }
            }
        }
        long totalSolves = 0;
        for (boolean[] b : needs.values()) {
            for (boolean x : b) {
                totalSolves += x ? 1 : 0;
            }
        }
        long solvesTotal = totalSolves;
        AtomicLong done = new AtomicLong();
        TreeMap<Integer, FirstPassageResult[]> solved = new TreeMap<>();
        long largest = 0;
        int pieces = (int) Math.ceil(horizon / SLOT) + 1;
        PiecewiseTransientSolver solver = new PiecewiseTransientSolver(TransientOptions.defaults()
                .withEpsilon(options.epsilon() / pieces).withThreads(1));
        for (var need : needs.entrySet()) {
            int k = need.getKey();
            boolean[] which = need.getValue();
            Built chain = build(initial, k);
            largest = Math.max(largest, chain.states);
            FirstPassageResult[] out = new FirstPassageResult[phases];
            IntStream.range(0, phases).parallel().filter(j -> which[j]).forEach(j -> {
                double t0 = phaseTimes[j];
                double[] p0 = new double[chain.states];
                double[] pj = initialProbability[j];
                for (int i = 0; i < pj.length; i++) {
                    p0[1 + i] = pj[i];
                }
                double[] grid0 = new double[times.length];
                for (int g = 0; g < times.length; g++) {
                    grid0[g] = t0 + times[g];
                }
                out[j] = solver.firstPassage(chain.schedule, t0, p0, new int[] {0}, grid0, ProgressListener.NONE);
                progress.progress(done.incrementAndGet(), solvesTotal, "solving the exact spatial chain");
            });
            solved.put(k, out);
        }
        // the release-time mixture, weighted by P(at least m present)
        double[][] cdf = new double[levels.length][times.length];
        double[] bound = new double[levels.length];
        double[] mean = new double[levels.length];
        double[] meanBound = new double[levels.length];
        long steps = 0;
        for (FirstPassageResult[] rs : solved.values()) {
            for (FirstPassageResult r : rs) {
                steps += r == null ? 0 : r.steps();
            }
        }
        double eligibleMean = 0;
        for (int j = 0; j < phases; j++) {
            eligibleMean += presentAtLeast[j] / totalWeight * eligible[j];
        }
        for (int l = 0; l < levels.length; l++) {
            double truncated = 0;
            double truncatedBound = 0;
            for (int j = 0; j < phases; j++) {
                double w = presentAtLeast[j] / totalWeight;
                if (w == 0) {
                    continue;
                }
                int k = target(l, j);
                if (k <= m) { // reached at the release
                    for (int g = 0; g < times.length; g++) {
                        cdf[l][g] += w;
                    }
                    continue;
                }
                FirstPassageResult r = solved.get(k)[j];
                double[] c = r.cdf();
                double[] b = r.errorBounds();
                double maxB = 0;
                for (int g = 0; g < times.length; g++) {
                    cdf[l][g] += w * Math.min(1, Math.max(0, c[g]));
                    maxB = Math.max(maxB, b[g]);
                }
                bound[l] += w * maxB;
                truncated += w * r.truncatedMeans()[times.length - 1];
                truncatedBound += w * r.truncatedMeanErrorBounds()[times.length - 1];
            }
            for (int g = 1; g < times.length; g++) {
                cdf[l][g] = Math.max(cdf[l][g], cdf[l][g - 1]); // rounding
            }
            double f = cdf[l][times.length - 1];
            if (f > 0) {
                // E[T; T <= H] = E[min(T, H)] − H P(T > H)
                mean[l] = Math.max(0, truncated - horizon * (1 - f)) / f;
                meanBound[l] = (truncatedBound + horizon * bound[l] + mean[l] * bound[l]) / f;
            } else {
                mean[l] = Double.NaN;
                meanBound[l] = Double.NaN;
            }
        }
        return new Result(devices, live, largest, levels, times, cdf, bound, mean, meanBound, eligibleMean, phases,
                solvesTotal, steps, options.epsilon());
    }

    /** One count chain: its states (0 = target reached) and its generators by slot. */
    private record Built(int states, PiecewiseGenerator schedule) {
    }

    /**
     * The chain with target K: breadth-first from the initial vectors (numbered first, so initial vector i is
     * state 1 + i), every vector of K or more holders lumped into state 0.
     */
    private Built build(CountSpace initial, int k) {
        int w = 2 * live;
        CountSpace space = new CountSpace(w);
        int[] v = new int[w];
        for (int i = 0; i < initial.size(); i++) {
            initial.get(i, v);
            space.add(v);
        }
        int edgesCount = edgeFrom.length;
        int serverParam = edgesCount + liveZones;
        boolean server = question.serverRate() > 0;
        Transitions tr = new Transitions();
        long limit = options.maxStates() - 1;
        for (int s = 0; s < space.size(); s++) {
            space.get(s, v);
            int holders = 0;
            for (int a = 0; a < live; a++) {
                holders += v[live + a];
            }
            int from = s + 1;
            for (int a = 0; a < live; a++) {
                int u = v[a];
                int h = v[live + a];
                for (int e : edgesOut[a]) {
                    int b = edgeTo[e];
                    if (u > 0) {
                        v[a]--;
                        v[b]++;
                        tr.add(from, 1 + add(space, v, limit), e, u);
                        v[a]++;
                        v[b]--;
                    }
                    if (h > 0) {
                        v[live + a]--;
                        v[live + b]++;
                        tr.add(from, 1 + add(space, v, limit), e, h);
                        v[live + a]++;
                        v[live + b]--;
                    }
                }
                if (a < liveZones && u > 0 && (h > 0 || server)) {
                    int to;
                    if (holders + 1 >= k) {
                        to = 0;
                    } else {
                        v[a]--;
                        v[live + a]++;
                        to = 1 + add(space, v, limit);
                        v[a]++;
                        v[live + a]--;
                    }
                    if (h > 0) {
                        tr.add(from, to, edgesCount + a, (double) u * h);
                    }
                    if (server) {
                        tr.add(from, to, serverParam, u);
                    }
                }
            }
        }
        int states = space.size() + 1;
        List<Generator> gens = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            Generator same = null;
            for (int r = 0; r < s && same == null; r++) {
                if (Arrays.equals(table[r], table[s])) {
                    same = gens.get(r);
                }
            }
            if (same != null) {
                gens.add(same);
                continue;
            }
            double[] rates = table[s];
            Generator.Builder b = Generator.builder(states, tr.size);
            for (int t = 0; t < tr.size; t++) {
                double r = tr.mult[t] * rates[tr.param[t]];
                if (r > 0) {
                    b.add(tr.from[t], tr.to[t], r);
                }
            }
            gens.add(b.build());
        }
        return new Built(states, PiecewiseGenerator.periodic(gens, SLOT));
    }

    private int add(CountSpace space, int[] v, long limit) {
        int before = space.size();
        int i = space.add(v);
        if (space.size() > before && space.size() > limit) {
            throw new InvalidInputException("the exact spatial chain of " + devices + " devices exceeds " + options.maxStates()
                    + " states; use the mean-field ODE");
        }
        return i;
    }

    /** Transitions of a chain being built: (from, to, rate parameter, multiplier), growable. */
    private static final class Transitions {
        int[] from = new int[1024];
        int[] to = new int[1024];
        int[] param = new int[1024];
        double[] mult = new double[1024];
        int size;

        void add(int f, int t, int p, double m) {
            if (size == from.length) {
                int c = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size);
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
                param = Arrays.copyOf(param, c);
                mult = Arrays.copyOf(mult, c);
            }
            from[size] = f;
            to[size] = t;
            param[size] = p;
            mult[size] = m;
            size++;
        }
    }

    /**
     * The initial count vectors and, per release time, their probabilities: non-holders multinomial over the
     * device states (each device independently by the periodic orbit), then m holders drawn uniformly among the
     * devices present; conditioned on at least m present (normalised; all 0 when that is impossible).
     */
    private double[][] initialDistributions(CountSpace space) {
        int m = question.initialHolders();
        int phases = phaseTimes.length;
        double[] logFact = new double[devices + 1];
        for (int i = 1; i <= devices; i++) {
            logFact[i] = logFact[i - 1] + Math.log(i);
        }
        double[][] probs = new double[phases][];
        for (int j = 0; j < phases; j++) {
            double[] p = occupancy[j];
            java.util.Map<Integer, Double> row = new java.util.HashMap<>();
            int[] n = new int[live];
            compositions(p, n, 0, devices, logFact[devices], logFact, (counts, logP) -> {
                int present = 0;
                for (int z = 0; z < liveZones; z++) {
                    present += counts[z];
                }
                if (present < m) {
                    return;
                }
                // P(counts) × P(holders k | counts) = P(counts) × Π_z C(n_z, k_z) / C(present, m)
                double logBase = logP - logChoose(logFact, present, m);
                holders(counts, new int[liveZones], 0, m, hk -> {
                    double logQ = logBase;
                    int[] v = new int[2 * live];
                    System.arraycopy(counts, 0, v, 0, live);
                    for (int z = 0; z < liveZones; z++) {
                        logQ += logChoose(logFact, counts[z], hk[z]);
                        v[z] -= hk[z];
                        v[live + z] = hk[z];
                    }
                    row.merge(space.add(v), Math.exp(logQ), Double::sum);
                });
            });
            double total = 0;
            for (double x : row.values()) {
                total += x;
            }
            double[] r = new double[space.size()];
            if (total > 0) {
                for (var e : row.entrySet()) {
                    r[e.getKey()] = e.getValue() / total;
                }
            }
            probs[j] = r;
        }
        double[][] out = new double[phases][];
        for (int j = 0; j < phases; j++) {
            out[j] = Arrays.copyOf(probs[j], space.size());
        }
        return out;
    }

    private interface CompositionSink {
        void accept(int[] counts, double logProbability);
    }

    private interface HolderSink {
        void accept(int[] holders);
    }

    /** Every vector of counts over the live states with positive probability, summing to {@code left}, with its multinomial log-probability. */
    private void compositions(double[] p, int[] n, int a, int left, double logP, double[] logFact, CompositionSink sink) {
        if (a == live - 1) {
            if (left > 0 && !(p[a] > 0)) {
                return;
            }
            n[a] = left;
            sink.accept(n, logP + (left > 0 ? left * Math.log(p[a]) : 0) - logFact[left]);
            n[a] = 0;
            return;
        }
        int max = p[a] > 0 ? left : 0;
        for (int c = 0; c <= max; c++) {
            n[a] = c;
            compositions(p, n, a + 1, left - c, logP + (c > 0 ? c * Math.log(p[a]) : 0) - logFact[c], logFact, sink);
        }
        n[a] = 0;
    }

    /** Every way to put {@code left} holders in the zones with at most {@code counts[z]} in zone z. */
    private void holders(int[] counts, int[] k, int z, int left, HolderSink sink) {
        if (z == liveZones - 1) {
            if (left <= counts[z]) {
                k[z] = left;
                sink.accept(k);
                k[z] = 0;
            }
            return;
        }
        for (int c = 0; c <= Math.min(left, counts[z]); c++) {
            k[z] = c;
            holders(counts, k, z + 1, left - c, sink);
        }
        k[z] = 0;
    }

    private static double logChoose(double[] logFact, int n, int k) {
        return logFact[n] - logFact[k] - logFact[n - k];
    }

    /** P(Binomial(n, p) >= m). */
    static double binomialAtLeast(int n, double p, int m) {
        if (m <= 0) {
            return 1;
        }
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return m <= n ? 1 : 0;
        }
        double below = 0;
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logC = 0;
        for (int i = 0; i < m && i <= n; i++) {
            if (i > 0) {
                logC += Math.log((double) (n - i + 1) / i);
            }
            below += Math.exp(logC + i * logP + (n - i) * logQ);
        }
        return Math.max(0, 1 - below);
    }

    /**
     * Where one device is at time 0 of the period in the long run: the movement chain propagated over whole
     * periods from the mean training occupancy until it repeats (1-norm change below 1e-12).
     */
    private double[] periodicOrbit(PiecewiseGenerator single, PiecewiseTransientSolver solver, int states) {
        double[] v = model.meanOccupancy(0);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        if (!(sum > 0)) {
            v = new double[states];
            for (int s = 0; s < slots; s++) {
                double[] o = model.meanOccupancy(s);
                for (int i = 0; i < states; i++) {
                    v[i] += o[i];
                }
            }
        }
        v = normalised(v);
        double period = single.period();
        for (int it = 0; it < ORBIT_PERIODS; it++) {
            double[] w = normalised(solver.solve(single, 0, v, new double[] {period}).distribution(0));
            double d = 0;
            for (int i = 0; i < states; i++) {
                d += Math.abs(w[i] - v[i]);
            }
            v = w;
            if (d < ORBIT_TOLERANCE) {
                break;
            }
        }
        return v;
    }

    private static double[] normalised(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.max(0, x);
        }
        if (!(s > 0)) {
            throw new InvalidInputException("the fitted movement chain has no occupancy to start from");
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(0, v[i]) / s;
        }
        return out;
    }

    /** Release times in the period: per day of it, the midpoints of equal strata of the question's hours. */
    static double[] phases(Question q, int slots, int perHour) {
        int days = slots / 24;
        double hours = q.releaseToHour() - q.releaseFromHour();
        int perDay = Math.max(1, (int) Math.round(perHour * hours));
        double[] t = new double[days * perDay];
        for (int d = 0; d < days; d++) {
            for (int k = 0; k < perDay; k++) {
                t[d * perDay + k] = d * 86_400.0 + (q.releaseFromHour() + (k + 0.5) / perDay * hours) * 3600;
            }
        }
        return t;
    }

    /**
     * M per release time: N × P(a device is present at some time within the horizon), rounded. A device in a zone
     * at the release is present; one absent then is present once it enters a zone: the first passage of the
     * movement chain, with the zones lumped into one absorbing state, from the absent states.
     */
    private int[] eligible(PiecewiseGenerator single, PiecewiseTransientSolver solver, double[][] full, int zones,
                           int states) {
        int phases = full.length;
        int[] out = new int[phases];
        int absent = states - zones;
        if (live == liveZones) { // no device is ever absent
            Arrays.fill(out, devices);
            return out;
        }
        List<Generator> lumped = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            Generator q = single.pieces().get(s).generator();
            Generator.Builder b = Generator.builder(absent + 1);
            for (int r = 0; r < absent; r++) {
                for (int k = q.rowStart(zones + r); k < q.rowEnd(zones + r); k++) {
                    int c = q.column(k);
                    b.add(1 + r, c < zones ? 0 : 1 + c - zones, q.rate(k));
                }
            }
            lumped.add(b.build());
        }
        PiecewiseGenerator sched = PiecewiseGenerator.periodic(lumped, SLOT);
        for (int j = 0; j < phases; j++) {
            double[] p0 = new double[absent + 1];
            for (int i = 0; i < states; i++) {
                p0[i < zones ? 0 : 1 + i - zones] += full[j][i];
            }
            double t0 = phaseTimes[j];
            FirstPassageResult r = solver.firstPassage(sched, t0, p0, new int[] {0}, new double[] {t0 + question.horizon()},
                    ProgressListener.NONE);
            out[j] = (int) Math.round(devices * Math.min(1, r.cdf()[0]));
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
