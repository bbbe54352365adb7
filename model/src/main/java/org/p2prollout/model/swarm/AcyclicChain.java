package org.p2prollout.model.swarm;

import java.util.Arrays;
import org.p2prollout.solver.InvalidInputException;
import org.p2prollout.solver.ProgressListener;

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
    private final int size;
    private final int[] rowStart;
    private final int[] to;
    private final double[] rate;
    private final double[] impulse;
    private final double[] exit;
    private final boolean[] target;
    private final int initial;

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
                throw new IllegalStateException("uniformisation did not absorb within " + maxSteps
                        + " steps (absorbed " + absorbed + ")");
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
     * per trial). Much cheaper than uniformisation when the exit rates spread widely; falls back to
     * uniformisation when some path reaches the target in one jump.
     */
    public TimeDistribution hittingTimeFourier(ProgressListener progress) {
        HittingMoments m = hittingMoments();
        boolean[] reach = reachable();
        int minJumps = minimumJumps(reach);
        if (minJumps < 2) {
            return hittingTime(1e-10);
        }
        double qMin = Double.POSITIVE_INFINITY;
        double qMax = 0;
        for (int i = initial; i < size; i++) {
            if (reach[i] && !target[i]) {
                qMin = Math.min(qMin, exit[i]);
                qMax = Math.max(qMax, exit[i]);
            }
        }
        double tail = 1e-11;
        double period = Double.POSITIVE_INFINITY;
        double[] work = new double[size];
        for (double f : new double[] {0.3, 0.6, 0.85, 0.97}) {
            double theta = f * qMin;
            double logMgf = logMgf(theta, work);
            period = Math.min(period, (logMgf + Math.log(1 / tail)) / theta);
        }
        double step = Math.PI / period;
        double[] re = new double[size];
        double[] im = new double[size];
        double[] psi = new double[size];
        double[] c = new double[256];
        int k = 0;
        while (true) {
            k++;
            double w = k * step;
            characteristic(w, re, im, psi);
            if (k >= c.length) {
                if (c.length >= (1 << 22)) {
                    throw new IllegalStateException("Fourier series of the hitting time needs more than 4M terms");
                }
                c = Arrays.copyOf(c, c.length * 2);
            }
            c[k] = 2 / Math.PI * re[initial] / k;
            double bound = psi[initial] * (1 + qMax * qMax / (w * w)) / Math.PI;
            progress.progress(Math.min(k, 1000), -1, "Fourier terms");
            if (bound <= 1e-11) {
                break;
            }
        }
        double[] coefficients = Arrays.copyOf(c, k + 1);
        double error = 2e-11 + 1e-15 * Math.log(k + 1.0) * 10 + 1e-13;
        double p = period;
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
                if (!(t > 0)) {
                    return 0;
                }
                if (t >= p) {
                    return 1;
                }
                double x = step * t;
                double f = x / Math.PI;
                int j = 1;
                while (j < coefficients.length) {
                    double s0 = Math.sin(j * x);
                    double s1 = Math.sin((j - 1) * x);
                    double twoCos = 2 * Math.cos(x);
                    int end = Math.min(coefficients.length, j + 32);
                    for (; j < end; j++) {
                        f += coefficients[j] * s0;
                        double s2 = twoCos * s0 - s1;
                        s1 = s0;
                        s0 = s2;
                    }
                }
                return f < 0 ? 0 : (f > 1 ? 1 : f);
            }

            @Override
            public double quantile(double level) {
                return TimeDistribution.bisect(this::cdf, level, Math.max(m.mean(), 1e-300) * 2);
            }

            @Override
            public double cdfError() {
                return error;
            }
        };
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
        boolean[] reach = reachable();
        double q0 = exit[initial];
        double r0 = reward[initial];
        if (target[initial] || !(q0 > 0)) {
            return t -> r0;
        }
        double firstWeight = 0; // sum over transitions out of the initial state of increase x probability
        for (int k = rowStart[initial]; k < rowStart[initial + 1]; k++) {
            firstWeight += (reward[to[k]] - r0) * rate[k] / q0;
        }
        double total = expectedTerminal(reward) - r0;
        double restWeight = total - firstWeight;
        double qMin = Double.POSITIVE_INFINITY;
        for (int i = initial; i < size; i++) {
            if (reach[i] && !target[i]) {
                qMin = Math.min(qMin, exit[i]);
            }
        }
        double period = Double.POSITIVE_INFINITY;
        double[] work = new double[size];
        for (double f : new double[] {0.3, 0.6, 0.85, 0.97}) {
            double theta = f * qMin;
            period = Math.min(period, (logMgf(theta, work) + Math.log(1 / (tolerance * 0.1))) / theta);
        }
        double fw = firstWeight;
        if (!(restWeight > tolerance * 1e-3 * Math.max(total, 1e-300))) {
            return t -> t <= 0 ? r0 : r0 + fw * -Math.expm1(-q0 * t);
        }
        double step = Math.PI / period;
        double[] bRe = new double[size];
        double[] bIm = new double[size];
        double[] bPsi = new double[size];
        double[] c = new double[256];
        int k = 0;
        double visits = 0;
        while (true) {
            k++;
            double w = k * step;
            double w2 = w * w;
            Arrays.fill(bRe, initial, size, 0);
            Arrays.fill(bIm, initial, size, 0);
            Arrays.fill(bPsi, initial, size, 0);
            bRe[initial] = 1;
            bPsi[initial] = 1;
            double mixRe = 0;
            double tail = 0;
            for (int i = initial; i < size; i++) {
                if (!reach[i] || target[i] || (bPsi[i] == 0 && i != initial)) {
                    continue;
                }
                double q = exit[i];
                double d = q * q + w2;
                double gr = q / d; // 1 / (q - i w) = (q + i w) / d
                double gi = w / d;
                double vr = bRe[i] * gr - bIm[i] * gi;
                double vi = bRe[i] * gi + bIm[i] * gr;
                double vp = bPsi[i] / Math.sqrt(d);
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    int j = to[e];
                    double r = rate[e];
                    bRe[j] += vr * r;
                    bIm[j] += vi * r;
                    bPsi[j] += vp * r;
                    double inc = reward[j] - reward[i];
                    if (inc != 0 && i != initial) {
                        mixRe += inc * vr * r;
                        tail += inc * bPsi[i] * r / w;
                    }
                }
                visits += rowStart[i + 1] - rowStart[i];
            }
            if (k >= c.length) {
                c = Arrays.copyOf(c, c.length * 2);
            }
            c[k] = 2 / Math.PI * (mixRe / restWeight) / k;
            double bound = Math.sqrt(1 + q0 * q0 / w2) * tail / restWeight / Math.PI;
            if (bound <= tolerance) {
                break;
            }
            if (visits > maxWork || k >= (1 << 22)) {
                return null;
            }
        }
        double[] coefficients = Arrays.copyOf(c, k + 1);
        double rw = restWeight;
        double p = period;
        return t -> {
            if (!(t > 0)) {
                return r0;
            }
            double first = fw * -Math.expm1(-q0 * t);
            double rest;
            if (t >= p) {
                rest = 1;
            } else {
                double x = step * t;
                double f = x / Math.PI;
                for (int j = 1; j < coefficients.length; j++) {
                    f += coefficients[j] * Math.sin(j * x);
                }
                rest = Math.max(0, Math.min(1, f));
            }
            return r0 + first + rw * rest;
        };
    }

    private boolean[] reachable() {
        boolean[] r = new boolean[size];
        r[initial] = true;
        for (int i = initial; i < size; i++) {
            if (!r[i] || target[i]) {
                continue;
            }
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                r[to[k]] = true;
            }
        }
        return r;
    }

    private int minimumJumps(boolean[] reach) {
        int[] jumps = new int[size];
        for (int i = size - 1; i >= initial; i--) {
            if (target[i]) {
                jumps[i] = 0;
                continue;
            }
            int best = Integer.MAX_VALUE;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                best = Math.min(best, jumps[to[k]]);
            }
            jumps[i] = best == Integer.MAX_VALUE ? Integer.MAX_VALUE : best + 1;
        }
        return jumps[initial];
    }

    /** log E[e^{theta T}] for theta below every reachable exit rate. */
    private double logMgf(double theta, double[] v) {
        // work in logs: v_i = log( sum_j q_ij e^{v_j} / (q_i - theta) )
        for (int i = size - 1; i >= initial; i--) {
            if (target[i]) {
                v[i] = 0;
                continue;
            }
            if (!(exit[i] > theta)) {
                v[i] = Double.NaN;
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (!Double.isNaN(v[to[k]])) {
                    max = Math.max(max, v[to[k]]);
                }
            }
            double sum = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (!Double.isNaN(v[to[k]])) {
                    sum += rate[k] * Math.exp(v[to[k]] - max);
                }
            }
            v[i] = max + Math.log(sum / (exit[i] - theta));
        }
        return v[initial];
    }

    /** One backward pass: phi = E[e^{i w T}] from each state (re, im) and the bound psi >= |phi|. */
    private void characteristic(double w, double[] re, double[] im, double[] psi) {
        double w2 = w * w;
        for (int i = size - 1; i >= initial; i--) {
            if (target[i]) {
                re[i] = 1;
                im[i] = 0;
                psi[i] = 1;
                continue;
            }
            double q = exit[i];
            if (!(q > 0)) {
                re[i] = 0;
                im[i] = 0;
                psi[i] = 0;
                continue;
            }
            double sr = 0;
            double si = 0;
            double sp = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = to[k];
                double r = rate[k];
                sr += r * re[j];
                si += r * im[j];
                sp += r * psi[j];
            }
            // (sr + i si) / (q - i w) = (sr + i si)(q + i w) / (q^2 + w^2)
            double d = q * q + w2;
            re[i] = (sr * q - si * w) / d;
            im[i] = (si * q + sr * w) / d;
            psi[i] = sp / Math.sqrt(d);
        }
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
