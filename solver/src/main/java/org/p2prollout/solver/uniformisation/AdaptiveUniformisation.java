package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.ProgressListener;

/**
 * Adaptive uniformisation (in the manner of Mateescu's and of PRISM's fast adaptive
 * uniformisation): only the <em>active</em> states, those whose probability is at least a drop
 * threshold δ, are stored and pushed along their outgoing transitions, and time is cut into
 * intervals, each uniformised at the rate of the states it actually reaches rather than at the
 * largest exit rate of the whole chain.
 *
 * <p>Per interval [t₀, t₀ + Δ]: {@code Λ = factor × max exit rate} over the active states and
 * their direct successors; {@code π(t₀+Δ) = Σ_k Poisson(k; ΛΔ) v P^k}, {@code P = I + Q/Λ},
 * truncated by {@link FoxGlynn}. The formula is exact only if every state pushed in the interval
 * has exit rate {@code <= Λ} (otherwise its row of P has a negative diagonal); when a state with a
 * larger exit rate becomes active before the last step, the interval is restarted from its stored
 * start with {@code Λ ← max(1.25 Λ, factor × that rate)} (so at most a logarithmic number of
 * restarts). Δ is chosen so that an interval takes about {@value #INTERVAL_STEPS} steps (or ends
 * at the next requested time), which lets Λ follow the active set as it grows and shrinks.
 *
 * <p>Error bound, per requested time, in the 1-norm of the distribution: the sum over the
 * intervals so far of {@code 2·δ_FG} (the Fox–Glynn tail, counted twice because the kept weights
 * are renormalised) plus every bit of probability set to 0 as below δ (counted exactly). Each
 * interval's operator and the true {@code e^{QΔ}} are non-expansive in the 1-norm on
 * non-negative vectors, so local errors add up and never grow. The Fox–Glynn budget is {@code ε/4}
 * spread over time in proportion to interval length; δ is chosen per interval so that the
 * dropped mass is expected to stay below another {@code ε/4} (the mass actually dropped is what
 * is reported, whatever it is). Rounding (about 1e-16 per step) is not included.
 *
 * <p>The chain is explored from the initial distribution ({@link TransitionFunction}): a state's
 * transitions are generated the first time it carries probability or neighbours a state that
 * does, and stored in local numbering, so memory and work grow with the states reached, not with
 * the chain. The active set grows and shrinks with time; explored states stay stored.
 *
 * <p>When the chain is a built {@link Generator} and the active set grows beyond a quarter of it,
 * the rest of the horizon may be handed to standard uniformisation ({@link UniformisationPass},
 * with its steady-state detection) from the current distribution; its bound is added.
 */
final class AdaptiveUniformisation {
    /** Steps per interval aimed at: long enough that Fox–Glynn's tails (≈ 7√(ΛΔ) steps) cost little. */
    static final int INTERVAL_STEPS = 400;
    /** Λ grows at least by this factor on a restart. */
    private static final double RESTART_GROWTH = 1.25;
    /** Above this share of the chain active, standard uniformisation takes over (when allowed). */
    private static final double HANDOVER_SHARE = 0.25;

    /** What a run computed, per distinct positive time (ascending). */
    record Outcome(double[][] distributions, int[][] supports, double[][] values, double[] errorBounds, double dropped, long steps, int intervals,
                   int restarts, double minRate, double maxRate, int maxActive, int explored, long handoverSteps,
                   boolean handedOver) {
    }

    private final TransitionFunction chain;
    private final int n;
    private final double factor;
    // explored states, local numbering
    private final IntIndex index;
    private int[] global = new int[1024];
    private int locals;
    // transitions of local l (when explored[l]): tTarget/tRate[tOffset[l] .. tOffset[l] + tCount[l])
    private int[] tTarget = new int[4096];
    private double[] tRate = new double[4096];
    private int tSize;
    private boolean[] explored = new boolean[1024];
    private int[] tOffset = new int[1024];
    private int[] tCount = new int[1024];
    private double[] exit = new double[1024];
    private final int[] bufTargets;
    private final double[] bufRates;
    // vectors over local indices
    private double[] cur = new double[1024];
    private double[] nxt = new double[1024];
    private double[] acc = new double[1024];
    private int[] stamp = new int[1024];
    private int[] accStamp = new int[1024];
    private int generation;
    private int accGeneration;
    private int[] curList = new int[64];
    private int curCount;
    private int[] nxtList = new int[64];
    private int[] accList = new int[64];
    private int accCount;

    /** Whether distributions are returned over all n states (else only as support and values). */
    private final boolean denseOutput;

    private AdaptiveUniformisation(TransitionFunction chain, double factor, int[] states, double[] probabilities,
                                   boolean denseOutput) {
        this.chain = chain;
        this.n = chain.states();
        this.factor = factor;
        this.denseOutput = denseOutput;
        this.index = new IntIndex(1024);
        this.bufTargets = new int[chain.maxTransitions()];
        this.bufRates = new double[chain.maxTransitions()];
        for (int i = 0; i < states.length; i++) {
            if (probabilities[i] != 0) {
                int l = local(states[i]);
                if (cur[l] == 0) {
                    curList = grow(curList, curCount);
                    curList[curCount++] = l;
                }
                cur[l] += probabilities[i];
            }
        }
    }

    /** The non-zero entries of a dense distribution: {states, probabilities}. */
    static Object[] sparse(double[] initial) {
        int c = 0;
        for (double v : initial) {
            c += v != 0 ? 1 : 0;
        }
        int[] st = new int[c];
        double[] pr = new double[c];
        c = 0;
        for (int s = 0; s < initial.length; s++) {
            if (initial[s] != 0) {
                st[c] = s;
                pr[c++] = initial[s];
            }
        }
        return new Object[] {st, pr};
    }

    /**
     * π(t) for each distinct positive time, ascending.
     *
     * @param q        the built generator when there is one (then standard uniformisation may take over), else null
     * @param handover whether standard uniformisation may take over once the active set is large
     */
    static Outcome run(TransitionFunction chain, Generator q, double[] initial, double[] sortedTimes, TransientOptions o,
                       boolean handover, ProgressListener progress) {
        Object[] sp = sparse(initial);
        return new AdaptiveUniformisation(chain, o.uniformisationFactor(), (int[]) sp[0], (double[]) sp[1], true)
                .solve(q, sortedTimes, o, handover && q != null, progress);
    }

    /** From a sparse initial distribution, with sparse results only (no O(n) work or memory). */
    static Outcome runSparse(TransitionFunction chain, int[] states, double[] probabilities, double[] sortedTimes,
                             TransientOptions o, ProgressListener progress) {
        return new AdaptiveUniformisation(chain, o.uniformisationFactor(), states, probabilities, false)
                .solve(null, sortedTimes, o, false, progress);
    }

    /** The local index of global state s, numbering it when new. */
    private int local(int s) {
        int l = index.get(s);
        if (l >= 0) {
            return l;
        }
        l = locals++;
        index.put(s, l);
        if (l == global.length) {
            int c = global.length * 2;
            global = Arrays.copyOf(global, c);
            explored = Arrays.copyOf(explored, c);
            tOffset = Arrays.copyOf(tOffset, c);
            tCount = Arrays.copyOf(tCount, c);
            exit = Arrays.copyOf(exit, c);
            cur = Arrays.copyOf(cur, c);
            nxt = Arrays.copyOf(nxt, c);
            acc = Arrays.copyOf(acc, c);
            stamp = Arrays.copyOf(stamp, c);
            accStamp = Arrays.copyOf(accStamp, c);
        }
        global[l] = s;
        return l;
    }

    /** Generates and stores the transitions of local state l (targets numbered locally). */
    private void explore(int l) {
        int c = chain.transitions(global[l], bufTargets, bufRates);
        if (tSize + c > tTarget.length) {
            int cap = Math.max(tTarget.length * 2, tSize + c);
            tTarget = Arrays.copyOf(tTarget, cap);
            tRate = Arrays.copyOf(tRate, cap);
        }
        int off = tSize;
        double e = 0;
        for (int i = 0; i < c; i++) {
            double r = bufRates[i];
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new org.p2prollout.core.InvalidInputException("rate from state " + global[l] + " to "
                        + bufTargets[i] + " must be finite and > 0, got " + r);
            }
            e += r;
        }
        // targets numbered after the rates are read: local() may grow the arrays but not the buffers
        for (int i = 0; i < c; i++) {
            int t = local(bufTargets[i]);
            tTarget[off + i] = t;
            tRate[off + i] = bufRates[i];
        }
        tSize = off + c;
        tOffset[l] = off;
        tCount[l] = c;
        exit[l] = e;
        explored[l] = true;
    }

    private double exitRate(int l) {
        if (!explored[l]) {
            explore(l);
        }
        return exit[l];
    }

    private Outcome solve(Generator q, double[] times, TransientOptions o, boolean handover, ProgressListener progress) {
        int nt = times.length;
        double horizon = times[nt - 1];
        double fgBudget = o.epsilon() / 4;
        double dropBudget = o.epsilon() / 4;
        double[][] dist = new double[nt][];
        int[][] supports = new int[nt][];
        double[][] values = new double[nt][];
        double[] bounds = new double[nt];
        double error = 0;
        double dropped = 0;
        long steps = 0;
        int intervals = 0;
        int restarts = 0;
        double minRate = Double.POSITIVE_INFINITY;
        double maxRate = 0;
        int maxActive = curCount;
        double t = 0;
        int next = 0;
        long handoverSteps = 0;
        boolean handedOver = false;
        double[] startValues = new double[64];
        int[] startList = new int[64];
        while (next < nt) {
            if (handover && curCount > HANDOVER_SHARE * n) {
                double[] rest = new double[nt - next];
                for (int i = next; i < nt; i++) {
                    rest[i - next] = times[i] - t;
                }
                UniformisationPass pass = UniformisationPass.run(q, dense(), rest, true, new double[0][], o, progress);
                for (int i = next; i < nt; i++) {
                    dist[i] = pass.distributions[i - next];
                    Object[] sp = sparse(dist[i]);
                    supports[i] = (int[]) sp[0];
                    values[i] = (double[]) sp[1];
                    bounds[i] = error + pass.errorBound(i - next);
                }
                handoverSteps = pass.steps;
                handedOver = true;
                maxRate = Math.max(maxRate, pass.lambda);
                dropped += pass.dropped;
                break;
            }
            double rate = factor * activeRate();
            boolean still = rate == 0;
            if (still) {
                rate = 1;   // no active state can move: P = I is exact at any Λ
            }
            double delta = Math.min(times[next] - t, INTERVAL_STEPS / rate);
            boolean atTime = delta >= times[next] - t;
            if (atTime) {
                delta = times[next] - t;
            }
            startList = grow(startList, curCount, curCount);
            startValues = growD(startValues, curCount);
            System.arraycopy(curList, 0, startList, 0, curCount);
            int startCount = curCount;
            for (int i = 0; i < curCount; i++) {
                startValues[i] = cur[curList[i]];
            }
            while (true) {
                double share = delta / horizon;
                FoxGlynn fg = FoxGlynn.compute(rate * delta, Math.min(0.5, Math.max(fgBudget * share, 1e-300)));
                // δ: the interval's share of the drop budget over the entries it may drop (≈ active × steps)
                double tau = dropBudget * share / ((double) (fg.right() + 1) * Math.max(4.0 * curCount, 4096));
                Interval r = interval(fg, rate, tau, still);
                steps += r.steps;
                if (r.overRate < 0) {
                    error += 2 * fg.truncatedMassBound() + r.dropped;
                    dropped += r.dropped;
                    break;
                }
                restarts++;
                rate = Math.max(RESTART_GROWTH * rate, factor * r.overRate);
                if (!atTime) {
                    delta = Math.min(times[next] - t, INTERVAL_STEPS / rate);
                    atTime = delta >= times[next] - t;
                    if (atTime) {
                        delta = times[next] - t;
                    }
                }
                restore(startList, startValues, startCount);
            }
            intervals++;
            minRate = Math.min(minRate, rate);
            maxRate = Math.max(maxRate, rate);
            maxActive = Math.max(maxActive, curCount);
            t = atTime ? times[next] : t + delta;
            if (atTime) {
                dist[next] = denseOutput ? dense() : null;
                supports[next] = new int[curCount];
                values[next] = new double[curCount];
                for (int i = 0; i < curCount; i++) {
                    supports[next][i] = global[curList[i]];
                    values[next][i] = cur[curList[i]];
                }
                bounds[next] = error;
                next++;
            }
            progress.progress((long) (1000 * t / horizon), 1000, "adaptive uniformisation (time)");
        }
        return new Outcome(dist, supports, values, bounds, dropped, steps, intervals, restarts,
                minRate == Double.POSITIVE_INFINITY ? maxRate : minRate, maxRate, maxActive, locals, handoverSteps,
                handedOver);
    }

    /** The current vector over all n states. */
    private double[] dense() {
        double[] d = new double[n];
        for (int i = 0; i < curCount; i++) {
            int l = curList[i];
            d[global[l]] = cur[l];
        }
        return d;
    }

    /** Largest exit rate over the active states and their direct successors. */
    private double activeRate() {
        double max = 0;
        for (int i = 0; i < curCount; i++) {
            int l = curList[i];
            max = Math.max(max, exitRate(l));
            for (int k = tOffset[l], end = k + tCount[l]; k < end; k++) {
                max = Math.max(max, exitRate(tTarget[k]));
            }
        }
        return max;
    }

    /** One interval's outcome: overRate ≥ 0 means a state with that exit rate (> Λ) became active (restart). */
    private record Interval(long steps, double dropped, double overRate) {
    }

    /**
     * Computes Σ_k w(k) v P^k from the current active vector into the current vector (when no
     * restart is needed), dropping entries below tau.
     */
    private Interval interval(FoxGlynn fg, double rate, double tau, boolean still) {
        final double inv = 1.0 / rate;
        int right = still ? 0 : fg.right();
        int left = still ? 0 : fg.left();
        double dropped = 0;
        long steps = 0;
        accGeneration++;
        accCount = 0;
        for (int k = 0; ; k++) {
            if (k >= left) {
                double w = still ? 1.0 : fg.weight(k);
                for (int i = 0; i < curCount; i++) {
                    int s = curList[i];
                    if (accStamp[s] != accGeneration) {
                        accStamp[s] = accGeneration;
                        accList = grow(accList, accCount);
                        accList[accCount++] = s;
                    }
                    acc[s] += w * cur[s];
                }
            }
            if (k == right) {
                break;
            }
            int gen = ++generation;
            int count = 0;
            for (int i = 0; i < curCount; i++) {
                int s = curList[i];
                double e = exitRate(s);   // may number new states: arrays may grow, so index them afresh below
                if (e > rate) {
                    clearAll(count);
                    return new Interval(steps, dropped, e);
                }
                double p = cur[s];
                if (stamp[s] != gen) {
                    stamp[s] = gen;
                    nxtList = grow(nxtList, count);
                    nxtList[count++] = s;
                }
                nxt[s] += p - p * e * inv;
                double pi = p * inv;
                for (int kk = tOffset[s], end = kk + tCount[s]; kk < end; kk++) {
                    int j = tTarget[kk];
                    if (stamp[j] != gen) {
                        stamp[j] = gen;
                        nxtList = grow(nxtList, count);
                        nxtList[count++] = j;
                    }
                    nxt[j] += pi * tRate[kk];
                }
                cur[s] = 0;
            }
            steps++;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int j = nxtList[i];
                double v = nxt[j];
                if (v < tau) {
                    dropped += v;
                    nxt[j] = 0;
                } else {
                    nxtList[kept++] = j;
                }
            }
            double[] tv = cur;   // zeroed entry by entry above
            cur = nxt;
            nxt = tv;
            int[] tl = curList;
            curList = nxtList;
            nxtList = tl;
            curCount = kept;
        }
        // the interval's result becomes the current vector, small entries dropped
        for (int i = 0; i < curCount; i++) {
            cur[curList[i]] = 0;
        }
        int kept = 0;
        curList = grow(curList, accCount, accCount);
        for (int i = 0; i < accCount; i++) {
            int s = accList[i];
            double v = acc[s];
            acc[s] = 0;
            if (v < tau) {
                dropped += v;
            } else {
                cur[s] = v;
                curList[kept++] = s;
            }
        }
        curCount = kept;
        return new Interval(steps, dropped, -1);
    }

    /** Zeroes every touched entry (a restart follows): the current iterate, the next one being built, the sum. */
    private void clearAll(int building) {
        for (int i = 0; i < curCount; i++) {
            cur[curList[i]] = 0;
        }
        for (int i = 0; i < building; i++) {
            nxt[nxtList[i]] = 0;
        }
        for (int i = 0; i < accCount; i++) {
            acc[accList[i]] = 0;
        }
        curCount = 0;
        accCount = 0;
    }

    private void restore(int[] list, double[] values, int count) {
        curList = grow(curList, count, count);
        for (int i = 0; i < count; i++) {
            curList[i] = list[i];
            cur[list[i]] = values[i];
        }
        curCount = count;
    }

    static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length * 2));
    }

    static int[] grow(int[] a, int size, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    static double[] growD(double[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    /** Open-addressing map from state (>= 0) to local index. */
    static final class IntIndex {
        private int[] keys;
        private int[] values;
        private int size;
        private int mask;

        IntIndex(int capacity) {
            int c = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
            keys = new int[c];
            values = new int[c];
            Arrays.fill(keys, -1);
            mask = c - 1;
        }

        int get(int key) {
            int h = mix(key) & mask;
            while (true) {
                int k = keys[h];
                if (k == key) {
                    return values[h];
                }
                if (k < 0) {
                    return -1;
                }
                h = (h + 1) & mask;
            }
        }

        void put(int key, int value) {
            if (2 * (size + 1) > keys.length) {
                rehash();
            }
            int h = mix(key) & mask;
            while (keys[h] >= 0 && keys[h] != key) {
                h = (h + 1) & mask;
            }
            if (keys[h] < 0) {
                size++;
            }
            keys[h] = key;
            values[h] = value;
        }

        private void rehash() {
            int[] ok = keys;
            int[] ov = values;
            keys = new int[ok.length * 2];
            values = new int[ok.length * 2];
            Arrays.fill(keys, -1);
            mask = keys.length - 1;
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] >= 0) {
                    put(ok[i], ov[i]);
                }
            }
        }

        private static int mix(int x) {
            int h = x * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
