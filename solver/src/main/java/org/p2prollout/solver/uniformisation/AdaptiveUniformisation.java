package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.ProgressListener;

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
 * <p>When the active set grows beyond a quarter of the chain, the rest of the horizon is handed
 * to standard uniformisation ({@link UniformisationPass}, with its steady-state detection) from
 * the current distribution; its bound is added.
 */
final class AdaptiveUniformisation {
    /** Steps per interval aimed at: long enough that Fox–Glynn's tails (≈ 7√(ΛΔ) steps) cost little. */
    static final int INTERVAL_STEPS = 400;
    /** Λ grows at least by this factor on a restart. */
    private static final double RESTART_GROWTH = 1.25;
    /** Above this share of the chain active, standard uniformisation takes over. */
    private static final double HANDOVER_SHARE = 0.25;

    /** What a run computed, per distinct positive time (ascending). */
    record Outcome(double[][] distributions, double[] errorBounds, double dropped, long steps, int intervals,
                   int restarts, double minRate, double maxRate, int maxActive, long handoverSteps,
                   boolean handedOver) {
    }

    private final Generator q;
    private final int n;
    private final double factor;
    private double[] cur;
    private double[] acc;
    private double[] nxt;
    private final int[] stamp;
    private int generation;
    private int[] curList;
    private int curCount;
    private int[] nxtList;
    private int[] accList;
    private int accCount;
    private final int[] accStamp;
    private int accGeneration;

    private AdaptiveUniformisation(Generator q, double factor, double[] initial) {
        this.q = q;
        this.n = q.states();
        this.factor = factor;
        this.cur = initial.clone();
        this.acc = new double[n];
        this.nxt = new double[n];
        this.stamp = new int[n];
        this.accStamp = new int[n];
        this.curList = new int[64];
        this.nxtList = new int[64];
        this.accList = new int[64];
        for (int s = 0; s < n; s++) {
            if (cur[s] != 0) {
                curList = grow(curList, curCount);
                curList[curCount++] = s;
            }
        }
    }

    /**
     * π(t) for each distinct positive time, ascending.
     *
     * @param handover whether standard uniformisation may take over once the active set is large
     */
    static Outcome run(Generator q, double[] initial, double[] sortedTimes, TransientOptions o, boolean handover,
                       ProgressListener progress) {
        return new AdaptiveUniformisation(q, o.uniformisationFactor(), initial).solve(sortedTimes, o, handover, progress);
    }

    private Outcome solve(double[] times, TransientOptions o, boolean handover, ProgressListener progress) {
        int nt = times.length;
        double horizon = times[nt - 1];
        double fgBudget = o.epsilon() / 4;
        double dropBudget = o.epsilon() / 4;
        double[][] dist = new double[nt][];
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
                double[] v = new double[n];
                for (int i = 0; i < curCount; i++) {
                    v[curList[i]] = cur[curList[i]];
                }
                double[] rest = new double[nt - next];
                for (int i = next; i < nt; i++) {
                    rest[i - next] = times[i] - t;
                }
                // the standard pass needs a distribution of sum 1 only through its bounds; it is linear
                UniformisationPass pass = UniformisationPass.run(q, v, rest, true, new double[0][], o, progress);
                for (int i = next; i < nt; i++) {
                    dist[i] = pass.distributions[i - next];
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
            // store the start, for restarts
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
                double[] d = new double[n];
                for (int i = 0; i < curCount; i++) {
                    d[curList[i]] = cur[curList[i]];
                }
                dist[next] = d;
                bounds[next] = error;
                next++;
            }
            progress.progress((long) (1000 * t / horizon), 1000, "adaptive uniformisation (time)");
        }
        return new Outcome(dist, bounds, dropped, steps, intervals, restarts,
                minRate == Double.POSITIVE_INFINITY ? maxRate : minRate, maxRate, maxActive, handoverSteps, handedOver);
    }

    /** Largest exit rate over the active states and their direct successors. */
    private double activeRate() {
        double max = 0;
        for (int i = 0; i < curCount; i++) {
            int s = curList[i];
            max = Math.max(max, q.exitRate(s));
            for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                max = Math.max(max, q.exitRate(q.column(k)));
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
        int right = fg.right();
        int left = fg.left();
        double dropped = 0;
        long steps = 0;
        accGeneration++;
        accCount = 0;
        if (still) {
            left = 0;
            right = 0;   // P = I: the distribution does not change
        }
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
                double e = q.exitRate(s);
                if (e > rate) {
                    clearAll(nxtList, count);
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
                for (int kk = q.rowStart(s), end = q.rowEnd(s); kk < end; kk++) {
                    int j = q.column(kk);
                    if (stamp[j] != gen) {
                        stamp[j] = gen;
                        nxtList = grow(nxtList, count);
                        nxtList[count++] = j;
                    }
                    nxt[j] += pi * q.rate(kk);
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
    private void clearAll(int[] building, int count) {
        for (int i = 0; i < curCount; i++) {
            cur[curList[i]] = 0;
        }
        for (int i = 0; i < count; i++) {
            nxt[building[i]] = 0;
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
}
