package org.p2prollout.solver.uniformisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Transient analysis of a time-inhomogeneous CTMC whose generator is piecewise constant
 * ({@link PiecewiseGenerator}): {@code π(t) = π(t0) e^{Q_a τ_a} e^{Q_b τ_b} …}, one factor per
 * constant piece met between t0 and t. Within each piece the existing uniformisation pass of
 * {@link TransientSolver} runs with the piece's own rate {@code Λ_k = factor × maxExitRate(Q_k)}
 * (a slow night piece takes few steps even when the rush hour is fast), on all requested times
 * that fall in the piece plus the piece's end; the distribution at the end is carried into the
 * next piece. A piece without any transition leaves the distribution unchanged and costs nothing.
 *
 * <p><b>Error bound.</b> Let {@code v_k} be the computed distribution at the start of piece k,
 * {@code u_k} the exact one, {@code β_k = ‖v_k − u_k‖₁}, and {@code E_k = e^{Q_k τ_k}} the exact
 * propagator over the piece. The pass computes {@code w = v_k E_k + e} with
 * {@code ‖e‖₁ <= b_k}, its own bound ({@code 2·δ_FG + dropped + steady}, see
 * {@link TransientSolver}; each {@code b_k <= ε}). Then
 * {@code ‖w − u_k E_k‖₁ <= ‖(v_k − u_k) E_k‖₁ + ‖e‖₁ <= β_k + b_k}, because {@code E_k} is a
 * stochastic matrix (non-negative rows summing to 1), hence non-expansive in the 1-norm:
 * {@code ‖z E_k‖₁ <= ‖z‖₁} for every row vector z. Errors made in earlier pieces are carried
 * without growth, so the bound at time t is the sum of the bounds of the pieces traversed, at
 * most {@code ε × piecesTraversed}. To get a total of ε over K pieces, ask for ε/K. Rounding
 * (about 1e-16 per step) is not included. The same argument bounds the accumulated reward: the
 * carried error β adds at most {@code ‖r‖∞ · β · τ} over a piece of length τ.
 *
 * <p>Inputs are never modified. Work: {@code Σ_k (Λ_k τ_k + a few √(Λ_k τ_k))} sparse products
 * plus a small set-up per piece (its Poisson weights and block lists; the generators' incoming
 * transitions are built once per generator and cached, so a periodic schedule pays it once per
 * distinct generator). Memory: as {@link TransientSolver}, plus one vector per requested time
 * when distributions are kept. Refuses (InvalidInputException) problems whose estimated total
 * steps exceed {@link TransientOptions#maxIterations()}.
 *
 * <pre>{@code
 * PiecewiseGenerator day = PiecewiseGenerator.periodic(hourlyGenerators, 3600);  // repeats daily
 * PiecewiseTransientSolver solver = new PiecewiseTransientSolver(TransientOptions.defaults());
 * double release = 8 * 3600;                                                     // 08:00 on day 0
 * PiecewiseTransientResult r = solver.solve(day, release, initial, new double[] {release + 600, release + 86_400});
 * FirstPassageResult fp = solver.firstPassage(day, release, initial, allHoldStates, grid, ProgressListener.NONE);
 * }</pre>
 */
public final class PiecewiseTransientSolver {
    private final TransientOptions options;

    public PiecewiseTransientSolver(TransientOptions options) {
        if (options == null) {
            throw new InvalidInputException("transient options must be given");
        }
        this.options = options;
    }

    public PiecewiseTransientSolver() {
        this(TransientOptions.defaults());
    }

    /** π(t) at each requested time (seconds on the schedule's clock, {@code >= t0}, any order, repeats allowed). */
    public PiecewiseTransientResult solve(PiecewiseGenerator schedule, double t0, double[] initial, double[] times) {
        return solve(schedule, t0, initial, times, null, ProgressListener.NONE);
    }

    /**
     * π(t) at each requested time and, when {@code reward} is not null, the expected accumulated
     * reward ∫_{t0}^{t} π(s)·r ds, with {@code r[s]} a rate reward (units per second) in state s.
     *
     * @param schedule the generators and when each is in force
     * @param t0       the time of {@code initial}, seconds on the schedule's clock (finite; for a
     *                 finite schedule at or after its first start)
     * @param initial  π(t0), a probability distribution on the schedule's states
     * @param times    the requested times, finite and {@code >= t0}
     * @param progress told after each constant piece ("piecewise uniformisation pieces")
     */
    public PiecewiseTransientResult solve(PiecewiseGenerator schedule, double t0, double[] initial, double[] times,
                                          double[] reward, ProgressListener progress) {
        Run run = run(schedule, t0, initial, times, reward, "reward", true, progress);
        return new PiecewiseTransientResult(t0, times, run.distributions, run.bounds,
                reward == null ? null : run.integrals, reward == null ? null : run.integralBounds, run.traversed,
                run.pieces, run.dropped, run.accuracy(options, run.bounds));
    }

    /**
     * E[f(X_t)] = π(t)·f and ∫_{t0}^{t} π(s)·f ds at each time without storing distributions
     * (memory: a few vectors), e.g. expected holders over time with f the holder count per state.
     */
    public PiecewiseExpectationResult expectations(PiecewiseGenerator schedule, double t0, double[] initial,
                                                   double[] times, double[] f, ProgressListener progress) {
        if (f == null) {
            throw new InvalidInputException("a function of the states must be given");
        }
        Run run = run(schedule, t0, initial, times, f, "function", false, progress);
        return new PiecewiseExpectationResult(t0, times, run.values, run.valueBounds, run.integrals,
                run.integralBounds, run.traversed, run.pieces, run.accuracy(options, run.valueBounds));
    }

    /**
     * The CDF of the first-passage time τ from t0 into the target set A, on a grid of times:
     * {@code P(τ <= t − t0) = P(X(t) ∈ A)}, valid because the targets are absorbing in every piece
     * (checked: the caller makes them absorbing, e.g. "every device holds the update"), and the
     * truncated means {@code E[min(τ, t − t0)] = (t − t0) − ∫_{t0}^{t} P(X(s) ∈ A) ds}, from the
     * exact integral of the piecewise uniformisation series (no quadrature). Initial mass already
     * in A counts as τ = 0. No distributions are stored.
     *
     * @param targets the states of A (at least one, each in range, absorbing in every piece)
     * @param times   the grid, seconds on the schedule's clock, {@code >= t0}, any order
     */
    public FirstPassageResult firstPassage(PiecewiseGenerator schedule, double t0, double[] initial, int[] targets,
                                           double[] times, ProgressListener progress) {
        if (schedule == null) {
            throw new InvalidInputException("a piecewise generator must be given");
        }
        if (targets == null || targets.length == 0) {
            throw new InvalidInputException("at least one target state must be given");
        }
        int n = schedule.states();
        double[] indicator = new double[n];
        for (int s : targets) {
            if (s < 0 || s >= n) {
                throw new InvalidInputException("target state must be in [0, " + (n - 1) + "], got " + s);
            }
            for (int k = 0; k < schedule.size(); k++) {
                Generator q = schedule.pieces().get(k).generator();
                if (!q.isAbsorbing(s)) {
                    throw new InvalidInputException("target state " + s + " has transitions (exit rate " + q.exitRate(s)
                            + "/s) in piece " + k + "; first-passage analysis needs every target state absorbing"
                            + " in every piece (remove its outgoing transitions)");
                }
            }
            indicator[s] = 1;
        }
        Run run = run(schedule, t0, initial, times, indicator, "target indicator", false, progress);
        int nt = times.length;
        double[] means = new double[nt];
        for (int i = 0; i < nt; i++) {
            // E[min(τ, h)] = ∫_0^h P(τ > s) ds = h − ∫ P(X ∈ A); clipped to [0, h] (rounding only)
            double h = times[i] - t0;
            means[i] = Math.min(h, Math.max(0, h - run.integrals[i]));
        }
        return new FirstPassageResult(t0, times, run.values, run.valueBounds, means, run.integralBounds, run.pieces,
                run.accuracy(options, run.valueBounds));
    }

    /** One constant stretch [a, b] of the schedule with the indices (into the sorted times) of the times in (a, b]. */
    private record Segment(Generator generator, double a, double b, int firstTime, int endTime) {
    }

    /** What all three entry points need, per requested time (in the caller's order). */
    private static final class Run {
        double[][] distributions;
        double[] bounds;
        double[] values;
        double[] valueBounds;
        double[] integrals;
        double[] integralBounds;
        long[] traversed;
        long pieces;
        long steps;
        double dropped;
        double largestPieceBound;
        long steadyPieces;
        double lambdaMin = Double.POSITIVE_INFINITY;
        double lambdaMax;

        Accuracy accuracy(TransientOptions o, double[] reported) {
            double max = 0;
            for (double b : reported) {
                max = Math.max(max, b);
            }
            String criterion = "per piece: Fox-Glynn tails <= " + o.epsilon() / 4 + " per time, bounds added over "
                    + pieces + (pieces == 1 ? " piece" : " pieces") + ", largest piece bound "
                    + String.format(Locale.ROOT, "%.3g", largestPieceBound) + ", dropped mass "
                    + String.format(Locale.ROOT, "%.3g", dropped)
                    + (steadyPieces > 0 ? ", steady state detected in " + steadyPieces + " pieces" : "")
                    + (lambdaMax > 0 ? ", Λ from " + String.format(Locale.ROOT, "%.4g", lambdaMin) + " to "
                    + String.format(Locale.ROOT, "%.4g", lambdaMax) + "/s" : "");
            return new Accuracy("piecewise uniformisation (Fox-Glynn)", steps, Double.NaN, max, criterion,
                    largestPieceBound <= o.epsilon());
        }
    }

    /**
     * The shared engine: distributions (when {@code keep}), and for {@code f} (named {@code fName}
     * in messages; may be null) its expectation and integral, per requested time.
     */
    private Run run(PiecewiseGenerator schedule, double t0, double[] initial, double[] times, double[] f, String fName,
                    boolean keep, ProgressListener progress) {
        if (schedule == null) {
            throw new InvalidInputException("a piecewise generator must be given");
        }
        if (!Double.isFinite(t0)) {
            throw new InvalidInputException("start time t0 must be a finite number of seconds, got " + t0);
        }
        if (progress == null) {
            progress = ProgressListener.NONE;
        }
        Generator first = schedule.pieces().get(0).generator();
        TransientSolver.checkInitial(first, initial);
        double fMax = 0;
        double[][] functions = new double[0][];
        double[] fn = null;
        if (f != null) {
            fMax = TransientSolver.checkVector(fName, f, first.states());
            fn = f.clone();
            functions = new double[][] {fn};
        }
        if (times == null || times.length == 0) {
            throw new InvalidInputException("at least one time must be given");
        }
        for (double t : times) {
            if (!(t >= t0) || Double.isInfinite(t)) {
                throw new InvalidInputException("times must be finite numbers of seconds >= t0 = " + t0 + ", got " + t);
            }
        }
        double[] sorted = Arrays.stream(times).filter(t -> t > t0).sorted().distinct().toArray();
        List<Segment> segments = plan(schedule, t0, sorted);

        int ns = sorted.length;
        double[][] dist = new double[ns][];
        double[] bound = new double[ns];
        double[] value = new double[ns];
        double[] integral = new double[ns];
        double[] integralBound = new double[ns];
        long[] traversed = new long[ns];
        Run run = new Run();
        double[] v = initial.clone();
        double beta = 0;            // 1-norm error bound of v
        double integralSoFar = 0;   // ∫_{t0}^{a} π·f
        double integralBoundSoFar = 0;
        for (int si = 0; si < segments.size(); si++) {
            Segment seg = segments.get(si);
            boolean last = si == segments.size() - 1;
            double tau = seg.b() - seg.a();
            Generator q = seg.generator();
            if (q.maxExitRate() == 0) {
                // no transitions: π stays v exactly; the carried error stays β
                double g = fn == null ? 0 : dot(v, fn);
                for (int j = seg.firstTime(); j < seg.endTime(); j++) {
                    double dt = sorted[j] - seg.a();
                    dist[j] = keep ? v.clone() : null;
                    bound[j] = beta;
                    value[j] = g;
                    integral[j] = integralSoFar + dt * g;
                    integralBound[j] = integralBoundSoFar + fMax * dt * beta;
                    traversed[j] = si + 1;
                }
                integralSoFar += tau * g;
                integralBoundSoFar += fMax * tau * beta;
            } else {
                // relative times of this piece: the requested ones in (a, b] and b itself
                double[] rel = new double[seg.endTime() - seg.firstTime() + 1];
                int m = 0;
                for (int j = seg.firstTime(); j < seg.endTime(); j++) {
                    rel[m++] = sorted[j] - seg.a();
                }
                rel[m++] = tau;
                rel = Arrays.stream(rel, 0, m).sorted().distinct().toArray();
                int endIndex = Arrays.binarySearch(rel, tau);
                boolean[] keepMask = new boolean[rel.length];
                if (keep) {
                    for (int j = seg.firstTime(); j < seg.endTime(); j++) {
                        keepMask[Arrays.binarySearch(rel, sorted[j] - seg.a())] = true;
                    }
                }
                if (!last) {
                    keepMask[endIndex] = true;
                }
                UniformisationPass pass = UniformisationPass.run(q, v, rel, keepMask, functions, options,
                        ProgressListener.NONE);
                for (int j = seg.firstTime(); j < seg.endTime(); j++) {
                    double dt = sorted[j] - seg.a();
                    int r = Arrays.binarySearch(rel, dt);
                    dist[j] = keep ? pass.distributions[r] : null;
                    bound[j] = beta + pass.errorBound(r);
                    if (fn != null) {
                        value[j] = pass.expectation(0, r);
                        integral[j] = integralSoFar + pass.integral(0, r);
                        integralBound[j] = integralBoundSoFar + pass.integralBound(fMax, r) + fMax * dt * beta;
                    }
                    traversed[j] = si + 1;
                }
                for (int r = 0; r < rel.length; r++) {
                    run.largestPieceBound = Math.max(run.largestPieceBound, pass.errorBound(r));
                }
                if (fn != null) {
                    integralSoFar += pass.integral(0, endIndex);
                    integralBoundSoFar += pass.integralBound(fMax, endIndex) + fMax * tau * beta;
                }
                beta += pass.errorBound(endIndex);
                if (!last) {
                    v = pass.distributions[endIndex];
                }
                run.steps += pass.steps;
                run.dropped += pass.dropped;
                run.steadyPieces += pass.steadyAt >= 0 ? 1 : 0;
                run.lambdaMin = Math.min(run.lambdaMin, pass.lambda);
                run.lambdaMax = Math.max(run.lambdaMax, pass.lambda);
            }
            progress.progress(si + 1, segments.size(), "piecewise uniformisation pieces");
        }
        run.pieces = segments.size();

        // back to the caller's order; t = t0 is the initial distribution, exactly
        int nt = times.length;
        run.distributions = new double[nt][];
        run.bounds = new double[nt];
        run.values = new double[nt];
        run.valueBounds = new double[nt];
        run.integrals = new double[nt];
        run.integralBounds = new double[nt];
        run.traversed = new long[nt];
        double atStart = fn == null ? 0 : dot(initial, fn);
        for (int i = 0; i < nt; i++) {
            int j = Arrays.binarySearch(sorted, times[i]);
            if (j < 0) {
                run.distributions[i] = keep ? initial : null;
                run.values[i] = atStart;
            } else {
                run.distributions[i] = dist[j];
                run.bounds[i] = bound[j];
                run.values[i] = value[j];
                run.valueBounds[i] = fMax * bound[j];
                run.integrals[i] = integral[j];
                run.integralBounds[i] = integralBound[j];
                run.traversed[i] = traversed[j];
            }
        }
        if (!keep) {
            run.distributions = new double[0][];
        }
        return run;
    }

    /**
     * The constant stretches from t0 to the largest time, each with the times it holds, and a
     * refusal when their estimated steps exceed the allowed iterations.
     */
    private List<Segment> plan(PiecewiseGenerator schedule, double t0, double[] sorted) {
        List<Segment> segments = new ArrayList<>();
        if (sorted.length == 0) {
            return segments;
        }
        double tMax = sorted[sorted.length - 1];
        PiecewiseGenerator.Cursor c = schedule.locate(t0);
        double a = t0;
        int next = 0;
        double estimate = 0;
        while (a < tMax) {
            double end = c.end();
            if (!(end > a)) {   // rounding of the boundary put it at or before a: an empty stretch
                c = c.next();
                continue;
            }
            double b = Math.min(end, tMax);
            int firstTime = next;
            while (next < sorted.length && sorted[next] <= b) {
                next++;
            }
            Generator q = c.generator();
            estimate += q.maxExitRate() * options.uniformisationFactor() * (b - a) + 1;
            if (estimate > options.maxIterations()) {
                throw new InvalidInputException("piecewise uniformisation from t0 = " + t0 + " s to " + tMax
                        + " s needs more than the allowed " + options.maxIterations() + " steps (reached at "
                        + b + " s after " + (segments.size() + 1) + " pieces); use shorter times or fewer, slower pieces");
            }
            segments.add(new Segment(q, a, b, firstTime, next));
            a = b;
            if (a < tMax) {
                c = c.next();
            }
        }
        return segments;
    }

    private static double dot(double[] v, double[] f) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * f[i];
        }
        return s;
    }
}
