package org.p2prollout.solver.stationary;

import java.util.Arrays;
import java.util.Locale;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.core.ProgressListener;

/**
 * Multi-level iterative aggregation–disaggregation (in the manner of Horton and Leutenegger, with
 * algebraic aggregation as in De Sterck et al.): Gauss–Seidel removes the non-smooth part of the
 * error, and the smooth, slowly relaxing part — which makes plain Gauss–Seidel need thousands of
 * sweeps — is corrected on a hierarchy of aggregated chains, each about four times smaller,
 * down to one solved exactly by GTH.
 *
 * <p>Aggregates are built once, by two rounds of pairwise matching of each state with its most
 * strongly coupled unmatched neighbour (largest rate into it). In each W-cycle the coarse
 * generator is the fine one aggregated with the current iterate as weights,
 * {@code Q_c[I][J] = Σ_{i∈I} x_i Σ_{j∈J} Q[i][j] / Σ_{i∈I} x_i}; the coarse solution then scales
 * each aggregate's states (disaggregation). The answer is exact at the fixed point (πQ = 0).
 *
 * <p>Criterion: by default ({@link Convergence#errorEstimate()}) the estimated 1-norm error
 * {@code d·ρ/(1−ρ) < ε}, d the 1-norm change of the iterate over the last cycle and ρ the largest
 * ratio of successive changes over the last {@value Convergence#RATIO_WINDOW} cycles (see
 * {@link Convergence}); otherwise the relative residual {@code ‖xQ‖∞ / max_i x_i q_i < ε}, the
 * largest net flow out of a state relative to the largest flow through one (which on the open
 * swarm at 1e-6 left a 1-norm error of 1.2e-5). On the finest level a cycle costs four passes
 * over the transitions (two sweeps, the aggregation, the residual, which also normalises) plus a
 * few vector operations, and the coarse levels of the W-cycle about as much again. Coarsening
 * that stalls (e.g. star-shaped chains) degrades it to Gauss–Seidel.
 *
 * <p>Sweeps run in the direction from which most of the incoming rate comes (summed over the
 * finest level's transitions), so that each update reads the larger share of its inflow already
 * updated: backward on the x-major open swarm, where the estimate reaches 1e-8 in 39 cycles
 * instead of 62 forward.
 *
 * <p>Top-level acceleration: the next iterate is the affine combination of the last four cycle
 * outputs with least residual 2-norm (iterant recombination), negative entries set to 0.
 */
public final class Multilevel extends AbstractStationarySolver {
    private static final int WINDOW = 4;
    private static final int COARSEST = 120;
    private static final int PRE_SWEEPS = 1;
    private static final int POST_SWEEPS = 1;

    private final Convergence convergence;
    private final ProgressListener progress;

    public Multilevel(Convergence convergence, ProgressListener progress) {
        this.convergence = convergence;
        this.progress = progress;
    }

    public Multilevel(Convergence convergence) {
        this(convergence, ProgressListener.NONE);
    }

    @Override
    public String name() {
        return "multilevel aggregation";
    }

    private String criterion() {
        if (convergence.errorEstimate()) {
            return convergence.describe();
        }
        return String.format(Locale.ROOT, "relative residual ‖xQ‖∞/max x_i q_i < %.3g", convergence.epsilon());
    }

    @Override
    protected Solution solveIrreducible(Generator q) {
        Level top = Level.of(q);
        top.buildHierarchy();
        int n = q.states();
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double residual = Double.NaN;
        long max = convergence.maxIterations();
        int window = WINDOW;
        double[][] xs = new double[window][];
        double[][] rs = new double[window][];
        int stored = 0;
        double[][] gram = new double[window][window];   // r_a · r_b, updated for the new slot only
        double[] previous = x.clone();
        double[] changes = new double[Convergence.RATIO_WINDOW + 1];
        int recorded = 0;
        double estimate = Double.POSITIVE_INFINITY;
        for (long cycle = 1; cycle <= max; cycle++) {
            top.cycle(x);
            final double[] out = x;
            double total = halves(n, (from, to) -> {
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += out[i];
                }
                return sum;
            });
            if (!(total > 0) || Double.isInfinite(total)) {
                throw new ArithmeticException("cannot normalise a vector with sum " + total);
            }
            // top-level acceleration: keep the last cycle outputs (normalised) and their
            // residuals xQ, and continue from the affine combination (weights summing to 1) of
            // least residual
            int slot = (int) ((cycle - 1) % window);
            if (xs[slot] == null) {   // the window's vectors are allocated once: 16 MB each on the reference chain
                xs[slot] = new double[n];
                rs[slot] = new double[n];
            }
            top.scaledResidual(x, 1 / total, xs[slot], rs[slot]);
            stored = Math.min(stored + 1, window);
            double[] dots = dots(rs[slot], rs, stored);
            for (int b = 0; b < stored; b++) {
                gram[slot][b] = dots[b];
                gram[b][slot] = dots[b];
            }
            double[] alpha = stored >= 2 ? recombination(gram, stored) : null;
            double scale = 1;
            if (alpha != null) {
                final int m = stored;
                scale = 1 / halves(n, (from, to) -> {
                    double sum = 0;
                    for (int i = from; i < to; i++) {
                        double v = 0;
                        for (int k = 0; k < m; k++) {
                            v += alpha[k] * xs[k][i];
                        }
                        v = v > 0 ? v : 0;
                        out[i] = v;
                        sum += v;
                    }
                    return sum;
                });
            } else {
                System.arraycopy(xs[slot], 0, x, 0, n);
            }
            final double factor = scale;   // normalises the combination; 1 when x is a stored, normalised output
            double change = halves(n, (from, to) -> {
                double c = 0;
                for (int i = from; i < to; i++) {
                    double v = out[i] * factor;
                    out[i] = v;
                    c += Math.abs(v - previous[i]);
                    previous[i] = v;
                }
                return c;
            });
            if (!convergence.errorEstimate()) {
                residual = top.relativeResidual(x);   // the criterion; otherwise the final residual is computed once at the end
            }
            recorded = Convergence.record(changes, recorded, change);
            estimate = Convergence.estimate(changes, recorded);
            progress.progress(cycle, max, "multilevel cycles");
            if (convergence.errorEstimate() ? estimate < convergence.epsilon() : residual < convergence.epsilon()) {
                return new Solution(x, cycle, criterion(), estimate);
            }
        }
        if (convergence.errorEstimate()) {
            residual = top.relativeResidual(x);
        }
        throw new NotConvergedException(Accuracy.iterative(name(), max, residual, criterion(), false),
                "raise 'maxIterations' or use 'method' krylov or gs");
    }

    /**
     * {@code r · rs[b]} for b < m in one pass over r (two halves in parallel on large vectors,
     * added in a fixed order).
     */
    static double[] dots(double[] r, double[][] rs, int m) {
        Split<double[]> s = split(r.length, r.length, (from, to) -> {
            double[] d = new double[m];
            for (int i = from; i < to; i++) {
                double ri = r[i];
                for (int b = 0; b < m; b++) {
                    d[b] += ri * rs[b][i];
                }
            }
            return d;
        });
        double[] sum = s.low();
        for (int b = 0; b < m; b++) {
            sum[b] += s.high()[b];
        }
        return sum;
    }

    /** Levels with at least this many states sweep and compute residuals in two halves in parallel. */
    static final int PARALLEL_MIN_STATES = 100_000;

    /** A computation on the index range [from, to) returning a partial sum. */
    interface RangeTask {
        double apply(int from, int to);
    }

    /**
     * Runs {@code task} on [0, n/2) and [n/2, n) (in parallel when n is large) and adds the two
     * results in that order, so the answer does not depend on the number of cores or on timing.
     */
    static double halves(int n, RangeTask task) {
        return halvesOf(n, task, n);
    }

    /**
     * Like {@link #halves} on [0, n) split at n/2, parallel when {@code work} (the size of the
     * level the loop serves) is large: for loops over a coarse level that touch the fine one.
     */
    static double halvesOf(int n, RangeTask task, int work) {
        Split<Double> s = split(n, work, task::apply);
        return s.low() + s.high();
    }

    /** The results of a computation on [0, n/2) and on [n/2, n). */
    private record Split<T>(T low, T high) { }

    /** Runs {@code part} on both halves of [0, n), the second on another core when {@code work} is large. */
    private static <T> Split<T> split(int n, int work, java.util.function.BiFunction<Integer, Integer, T> part) {
        int mid = n / 2;
        if (work < PARALLEL_MIN_STATES) {
            return new Split<>(part.apply(0, mid), part.apply(mid, n));
        }
        java.util.concurrent.ForkJoinTask<T> second = java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> part.apply(mid, n));
        T low = part.apply(0, mid);
        return new Split<>(low, second.join());
    }

    /**
     * Weights α, Σα = 1, minimising ‖Σ α_k r_k‖₂ given the Gram matrix {@code r_a · r_b} of the
     * first m residuals; null when it is singular.
     */
    static double[] recombination(double[][] gram, int m) {
        double[][] g = new double[m][m];
        double trace = 0;
        for (int a = 0; a < m; a++) {
            System.arraycopy(gram[a], 0, g[a], 0, m);
            trace += g[a][a];
        }
        if (!(trace > 0)) {
            return null;
        }
        for (int a = 0; a < m; a++) {
            g[a][a] += 1e-13 * trace;
        }
        org.ejml.data.DMatrixRMaj gm = new org.ejml.data.DMatrixRMaj(g);
        org.ejml.data.DMatrixRMaj ones = new org.ejml.data.DMatrixRMaj(m, 1);
        ones.fill(1.0);
        org.ejml.data.DMatrixRMaj y = new org.ejml.data.DMatrixRMaj(m, 1);
        if (!org.ejml.dense.row.CommonOps_DDRM.solve(gm, ones, y)) {
            return null;
        }
        double sum = 0;
        for (int a = 0; a < m; a++) {
            sum += y.get(a);
        }
        if (!(Math.abs(sum) > 0) || !Double.isFinite(sum)) {
            return null;
        }
        double[] alpha = new double[m];
        for (int a = 0; a < m; a++) {
            alpha[a] = y.get(a) / sum;
        }
        return alpha;
    }

    /** One level: a generator in incoming (column) form, and the map to the next coarser level. */
    static final class Level {
        final int n;
        final int[] inStart;
        final int[] inSrc;
        final double[] inVal;
        final double[] exit;
        /** 1 / exit rate, or 0 where the exit rate is 0 (such a state is left as it is by sweeps). */
        final double[] invExit;
        int[] agg;          // aggregate of each state at the next level
        Level coarse;
        /*
         * The aggregation as a gather: coarse entry s (in the coarse level's incoming order) sums
         * the fine entries aggEntry[aggStart[s] .. aggStart[s+1]) (indices into this level's
         * inSrc/inVal, which on coarse levels change every cycle), weighted by the fine source
         * state's weight, in ascending fine-entry order (the order a pass over the fine columns
         * would add them). Written sequentially and split into halves by coarse column, so it
         * runs on two cores with no shared writes, and the answer does not depend on the cores.
         */
        private int[] aggStart;
        private int[] aggEntry;
        /*
         * After the hierarchy is built, the gather reads copies of the sources and rates laid out
         * in gather order (sequential reads) instead of going through aggEntry; on the finest
         * level the rates never change, on coarse ones the finer gather keeps the copy current.
         */
        private int[] aggSrc;
        private double[] aggVal;
        /** On coarse levels with a coarser one: each entry's position in aggSrc/aggVal, or -1. */
        private int[] gatherPos;
        /** True for the finest level, whose rates are the generator's and fixed. */
        private boolean fixedRates;
        /**
         * Sweep direction, chosen once on the finest level and kept by the coarse ones (their
         * states keep the fine order): backward (descending index) when more of the incoming
         * rate comes from higher-indexed states, so that each update reads the larger share of
         * its inflow already updated, as upwind Gauss–Seidel does.
         */
        private boolean backward;

        /** The sweep direction chosen for this level: true for descending state index. */
        boolean sweepsBackward() {
            return backward;
        }
        /** The states of each aggregate, ascending: {@code members[memberStart[c] .. memberStart[c+1])}. */
        private int[] memberStart;
        private int[] members;
        /** Per coarse state: its outgoing coarse entries in incoming order, to sum its exit rate. */
        private int[] outStart;
        private int[] outEntry;
        private double[] weights;
        /** Per-cycle work vectors of the coarse level's size, kept to spare the allocation. */
        private double[] restricted;
        private double[] weightSums;
        /** For two-block sweeps (large levels): states read across the middle, and their values at the sweep's start. */
        private int[] crossing;
        private double[] snapshot;
        /** For two-block sweeps: true for the states with a source in the other half (the rest skip the range test). */
        private boolean[] readsAcross;

        Level(int n, int[] inStart, int[] inSrc, double[] inVal, double[] exit) {
            this.n = n;
            this.inStart = inStart;
            this.inSrc = inSrc;
            this.inVal = inVal;
            this.exit = exit;
            this.invExit = new double[n];
        }

        private void setInverseExits(int from, int to) {
            for (int j = from; j < to; j++) {
                invExit[j] = exit[j] > 0 ? 1 / exit[j] : 0;
            }
        }

        static Level of(Generator q) {
            // the incoming form straight from the outgoing rows, as Generator.incoming() builds it
            // (sources ascending per column), without making that cached copy first: fresh memory
            // costs page faults, about 2.4 ms per MB on the reference machine
            int n = q.states();
            int m = Math.toIntExact(q.transitions());
            int[] start = new int[n + 1];
            for (int k = 0; k < m; k++) {
                start[q.column(k) + 1]++;
            }
            for (int j = 0; j < n; j++) {
                start[j + 1] += start[j];
            }
            int[] next = Arrays.copyOf(start, n);
            int[] src = new int[m];
            double[] val = new double[m];
            double fromBelow = 0;   // incoming rate from lower- and from higher-indexed states: the sweep direction
            double fromAbove = 0;
            for (int i = 0; i < n; i++) {
                for (int k = q.rowStart(i); k < q.rowEnd(i); k++) {
                    int j = q.column(k);
                    int p = next[j]++;
                    src[p] = i;
                    val[p] = q.rate(k);
                    if (i < j) {
                        fromBelow += val[p];
                    } else {
                        fromAbove += val[p];
                    }
                }
            }
            sortNearestLast(n, start, src, null, val);
            Level top = new Level(n, start, src, val, q.exitRates());
            top.fixedRates = true;
            top.setInverseExits(0, n);
            top.backward = fromAbove > fromBelow;
            return top;
        }

        /**
         * Sorts each column's sources as {@link #sortNearestLast} does, in place, and returns where
         * each entry went: entry e is now at {@code placed[e]}.
         */
        private static int[] nearestLastOrder(int n, int[] start, int[] src) {
            int[] order = new int[src.length];
            for (int e = 0; e < order.length; e++) {
                order[e] = e;
            }
            sortNearestLast(n, start, src, order, null);
            int[] placed = new int[src.length];
            for (int p = 0; p < order.length; p++) {
                placed[order[p]] = p;
            }
            return placed;
        }

        /**
         * A sweep's update of x_j waits for the state updated just before it, which is nearly
         * always its nearest source; adding that source's term last keeps one addition, not all
         * of them, on that chain of dependent updates. So each column's entries are sorted (by
         * insertion: a column has a few) by distance |i - j| descending, ties by ascending
         * source; {@code order} and {@code val} move along when given.
         */
        private static void sortNearestLast(int n, int[] start, int[] src, int[] order, double[] val) {
            for (int j = 0; j < n; j++) {
                for (int a = start[j] + 1; a < start[j + 1]; a++) {
                    int si = src[a];
                    int oi = order != null ? order[a] : 0;
                    double vi = val != null ? val[a] : 0;
                    long key = Math.abs((long) si - j);
                    int b = a - 1;
                    while (b >= start[j] && (Math.abs((long) src[b] - j) < key
                            || Math.abs((long) src[b] - j) == key && src[b] > si)) {
                        src[b + 1] = src[b];
                        if (order != null) {
                            order[b + 1] = order[b];
                        }
                        if (val != null) {
                            val[b + 1] = val[b];
                        }
                        b--;
                    }
                    src[b + 1] = si;
                    if (order != null) {
                        order[b + 1] = oi;
                    }
                    if (val != null) {
                        val[b + 1] = vi;
                    }
                }
            }
        }

        void buildHierarchy() {
            Level level = this;
            int[] map = level.n > COARSEST ? level.aggregation() : null;
            while (map != null) {
                int nc = countOf(map);
                Level coarse = level.coarsen(map, nc);
                coarse.setUniform(level);   // rates to match on at the next level
                int[] next = coarse.n > COARSEST ? coarse.aggregation() : null;
                level.coarse = coarse;
                level.copyGatherRates();
                level = coarse;
                map = next;
            }
        }

        /**
         * Two rounds of pairwise matching composed (aggregates of about four states), or null
         * when that would keep more than 80 % of the states (coarsening stalls: the level is then
         * solved by sweeps).
         */
        private int[] aggregation() {
            int[] first = pairwise();
            Level mid = coarsen(first, countOf(first));
            mid.setUniform(this);
            int[] second = mid.pairwise();
            int[] composed = new int[n];
            for (int i = 0; i < n; i++) {
                composed[i] = second[first[i]];
            }
            return countOf(second) > 0.8 * n ? null : composed;
        }

        private static int countOf(int[] agg) {
            int max = -1;
            for (int a : agg) {
                max = Math.max(max, a);
            }
            return max + 1;
        }

        /** Matches each state with its strongest unmatched incoming neighbour. */
        int[] pairwise() {
            int[] agg = new int[n];
            Arrays.fill(agg, -1);
            int next = 0;
            for (int j = 0; j < n; j++) {
                if (agg[j] >= 0) {
                    continue;
                }
                int best = -1;
                double strength = 0;
                for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                    int i = inSrc[k];
                    if (i != j && agg[i] < 0 && inVal[k] > strength) {
                        strength = inVal[k];
                        best = i;
                    }
                }
                agg[j] = next;
                if (best >= 0) {
                    agg[best] = next;
                }
                next++;
            }
            return agg;
        }

        /** The coarse level's pattern for the aggregation {@code map} (values set per cycle). */
        Level coarsen(int[] map, int nc) {
            int m = inSrc.length;
            int[] slots = new int[m];
            // fine states grouped by aggregate
            int[] memberStart = new int[nc + 1];
            int[] members = groupBy(map, nc, memberStart);
            int[] stamp = new int[nc];
            Arrays.fill(stamp, -1);
            int[] pos = new int[nc];
            int[] cStart = new int[nc + 1];
            int[] cSrc = new int[Math.max(16, m / 2)];
            int count = 0;
            for (int jc = 0; jc < nc; jc++) {
                cStart[jc] = count;
                for (int p = memberStart[jc]; p < memberStart[jc + 1]; p++) {
                    int j = members[p];
                    for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                        int ic = map[inSrc[k]];
                        if (ic == jc) {
                            slots[k] = -1;
                            continue;
                        }
                        if (stamp[ic] != jc) {
                            stamp[ic] = jc;
                            if (count == cSrc.length) {
                                cSrc = Arrays.copyOf(cSrc, cSrc.length * 2);
                            }
                            pos[ic] = count;
                            cSrc[count++] = ic;
                        }
                        slots[k] = pos[ic];
                    }
                }
            }
            cStart[nc] = count;
            int[] coarseSrc = Arrays.copyOf(cSrc, count);
            // the coarse level's columns in the order its sweeps want them (see sortNearestLast)
            int[] placed = nearestLastOrder(nc, cStart, coarseSrc);
            for (int k = 0; k < m; k++) {
                if (slots[k] >= 0) {
                    slots[k] = placed[slots[k]];
                }
            }
            // ascending k: each coarse entry adds its fine rates in the original order
            int[] start = new int[count + 1];
            int[] entries = groupBy(slots, count, start);
            // ascending s: exit rates add in the coarse incoming order
            int[] out = new int[nc + 1];
            int[] outList = groupBy(coarseSrc, nc, out);
            this.agg = map;
            this.aggStart = start;
            this.aggEntry = entries;
            this.aggSrc = null;
            this.aggVal = null;
            this.gatherPos = null;
            this.memberStart = memberStart;
            this.members = members;
            this.outStart = out;
            this.outEntry = outList;
            Level c = new Level(nc, cStart, coarseSrc, new double[count], new double[nc]);
            c.backward = backward;
            return c;
        }

        /**
         * Counting sort: the indices i with {@code key[i] >= 0}, grouped by key, ascending within
         * each group; group g is {@code [starts[g], starts[g+1])} ({@code starts} has groups + 1 entries).
         */
        private static int[] groupBy(int[] key, int groups, int[] starts) {
            for (int k : key) {
                if (k >= 0) {
                    starts[k + 1]++;
                }
            }
            for (int g = 0; g < groups; g++) {
                starts[g + 1] += starts[g];
            }
            int[] order = new int[starts[groups]];
            int[] at = Arrays.copyOf(starts, groups);
            for (int i = 0; i < key.length; i++) {
                if (key[i] >= 0) {
                    order[at[key[i]]++] = i;
                }
            }
            return order;
        }

        /**
         * Replaces the gather's entry indices by copies of the sources and rates in gather order
         * (sequential reads); done once, for the final aggregation only (not the trial one the
         * hierarchy build makes on the way). On a coarse level, whose rates change every cycle,
         * {@code gatherPos} then tells the finer level's gather where each new rate goes in the
         * copy: one scattered write per rate instead of two dependent scattered reads here.
         */
        private void copyGatherRates() {
            int[] src = new int[aggEntry.length];
            double[] val = new double[aggEntry.length];
            for (int p = 0; p < aggEntry.length; p++) {
                src[p] = inSrc[aggEntry[p]];
                val[p] = inVal[aggEntry[p]];
            }
            if (!fixedRates) {
                int[] pos = new int[inSrc.length];
                Arrays.fill(pos, -1);   // entries inside an aggregate are not gathered
                for (int p = 0; p < aggEntry.length; p++) {
                    pos[aggEntry[p]] = p;
                }
                gatherPos = pos;
            }
            aggSrc = src;
            aggVal = val;
            aggEntry = null;
        }

        /** Values of this (coarse) level aggregated from {@code fine} (already coarsened to it) with uniform weights. */
        void setUniform(Level fine) {
            double[] w = new double[fine.n];
            Arrays.fill(w, 1.0);
            double[] sums = new double[n];
            for (int c = 0; c < n; c++) {
                sums[c] = fine.memberStart[c + 1] - fine.memberStart[c];
            }
            fine.aggregateValues(w, sums, this);
        }

        /**
         * Sets {@code c}'s rates to the fine rates aggregated with weights {@code w}, whose sum
         * over each aggregate is {@code sums}.
         */
        void aggregateValues(double[] w, double[] sums, Level c) {
            int[] cStart = c.inStart;
            int[] cSrc = c.inSrc;
            double[] cVal = c.inVal;
            int[] aStart = aggStart;
            int[] cPos = c.gatherPos;
            double[] cCopy = c.aggVal;
            halvesOf(c.n, (from, to) -> {
                if (aggVal != null) {
                    gatherCopied(aStart, aggSrc, aggVal, w, sums, cSrc, cVal, cPos, cCopy, cStart[from], cStart[to]);
                } else {
                    gatherIndexed(aStart, aggEntry, inSrc, inVal, w, sums, cSrc, cVal, cStart[from], cStart[to]);
                }
                return 0;
            }, n);
            double[] cExit = c.exit;
            int[] oStart = outStart;
            int[] oEntry = outEntry;
            halvesOf(c.n, (from, to) -> {
                sumExits(oStart, oEntry, cVal, cExit, from, to);
                c.setInverseExits(from, to);
                return 0;
            }, n);
        }

        /* The loops are static methods over the arrays they read, so the JIT compiles each on its own. */
        /** Also writes each rate into the coarse level's own gather copy when it has one ({@code cPos} not null). */
        private static void gatherCopied(int[] aggStart, int[] aggSrc, double[] aggVal, double[] w, double[] sums,
                                         int[] cSrc, double[] cVal, int[] cPos, double[] cCopy, int sFrom, int sTo) {
            for (int s = sFrom; s < sTo; s++) {
                double sum = 0;
                for (int p = aggStart[s]; p < aggStart[s + 1]; p++) {
                    sum += w[aggSrc[p]] * aggVal[p];
                }
                double v = sum / sums[cSrc[s]];
                cVal[s] = v;
                if (cPos != null && cPos[s] >= 0) {
                    cCopy[cPos[s]] = v;
                }
            }
        }

        private static void gatherIndexed(int[] aggStart, int[] aggEntry, int[] inSrc, double[] inVal, double[] w,
                                          double[] sums, int[] cSrc, double[] cVal, int sFrom, int sTo) {
            for (int s = sFrom; s < sTo; s++) {
                double sum = 0;
                for (int p = aggStart[s]; p < aggStart[s + 1]; p++) {
                    int k = aggEntry[p];
                    sum += w[inSrc[k]] * inVal[k];
                }
                cVal[s] = sum / sums[cSrc[s]];
            }
        }

        private static void sumExits(int[] outStart, int[] outEntry, double[] cVal, double[] cExit, int from, int to) {
            for (int ic = from; ic < to; ic++) {
                double e = 0;
                for (int q = outStart[ic]; q < outStart[ic + 1]; q++) {
                    e += cVal[outEntry[q]];
                }
                cExit[ic] = e;
            }
        }

        /** One W-cycle on this level, improving {@code x} in place. */
        void cycle(double[] x) {
            for (int s = 0; s < PRE_SWEEPS; s++) {
                sweep(x);
            }
            if (coarse == null) {
                if (n <= 2 * COARSEST) {
                    exact(x);
                } else {
                    for (int s = 0; s < 10; s++) {   // coarsening stalled above the exact size
                        sweep(x);
                    }
                }
                return;
            }
            if (weights == null) {
                weights = new double[n];
            }
            double[] w = weights;
            int nc = coarse.n;
            if (restricted == null) {
                restricted = new double[nc];
                weightSums = new double[nc];
            }
            double[] xc = restricted;           // restriction: each aggregate's mass
            double[] ws = weightSums;           // the weights' sums
            halvesOf(nc, (from, to) -> {
                for (int c = from; c < to; c++) {
                    double sum = 0;
                    for (int p = memberStart[c]; p < memberStart[c + 1]; p++) {
                        sum += x[members[p]];
                    }
                    xc[c] = sum;
                    // an aggregate whose mass underflowed is weighted uniformly
                    boolean uniform = !(sum > 1e-290);
                    for (int p = memberStart[c]; p < memberStart[c + 1]; p++) {
                        int i = members[p];
                        w[i] = uniform ? 1.0 : x[i];
                    }
                    ws[c] = uniform ? memberStart[c + 1] - memberStart[c] : sum;
                }
                return 0;
            }, n);
            aggregateValues(w, ws, coarse);
            coarse.cycle(xc);
            if (coarse.coarse != null) {
                coarse.cycle(xc);   // W-cycle: visit each coarse level twice
            }
            halves(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int c = agg[i];
                    x[i] = w[i] / ws[c] * xc[c];
                }
                return 0;
            });
            for (int s = 0; s < POST_SWEEPS; s++) {
                sweep(x);
            }
        }

        /**
         * One Gauss–Seidel sweep. A large level is swept as two halves in parallel, each in
         * Gauss–Seidel order inside and reading the other half's values as they were at the
         * start of the sweep (block Jacobi between the halves, deterministic whatever the timing).
         */
        private void sweep(double[] x) {
            if (n < PARALLEL_MIN_STATES) {
                sweepRange(x, 0, n, null);
                return;
            }
            if (crossing == null) {
                findCrossing();
            }
            for (int i : crossing) {
                snapshot[i] = x[i];
            }
            halves(n, (from, to) -> {
                sweepRange(x, from, to, snapshot);
                return 0;
            });
        }

        /** Gauss–Seidel over [from, to), in this level's direction (see {@link #backward}). */
        private void sweepRange(double[] x, int from, int to, double[] outside) {
            if (backward) {
                for (int j = to - 1; j >= from; j--) {
                    relax(x, j, from, to, outside);
                }
            } else {
                for (int j = from; j < to; j++) {
                    relax(x, j, from, to, outside);
                }
            }
        }

        /** Sets x_j so that state j's balance holds; sources outside [from, to) are read from {@code outside} when given. */
        private void relax(double[] x, int j, int from, int to, double[] outside) {
            double inverse = invExit[j];   // a multiplication, not a division, on the chain of updates
            if (inverse == 0) {
                return;
            }
            double sum = 0;
            if (outside == null || !readsAcross[j]) {
                for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                    sum += x[inSrc[k]] * inVal[k];
                }
            } else {
                for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                    int i = inSrc[k];
                    sum += (i >= from && i < to ? x[i] : outside[i]) * inVal[k];
                }
            }
            x[j] = sum * inverse;
        }

        private void findCrossing() {
            int mid = n / 2;
            boolean[] mark = new boolean[n];
            int count = 0;
            boolean[] across = new boolean[n];
            for (int j = 0; j < n; j++) {
                boolean low = j < mid;
                for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                    int i = inSrc[k];
                    if ((i < mid) != low) {
                        across[j] = true;
                        if (!mark[i]) {
                            mark[i] = true;
                            count++;
                        }
                    }
                }
            }
            readsAcross = across;
            int[] list = new int[count];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (mark[i]) {
                    list[c++] = i;
                }
            }
            snapshot = new double[n];
            crossing = list;
        }

        /** Replaces x by the exact stationary vector of this (small) level, keeping its total. */
        private void exact(double[] x) {
            double total = 0;
            for (double v : x) {
                total += v;
            }
            Generator.Builder b = Generator.builder(n, inSrc.length);
            for (int j = 0; j < n; j++) {
                for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                    b.add(inSrc[k], j, inVal[k]);
                }
            }
            Generator g = b.build();
            double[] pi;
            if (org.p2prollout.solver.structure.CommunicatingClasses.of(g).isIrreducible()) {
                pi = new Gth().solveIrreducible(g).pi();
            } else {
                return;   // aggregated with underflowed weights: keep the smoothed iterate
            }
            double s = 0;
            for (double v : pi) {
                s += v;
            }
            for (int i = 0; i < n; i++) {
                x[i] = pi[i] / s * total;
            }
        }

        /** {@code y = scale·x} and {@code r = yQ}, in one pass; x is not modified. */
        void scaledResidual(double[] x, double scale, double[] y, double[] r) {
            halves(n, (from, to) -> {
                for (int j = from; j < to; j++) {
                    double sum = -x[j] * exit[j];
                    for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                        sum += x[inSrc[k]] * inVal[k];
                    }
                    r[j] = sum * scale;
                    y[j] = x[j] * scale;
                }
                return 0;
            });
        }

        /** ‖xQ‖∞ / max_i x_i q_i. */
        double relativeResidual(double[] x) {
            double r = 0;
            double flow = 0;
            for (int j = 0; j < n; j++) {
                double sum = -x[j] * exit[j];
                flow = Math.max(flow, x[j] * exit[j]);
                for (int k = inStart[j]; k < inStart[j + 1]; k++) {
                    sum += x[inSrc[k]] * inVal[k];
                }
                r = Math.max(r, Math.abs(sum));
            }
            return r / flow;
        }
    }
}
