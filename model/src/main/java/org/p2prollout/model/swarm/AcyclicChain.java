package org.p2prollout.model.swarm;

import java.util.Arrays;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * A continuous-time Markov chain whose transitions all go from a state to a higher-numbered one
 * (holders only grow), with a set of target states (rollout reached): the structure every
 * closed-fleet swarm model has. Acyclicity gives the moments of the hitting time in one backward
 * pass, and lets uniformisation update one vector in place, sweeping only the window of states
 * that carry probability.
 *
 * <p>Made by a mutable {@link Builder}, then frozen into compressed rows. Each transition may carry
 * an impulse (e.g. the share of its rate due to the server), whose expected total until the
 * target is reached comes out of the same backward pass. Number the states so that states of one
 * level (e.g. total holders) are contiguous and levels ascend: the uniformisation window stays narrow.
 */
public final class AcyclicChain {
    final int size;
    final int[] rowStart;
    final int[] to;
    final double[] rate;
    final double[] impulse;
    final double[] exit;
    final boolean[] target;
    final int initial;

    private AcyclicChain(Builder b) {
        size = b.size;
        rowStart = new int[size + 1];
        int n = b.count;
        int[] order = new int[n];
        int[] counts = new int[size + 1];
        for (int e = 0; e < n; e++) {
            counts[b.from[e] + 1]++;
        }
        for (int i = 0; i < size; i++) {
            counts[i + 1] += counts[i];
        }
        System.arraycopy(counts, 0, rowStart, 0, size + 1);
        int[] fill = Arrays.copyOf(counts, size);
        for (int e = 0; e < n; e++) {
            order[fill[b.from[e]]++] = e;
        }
        to = new int[n];
        rate = new double[n];
        impulse = new double[n];
        exit = new double[size];
        for (int k = 0; k < n; k++) {
            int e = order[k];
            to[k] = b.to[e];
            rate[k] = b.rate[e];
            impulse[k] = b.impulse[e];
            exit[b.from[e]] += b.rate[e];
        }
        target = b.target.clone();
        initial = b.initial;
    }

    public static Builder builder(int states) {
        return new Builder(states);
    }

    public int size() {
        return size;
    }

    public int transitions() {
        return to.length;
    }

    /** Mean, variance and expected impulse total of the time to reach a target state. */
    public record HittingMoments(double mean, double variance, double impulseTotal) {
        public double sd() {
            return Math.sqrt(Math.max(0, variance));
        }
    }

    /** Moments of the hitting time of the target set from the initial state, by one backward pass. */
    public HittingMoments hittingMoments() {
        double[] m1 = new double[size];
        double[] m2 = new double[size];
        double[] r = new double[size];
        for (int i = size - 1; i >= initial; i--) {
            if (target[i]) {
                continue;
            }
            double out = exit[i];
            if (!(out > 0)) {
                // unreachable states may be dead ends; only the initial state's answer matters
                m1[i] = Double.POSITIVE_INFINITY;
                m2[i] = Double.POSITIVE_INFINITY;
                r[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            double a = 0;
            double b = 0;
            double c = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                double w = rate[k];
                int j = to[k];
                if (w == 0) {
                    continue;
                }
                a += w * m1[j];
                b += w * m2[j];
                c += w * (impulse[k] + r[j]);
            }
            m1[i] = (1 + a) / out;
            m2[i] = 2 * m1[i] / out + b / out;
            r[i] = c / out;
        }
        if (Double.isInfinite(m1[initial])) {
            throw new InvalidInputException("the rollout target is not reached with probability 1 from the initial"
                    + " state: some reachable state has no way forward (check rates, server rate and initial holders)");
        }
        return new HittingMoments(m1[initial], m2[initial] - m1[initial] * m1[initial], r[initial]);
    }

    /**
     * E[value of the target state first reached], by one backward pass; e.g. the expected number of
     * pieces held when the rollout target is reached.
     *
     * @param terminalValue value per state (read at target states only)
     */
    public double expectedTerminal(double[] terminalValue) {
        double[] v = new double[size];
        for (int i = size - 1; i >= initial; i--) {
            if (target[i]) {
                v[i] = terminalValue[i];
                continue;
            }
            double out = exit[i];
            if (!(out > 0)) {
                v[i] = Double.NaN;
                continue;
            }
            double a = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                a += rate[k] * v[to[k]];
            }
            v[i] = a / out;
        }
        return v[initial];
    }

    /**
     * Rough cost of {@link #transientRewards} in transition visits: uniformisation rate times
     * (mean + 12 sd of the hitting time) steps, times the transitions.
     */
    public double uniformisationWork() {
        HittingMoments m = hittingMoments();
        double lambda = 0;
        for (int i = 0; i < size; i++) {
            if (!target[i]) {
                lambda = Math.max(lambda, exit[i]);
            }
        }
        return lambda * (m.mean() + 12 * m.sd()) * Math.max(1, to.length);
    }

    /**
     * Uniformisation of the chain with targets absorbing: per step of the uniformised jump chain,
     * the expected value of each reward vector (target states keep the reward of the state they were
     * entered at) and the mass absorbed. Stops when the mass not yet absorbed is below {@code epsilon}.
     */
    public Transient transientRewards(double[][] rewards, double epsilon) {
        return transientRewards(rewards, epsilon, ProgressListener.NONE);
    }

    public Transient transientRewards(double[][] rewards, double epsilon, ProgressListener progress) {
        double lambda = 0;
        for (int i = 0; i < size; i++) {
            if (!target[i]) {
                lambda = Math.max(lambda, exit[i]);
            }
        }
        int nr = rewards.length;
        double[] p = new double[size];
        double[] absorbedReward = new double[nr];
        double absorbed = 0;
        double dropped = 0;
        double tiny = 1e-30;
        if (target[initial]) {
            absorbed = 1;
            for (int r = 0; r < nr; r++) {
                absorbedReward[r] = rewards[r][initial];
            }
        } else {
            p[initial] = 1;
        }
        int lo = initial;
        int hi = initial;
        Series series = new Series(nr + 1);
        series.add(expectedNow(p, lo, hi, rewards, absorbedReward, absorbed));
        long maxSteps = 50_000_000L;
        long steps = 0;
        double invLambda = lambda > 0 ? 1 / lambda : 0;
        while (1 - absorbed - dropped > epsilon && lambda > 0) {
            int newHi = hi;
            for (int i = hi; i >= lo; i--) {
                double m = p[i];
                if (m == 0) {
                    continue;
                }
                double f = m * invLambda;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int j = to[k];
                    double flow = f * rate[k];
                    if (target[j]) {
                        absorbed += flow;
                        for (int r = 0; r < nr; r++) {
                            absorbedReward[r] += flow * rewards[r][j];
                        }
                    } else {
                        p[j] += flow;
                        if (j > newHi) {
                            newHi = j;
                        }
                    }
                }
                p[i] = m - f * exit[i];
            }
            hi = newHi;
            while (lo < hi && p[lo] < tiny) {
                dropped += p[lo];
                p[lo] = 0;
                lo++;
            }
            series.add(expectedNow(p, lo, hi, rewards, absorbedReward, absorbed));
            steps++;
            if ((steps & 255) == 0) {
                progress.progress(Math.round(1e6 * Math.min(1, absorbed)), 1_000_000, "uniformisation");
            }
            if (steps > maxSteps) {
                throw new org.p2prollout.solver.NotConvergedException(org.p2prollout.solver.Accuracy.iterative(
                        "uniformisation", steps, 1 - absorbed, "absorb all but " + tiny, false),
                        "after " + steps + " steps only " + absorbed + " of the mass was absorbed",
                        "fewer or sampled times, or a larger work limit");
            }
        }
        return new Transient(lambda, series.toArray(), nr, 1 - absorbed + dropped);
    }

    private static double[] expectedNow(double[] p, int lo, int hi, double[][] rewards, double[] absorbedReward,
            double absorbed) {
        double[] v = new double[rewards.length + 1];
        for (int r = 0; r < rewards.length; r++) {
            double s = absorbedReward[r];
            double[] w = rewards[r];
            for (int i = lo; i <= hi; i++) {
                s += p[i] * w[i];
            }
            v[r] = s;
        }
        v[rewards.length] = absorbed;
        return v;
    }

    /** Growable per-step record. */
    private static final class Series {
        private final int width;
        private double[] data = new double[1024];
        private int n;

        Series(int width) {
            this.width = width;
        }

        void add(double[] v) {
            if ((n + 1) * width > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            System.arraycopy(v, 0, data, n * width, width);
            n++;
        }

        double[][] toArray() {
            double[][] out = new double[width][n];
            for (int k = 0; k < n; k++) {
                for (int c = 0; c < width; c++) {
                    out[c][k] = data[k * width + c];
                }
            }
            return out;
        }
    }

    /**
     * The per-step expectations of a uniformised run; {@link #expected} mixes them with Poisson
     * weights, {@link #absorbedBy} gives P(target reached by t).
     */
    public static final class Transient {
        private final double lambda;
        private final double[][] series;
        private final int rewards;
        private final double error;

        Transient(double lambda, double[][] series, int rewards, double error) {
            this.lambda = lambda;
            this.series = series;
            this.rewards = rewards;
            this.error = error;
        }

        /** Uniformisation rate, per second. */
        public double lambda() {
            return lambda;
        }

        /** Steps of the jump chain computed. */
        public int steps() {
            return series[0].length - 1;
        }

        /**
         * Bound on the absolute error of {@link #absorbedBy}, and of {@link #expected} for rewards in
         * [0, 1]: mass not absorbed when the run stopped plus mass dropped below 1e-30 per state,
         * plus Poisson weights beyond 10 standard deviations (below 1e-20).
         */
        public double error() {
            return error + 1e-15;
        }

        /** E[reward r at time t]. */
        public double expected(int r, double t) {
            return mix(series[r], t);
        }

        /** P(a target state is reached by time t). */
        public double absorbedBy(double t) {
            return mix(series[rewards], t);
        }

        /** Largest time the run resolves: beyond it the answer is the last step's. */
        public double horizon() {
            int k = steps();
            return lambda > 0 ? k / lambda : 0;
        }

        private double mix(double[] a, double t) {
            if (!(t > 0) || lambda == 0) {
                return a[0];
            }
            double mean = lambda * t;
            int last = a.length - 1;
            double spread = 10 * Math.sqrt(mean) + 10;
            long kLo = Math.max(0, (long) Math.floor(mean - spread));
            long kHi = (long) Math.ceil(mean + spread);
            if (kLo > last) {
                return a[last];
            }
            long mode = (long) Math.floor(mean);
            double logMode = mode * Math.log(mean) - mean - org.apache.commons.math3.special.Gamma.logGamma(mode + 1.0);
            double wMode = Math.exp(logMode);
            double sum = 0;
            double weights = 0;
            double w = wMode;
            for (long k = mode; k <= kHi; k++) {
                sum += w * a[(int) Math.min(k, last)];
                weights += w;
                w *= mean / (k + 1);
                if (w < 1e-300 && k > mode) {
                    break;
                }
            }
            w = wMode;
            for (long k = mode - 1; k >= kLo; k--) {
                w *= (k + 1) / mean;
                sum += w * a[(int) Math.min(k, last)];
                weights += w;
                if (w < 1e-300) {
                    break;
                }
            }
            return weights > 0 ? sum / weights : a[(int) Math.min(mode, last)];
        }
    }

    /** The hitting time of the target set: exact moments, CDF by uniformisation. */
    public TimeDistribution hittingTime(double epsilon) {
        HittingMoments m = hittingMoments();
        Transient tr = transientRewards(new double[0][], epsilon);
        return new TimeDistribution() {
            @Override
            public double mean() {
                return m.mean();
            }

            @Override
            public double sd() {
                return m.sd();
            }

            @Override
            public double cdf(double t) {
                return tr.absorbedBy(t);
            }

            @Override
            public double quantile(double level) {
                return TimeDistribution.bisect(this::cdf, level, Math.max(m.mean(), 1e-300) * 2);
            }

            @Override
            public double cdfError() {
                return tr.error();
            }
        };
    }

    /**
     * The hitting time of the target set with its CDF by the Fourier-series method (see
     * {@link Hypoexponential}) on the characteristic function, which for an acyclic chain is one
     * backward pass per frequency: {@code phi_i(w) = sum_j q_ij phi_j(w) / (q_i - i w)}. The series
     * is cut when a rigorous bound on its tail is below 1e-11: {@code |phi(w)| <= psi(w)}, the
     * expectation over paths of {@code prod (1 + w^2/q^2)^{-1/2}}, itself one backward pass, and
     * every path makes at least two jumps. The period comes from a Chernoff bound (one backward pass
     * per trial). When the initial sojourn (rate q0) is far slower than every later one, the series
     * would need very many terms; then T = Exp(q0) + Y is split exactly as
     * {@code F(t) = F_Y(t) - e^{-q0 t} E[e^{q0 Y}] F_Y'(t)}, Y' the exponential tilt of Y (the same
     * passes with exit rates q_i - q0). Falls back to uniformisation when some path reaches the
     * target in fewer jumps than the bound needs.
     */
    public TimeDistribution hittingTimeFourier(ProgressListener progress) {
        return new AcyclicFourier(this).hittingTime(progress);
    }

    /**
     * E[reward(X_t)] as a function of t, for a reward that never decreases along a transition, by
     * the Fourier-series method on the mixture of the times at which the reward increases: one
     * forward pass per term, {@code b_j += b_i q_ij / (q_i - i w)} (b = characteristic function of
     * the entry time, restricted to paths entering). Increases on leaving the initial state are
     * exact (exponential); every other entry time contains the initial sojourn and that of its
     * source state, which bounds the series' tail rigorously. Returns null when more than
     * {@code maxWork} transition visits would be needed (then use {@link #transientRewards}).
     *
     * @param reward   reward per state, non-decreasing along every transition
     * @param tolerance bound on the absolute error of the curve relative to the reward's total increase
     * @param maxWork  most transition visits to spend
     */
    public java.util.function.DoubleUnaryOperator rewardCurve(double[] reward, double tolerance, double maxWork) {
        return new AcyclicFourier(this).rewardCurve(reward, tolerance, maxWork);
    }

    /** Collects transitions; {@link #build} freezes them. */
    public static final class Builder {
        private final int size;
        private int[] from = new int[16];
        private int[] to = new int[16];
        private double[] rate = new double[16];
        private double[] impulse = new double[16];
        private int count;
        private final boolean[] target;
        private int initial;

        private Builder(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("an acyclic chain needs at least one state, got " + size);
            }
            this.size = size;
            this.target = new boolean[size];
        }

        /**
         * A transition {@code from -> to} ({@code to > from}) at {@code rate} per second (&gt;= 0,
         * finite), carrying {@code impulse} (e.g. pieces from the server) each time it fires.
         */
        public Builder add(int fromState, int toState, double transitionRate, double transitionImpulse) {
            if (toState <= fromState || fromState < 0 || toState >= size) {
                throw new IllegalArgumentException("acyclic chain: transition must go up, got " + fromState
                        + " -> " + toState + " of " + size);
            }
            if (!(transitionRate >= 0) || Double.isInfinite(transitionRate)) {
                throw new IllegalArgumentException("transition rate must be finite >= 0, got " + transitionRate);
            }
            if (transitionRate == 0) {
                return this;
            }
            if (count == from.length) {
                int n = count * 2;
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
                rate = Arrays.copyOf(rate, n);
                impulse = Arrays.copyOf(impulse, n);
            }
            from[count] = fromState;
            to[count] = toState;
            rate[count] = transitionRate;
            impulse[count] = transitionImpulse;
            count++;
            return this;
        }

        public Builder target(int state) {
            target[state] = true;
            return this;
        }

        public Builder initial(int state) {
            initial = state;
            return this;
        }

        public AcyclicChain build() {
            return new AcyclicChain(this);
        }
    }
}
