package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Transient analysis of a CTMC by uniformisation: {@code π(t) = Σ_k Poisson(k; Λt) · π(0) P^k}
 * with {@code P = I + Q/Λ}, {@code Λ = factor × max exit rate}, the Poisson weights truncated by
 * {@link FoxGlynn}. All requested times share one pass (the iterates are computed once, up to
 * the largest right truncation point).
 *
 * <p>Error bound, per time, in the 1-norm of the distribution (hence on every probability and,
 * times ‖f‖∞, on every expectation): {@code 2·δ_FG + dropped + steady}, where δ_FG ≤ ε/4 is the
 * proven Poisson tail mass, {@code dropped} the mass of probabilities below the drop threshold
 * that were set to 0 (see {@link TransientOptions#dropThreshold()}), and {@code steady} the cost
 * of the steady-state shortcut (criterion: {@code ‖v_{k+1} − v_k‖₁ · ((Λt−k−1)^+ + √(Λt)) <= ε/4}
 * for every time still needing terms; justified in {@link UniformisationPass}). Rounding (about
 * 1e-16 per step) is not included.
 *
 * <p>Inputs are never modified. Work: about (Λ·t_max + a few √(Λ·t_max)) sparse products, each
 * reading only the parts of the chain where the distribution is non-zero, on
 * {@link TransientOptions#threads()} threads. Memory: the generator's incoming transitions
 * (built once and cached by {@link Generator#incoming()}), two iterates and one vector per time.
 * Usage: {@code new TransientSolver(TransientOptions.defaults()).solve(q, initial, new double[] {1, 10})}.
 */
public final class TransientSolver {
    /** Tolerance on the sum of an initial distribution. */
    public static final double INITIAL_SUM_TOLERANCE = 1e-9;
    /**
     * {@link TransientOptions.Method#AUTO} picks adaptive uniformisation when the initial
     * distribution is non-zero on at most this share of the states (and no reward is asked).
     */
    public static final double ADAPTIVE_SUPPORT_SHARE = 1.0 / 16;

    private final TransientOptions options;

    public TransientSolver(TransientOptions options) {
        this.options = options;
    }

    public TransientSolver() {
        this(TransientOptions.defaults());
    }

    /** π(t) at each requested time, seconds ({@code >= 0}, any order, repeats allowed). */
    public TransientResult solve(Generator q, double[] initial, double[] times) {
        return solve(q, initial, times, null, ProgressListener.NONE);
    }

    /** π(t) and the accumulated reward ∫₀ᵗ π(s)·r ds at each time, without progress reports. */
    public TransientResult solve(Generator q, double[] initial, double[] times, double[] reward) {
        return solve(q, initial, times, reward, ProgressListener.NONE);
    }

    /**
     * π(t) at each requested time and, when {@code reward} is not null, the expected accumulated
     * reward ∫₀ᵗ π(s)·r ds, with {@code r[s]} a rate reward in units per second in state s.
     */
    public TransientResult solve(Generator q, double[] initial, double[] times, double[] reward, ProgressListener progress) {
        checkInitial(q, initial);
        double[] sorted = positiveTimes(times);
        double rMax = 0;
        double[][] functions = new double[0][];
        if (reward != null) {
            rMax = checkVector("reward", reward, q.states());
            functions = new double[][] {reward.clone()};
        }
        if (reward == null && sorted.length > 0 && useAdaptive(q, initial)) {
            return adaptive(q, initial, times, sorted, progress);
        }
        UniformisationPass pass = UniformisationPass.run(q, initial, sorted, true, functions, options, progress);
        int nt = times.length;
        double[][] dist = new double[nt][];
        double[] bounds = new double[nt];
        double[] rewards = reward == null ? null : new double[nt];
        double[] rewardBounds = reward == null ? null : new double[nt];
        for (int i = 0; i < nt; i++) {
            int j = Arrays.binarySearch(sorted, times[i]);
            if (j < 0) { // t = 0
                dist[i] = initial.clone();
            } else {
                // the same time requested twice gets its own copy so results never alias
                dist[i] = firstIndexOf(times, times[i]) == i ? pass.distributions[j] : pass.distributions[j].clone();
                bounds[i] = pass.errorBound(j);
                if (reward != null) {
                    rewards[i] = pass.integral(0, j);
                    rewardBounds[i] = pass.integralBound(rMax, j);
                }
            }
        }
        return new TransientResult(times.clone(), dist, bounds, rewards, rewardBounds, pass.lambda, pass.steadyAt,
                pass.dropped, accuracy(pass, bounds));
    }

    /**
     * E[f(X_t)] = π(t)·f at each time without storing distributions (memory: two iterates), e.g.
     * the probability of a set of states with f its indicator.
     */
    public ExpectationResult expectations(Generator q, double[] initial, double[] times, double[] f, ProgressListener progress) {
        checkInitial(q, initial);
        double fMax = checkVector("function", f, q.states());
        double[] sorted = positiveTimes(times);
        UniformisationPass pass = UniformisationPass.run(q, initial, sorted, false, new double[][] {f.clone()}, options, progress);
        int nt = times.length;
        double[] values = new double[nt];
        double[] bounds = new double[nt];
        double atZero = 0;
        for (int s = 0; s < initial.length; s++) {
            atZero += initial[s] * f[s];
        }
        for (int i = 0; i < nt; i++) {
            int j = Arrays.binarySearch(sorted, times[i]);
            if (j < 0) {
                values[i] = atZero;
            } else {
                values[i] = pass.expectation(0, j);
                bounds[i] = fMax * pass.errorBound(j);
            }
        }
        return new ExpectationResult(times.clone(), values, bounds, pass.lambda, accuracy(pass, bounds));
    }

    private boolean useAdaptive(Generator q, double[] initial) {
        switch (options.method()) {
            case STANDARD:
                return false;
            case ADAPTIVE:
                return true;
            default:
                long support = 0;
                for (double p : initial) {
                    support += p != 0 ? 1 : 0;
                }
                return support <= ADAPTIVE_SUPPORT_SHARE * q.states();
        }
    }

    private TransientResult adaptive(Generator q, double[] initial, double[] times, double[] sorted,
                                     ProgressListener progress) {
        // AUTO may hand over to standard uniformisation when the active set grows large; ADAPTIVE stays adaptive
        AdaptiveUniformisation.Outcome a = AdaptiveUniformisation.run(TransitionFunction.of(q), q, initial, sorted, options,
                options.method() == TransientOptions.Method.AUTO, progress);
        return adaptiveResult(q.maxExitRate(), initial, times, sorted, a);
    }

    /**
     * π(t) at each requested time by adaptive uniformisation on a chain explored from the initial
     * distribution (never built: only the states reached are generated and stored). Same bounds
     * and result as {@link #solve} with {@link TransientOptions.Method#ADAPTIVE}, except that the
     * criterion cannot name the chain's largest exit rate (it is not known).
     */
    public TransientResult explore(TransitionFunction chain, double[] initial, double[] times, ProgressListener progress) {
        checkInitial(chain.states(), initial);
        double[] sorted = positiveTimes(times);
        if (sorted.length == 0) {
            double[][] d = new double[times.length][];
            for (int i = 0; i < d.length; i++) {
                d[i] = initial.clone();
            }
            return new TransientResult(times.clone(), d, new double[times.length], null, null, 0, -1, 0,
                    new Accuracy("adaptive uniformisation (Fox-Glynn per interval)", 0, Double.NaN, 0, "t = 0: exact", true));
        }
        AdaptiveUniformisation.Outcome a = AdaptiveUniformisation.run(chain, null, initial, sorted, options, false, progress);
        return adaptiveResult(Double.NaN, initial, times, sorted, a);
    }

    /**
     * As {@link #explore(TransitionFunction, double[], double[], ProgressListener)} from the initial
     * distribution {@code P(X_0 = states[k]) = probabilities[k]} (sum 1 within
     * {@link #INITIAL_SUM_TOLERANCE}), returning the distributions only on the states that carry
     * probability: nothing of the chain's size is allocated or scanned.
     */
    public ExploredResult explore(TransitionFunction chain, int[] states, double[] probabilities, double[] times,
                                  ProgressListener progress) {
        if (states.length != probabilities.length || states.length == 0) {
            throw new InvalidInputException("initial states and probabilities must be non-empty and of equal length, got "
                    + states.length + " and " + probabilities.length);
        }
        double sum = 0;
        for (int k = 0; k < states.length; k++) {
            if (states[k] < 0 || states[k] >= chain.states()) {
                throw new InvalidInputException("initial state must be in [0, " + (chain.states() - 1) + "], got " + states[k]);
            }
            if (!(probabilities[k] >= 0 && probabilities[k] <= 1)) {
                throw new InvalidInputException("initial probability of state " + states[k] + " must be in [0, 1], got " + probabilities[k]);
            }
            sum += probabilities[k];
        }
        if (Math.abs(sum - 1) > INITIAL_SUM_TOLERANCE) {
            throw new InvalidInputException("initial distribution must sum to 1 within " + INITIAL_SUM_TOLERANCE + ", got " + sum);
        }
        double[] sorted = positiveTimes(times);
        int nt = times.length;
        int[][] st = new int[nt][];
        double[][] pr = new double[nt][];
        double[] bounds = new double[nt];
        if (sorted.length == 0) {
            for (int i = 0; i < nt; i++) {
                st[i] = states.clone();
                pr[i] = probabilities.clone();
            }
            return new ExploredResult(times, st, pr, bounds, 0, 0, 0,
                    new Accuracy("adaptive uniformisation (Fox-Glynn per interval)", 0, Double.NaN, 0, "t = 0: exact", true));
        }
        AdaptiveUniformisation.Outcome a = AdaptiveUniformisation.runSparse(chain, states, probabilities, sorted, options, progress);
        double max = 0;
        for (int i = 0; i < nt; i++) {
            int j = Arrays.binarySearch(sorted, times[i]);
            if (j < 0) {
                st[i] = states.clone();
                pr[i] = probabilities.clone();
            } else {
                st[i] = a.supports()[j];
                pr[i] = a.values()[j];
                bounds[i] = a.errorBounds()[j];
            }
            max = Math.max(max, bounds[i]);
        }
        return new ExploredResult(times, st, pr, bounds, a.maxRate(), a.dropped(), a.explored(),
                new Accuracy("adaptive uniformisation (Fox-Glynn per interval)", a.steps(), Double.NaN, max,
                        criterion(Double.NaN, a), max <= options.epsilon()));
    }

    private String criterion(double chainRate, AdaptiveUniformisation.Outcome a) {
        return String.format(java.util.Locale.ROOT,
                "adaptive: %d intervals, Λ %.4g..%.4g/s%s, %d restarts, at most %d active of %d explored states,"
                        + " Fox-Glynn tails <= %.3g in all, dropped mass %.3g%s",
                a.intervals(), a.minRate(), a.maxRate(),
                Double.isNaN(chainRate) ? "" : String.format(java.util.Locale.ROOT, " (chain's max exit rate %.4g/s)", chainRate),
                a.restarts(), a.maxActive(), a.explored(),
                options.epsilon() / 4, a.dropped(),
                a.handedOver() ? ", then standard uniformisation (" + a.handoverSteps() + " steps) once the active set exceeded a quarter of the chain" : "");
    }

    private TransientResult adaptiveResult(double chainRate, double[] initial, double[] times, double[] sorted,
                                           AdaptiveUniformisation.Outcome a) {
        int nt = times.length;
        double[][] dist = new double[nt][];
        double[] bounds = new double[nt];
        double max = 0;
        for (int i = 0; i < nt; i++) {
            int j = Arrays.binarySearch(sorted, times[i]);
            if (j < 0) {
                dist[i] = initial.clone();
            } else {
                dist[i] = firstIndexOf(times, times[i]) == i ? a.distributions()[j] : a.distributions()[j].clone();
                bounds[i] = a.errorBounds()[j];
            }
            max = Math.max(max, bounds[i]);
        }
        String criterion = criterion(chainRate, a);
        Accuracy acc = new Accuracy("adaptive uniformisation (Fox-Glynn per interval)", a.steps() + a.handoverSteps(),
                Double.NaN, max, criterion, max <= options.epsilon());
        return new TransientResult(times.clone(), dist, bounds, null, null, a.maxRate(), -1, a.dropped(), acc);
    }

    private Accuracy accuracy(UniformisationPass pass, double[] bounds) {
        double max = 0;
        for (double b : bounds) {
            max = Math.max(max, b);
        }
        String criterion = "Fox-Glynn tails <= " + options.epsilon() / 4 + " per time, dropped mass "
                + String.format(java.util.Locale.ROOT, "%.3g", pass.dropped)
                + (pass.steadyAt >= 0 ? ", steady state detected at step " + pass.steadyAt : "")
                + ", Λ = " + pass.lambda + "/s";
        return new Accuracy("uniformisation (Fox-Glynn)", pass.steps, Double.NaN, max, criterion,
                max <= options.epsilon());
    }

    private static int firstIndexOf(double[] a, double v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Distinct positive times, ascending. */
    static double[] positiveTimes(double[] times) {
        if (times.length == 0) {
            throw new InvalidInputException("at least one time must be given");
        }
        for (double t : times) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new InvalidInputException("times must be finite numbers >= 0 (seconds), got " + t);
            }
        }
        return Arrays.stream(times).filter(t -> t > 0).sorted().distinct().toArray();
    }

    /** Checks that {@code initial} is a probability distribution on the states of q (sum within {@link #INITIAL_SUM_TOLERANCE}). */
    public static void checkInitial(Generator q, double[] initial) {
        checkInitial(q.states(), initial);
    }

    /** Checks that {@code initial} is a probability distribution on n states (sum within {@link #INITIAL_SUM_TOLERANCE}). */
    public static void checkInitial(int n, double[] initial) {
        if (initial.length != n) {
            throw new InvalidInputException("initial distribution must have " + n + " entries, got " + initial.length);
        }
        double sum = 0;
        for (int s = 0; s < initial.length; s++) {
            double p = initial[s];
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidInputException("initial probability of state " + s + " must be in [0, 1], got " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > INITIAL_SUM_TOLERANCE) {
            throw new InvalidInputException("initial distribution must sum to 1 within " + INITIAL_SUM_TOLERANCE + ", got " + sum);
        }
    }

    /** Checks length and finiteness; returns the sup norm. */
    static double checkVector(String name, double[] v, int n) {
        if (v.length != n) {
            throw new InvalidInputException(name + " must have " + n + " entries, got " + v.length);
        }
        double max = 0;
        for (int s = 0; s < n; s++) {
            if (!Double.isFinite(v[s])) {
                throw new InvalidInputException(name + " of state " + s + " must be finite, got " + v[s]);
            }
            max = Math.max(max, Math.abs(v[s]));
        }
        return max;
    }

    /** The initial distribution concentrated on one state. */
    public static double[] pointMass(int states, int state) {
        if (state < 0 || state >= states) {
            throw new InvalidInputException("initial state must be in [0, " + (states - 1) + "], got " + state);
        }
        double[] p = new double[states];
        p[state] = 1;
        return p;
    }
}
