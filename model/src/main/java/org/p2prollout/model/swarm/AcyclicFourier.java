package org.p2prollout.model.swarm;

import java.util.Arrays;
import org.p2prollout.core.ProgressListener;

/**
 * The Fourier-series computations on an {@link AcyclicChain}: the CDF of the hitting time and
 * expected-reward curves, each term one pass over the transitions (see the delegating methods of
 * {@link AcyclicChain} for the guarantees).
 */
final class AcyclicFourier {
    private final AcyclicChain chain;
    private final int size;
    private final int[] rowStart;
    private final int[] to;
    private final double[] rate;
    private final double[] exit;
    private final boolean[] target;
    private final int initial;

    AcyclicFourier(AcyclicChain chain) {
        this.chain = chain;
        this.size = chain.size;
        this.rowStart = chain.rowStart;
        this.to = chain.to;
        this.rate = chain.rate;
        this.exit = chain.exit;
        this.target = chain.target;
        this.initial = chain.initial;
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
    TimeDistribution hittingTime(ProgressListener progress) {
        AcyclicChain.HittingMoments m = chain.hittingMoments();
        boolean[] reach = reachable();
        int[] jumps = minimumJumps();
        if (jumps[initial] < 2) {
            return chain.hittingTime(1e-10);
        }
        double q0 = exit[initial];
        int[] next = Arrays.copyOfRange(to, rowStart[initial], rowStart[initial + 1]);
        double[] weight = new double[next.length];
        double qNext = Double.POSITIVE_INFINITY;
        boolean twoJumps = true;
        for (int k = 0; k < next.length; k++) {
            weight[k] = rate[rowStart[initial] + k] / q0;
            twoJumps &= jumps[next[k]] >= 2;
        }
        for (int i = initial + 1; i < size; i++) {
            if (reach[i] && !target[i]) {
                qNext = Math.min(qNext, exit[i]);
            }
        }
        double restMean = m.mean() - 1 / q0;
        Fourier whole;
        Fourier y = null;
        Fourier tiltedY = null;
        if (twoJumps && qNext > 10 * q0 && q0 * restMean < 1) {
            y = fourier(0, next, weight, progress);
            tiltedY = fourier(q0, next, weight, progress);
            whole = null;
        } else {
            whole = fourier(0, new int[] {initial}, new double[] {1}, progress);
        }
        Fourier w = whole;
        Fourier fy = y;
        Fourier ft = tiltedY;
        double error = w != null ? w.error : fy.error + ft.norm * ft.error;
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
                double f = w != null ? w.cdf(t) : fy.cdf(t) - Math.exp(-q0 * t) * ft.norm * ft.cdf(t);
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

    /** A CDF as a Fourier sine series on [0, period]. */
    private static final class Fourier {
        final double period;
        final double step;
        final double[] coefficients;
        final double error;
        /** E[e^{theta Y}] of the untilted distribution (1 without tilt). */
        final double norm;

        Fourier(double period, double[] coefficients, double error, double norm) {
            this.period = period;
            this.step = Math.PI / period;
            this.coefficients = coefficients;
            this.error = error;
            this.norm = norm;
        }

        double cdf(double t) {
            if (!(t > 0)) {
                return 0;
            }
            if (t >= period) {
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
    }

    /**
     * The Fourier series of the hitting time from the mixture {@code weights} over {@code starts},
     * exponentially tilted by {@code theta} (0: none): characteristic function
     * {@code sum_s w_s phi^theta_s(w) / norm}, {@code phi^theta_i = sum_j q_ij phi^theta_j / (q_i - theta - i w)}.
     */
    private Fourier fourier(double theta, int[] starts, double[] weights, ProgressListener progress) {
        boolean[] reach = new boolean[size];
        int first = size;
        for (int s : starts) {
            reach[s] = true;
            first = Math.min(first, s);
        }
        double qMin = Double.POSITIVE_INFINITY;
        double qMax = 0;
        for (int i = first; i < size; i++) {
            if (!reach[i] || target[i]) {
                continue;
            }
            qMin = Math.min(qMin, exit[i]);
            qMax = Math.max(qMax, exit[i]);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                reach[to[k]] = true;
            }
        }
        double tail = 1e-11;
        double[] work = new double[size];
        double logNorm = theta == 0 ? Math.log(sum(weights)) : logMix(logMgf(theta, work, first), starts, weights);
        double period = Double.POSITIVE_INFINITY;
        for (double f : new double[] {0.3, 0.6, 0.85, 0.97}) {
            double extra = f * (qMin - theta);
            double logMgf = logMix(logMgf(theta + extra, work, first), starts, weights) - logNorm;
            period = Math.min(period, (logMgf + Math.log(1 / tail)) / extra);
        }
        double step = Math.PI / period;
        double[] re = new double[size];
        double[] im = new double[size];
        double[] psi = new double[size];
        double[] c = new double[256];
        double norm = Math.exp(logNorm);
        double rMax = qMax - theta;
        int k = 0;
        while (true) {
            k++;
            double w = k * step;
            characteristic(w, theta, re, im, psi, first);
            double mixRe = 0;
            double mixPsi = 0;
            for (int s = 0; s < starts.length; s++) {
                mixRe += weights[s] * re[starts[s]];
                mixPsi += weights[s] * psi[starts[s]];
            }
            if (k >= c.length) {
                if (c.length >= (1 << 22)) {
                    throw new org.p2prollout.solver.NotConvergedException(org.p2prollout.solver.Accuracy.iterative(
                            "Fourier series of the hitting time", k, Double.NaN, "truncation bound below tolerance", false),
                            "4M terms did not bring the truncation bound below the tolerance",
                            "the solver's absorption analysis (uniformisation) for this chain");
                }
                c = Arrays.copyOf(c, c.length * 2);
            }
            c[k] = 2 / Math.PI * (mixRe / norm) / k;
            double bound = mixPsi / norm * (1 + rMax * rMax / (w * w)) / Math.PI;
            if ((k & 63) == 0) {
                progress.progress(Math.min(k, 1000), -1, "Fourier terms");
            }
            if (bound <= 1e-11) {
                break;
            }
        }
        double error = 2e-11 + 1e-15 * Math.log(k + 1.0) * 10 + 1e-13;
        return new Fourier(period, Arrays.copyOf(c, k + 1), error, norm);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    /** log sum_s w_s e^{v_s}. */
    private static double logMix(double[] v, int[] starts, double[] weights) {
        double max = Double.NEGATIVE_INFINITY;
        for (int s : starts) {
            max = Math.max(max, v[s]);
        }
        double sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += weights[i] * Math.exp(v[starts[i]] - max);
        }
        return max + Math.log(sum);
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
    java.util.function.DoubleUnaryOperator rewardCurve(double[] reward, double tolerance, double maxWork) {
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
        double total = chain.expectedTerminal(reward) - r0;
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
            period = Math.min(period, (logMgf(theta, work, initial)[initial] + Math.log(1 / (tolerance * 0.1))) / theta);
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

    private int[] minimumJumps() {
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
        return jumps;
    }

    /**
     * log E[e^{theta T}] from every state at or above {@code first} (NaN where theta is not below
     * every exit rate on the way), in {@code v}.
     */
    private double[] logMgf(double theta, double[] v, int first) {
        // in logs: v_i = log( sum_j q_ij e^{v_j} / (q_i - theta) )
        for (int i = size - 1; i >= first; i--) {
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
        return v;
    }

    /**
     * One backward pass: phi = E[e^{(theta + i w) T}] from each state (re, im), unnormalised, and
     * the bound psi &gt;= |phi|.
     */
    private void characteristic(double w, double theta, double[] re, double[] im, double[] psi, int first) {
        double w2 = w * w;
        for (int i = size - 1; i >= first; i--) {
            if (target[i]) {
                re[i] = 1;
                im[i] = 0;
                psi[i] = 1;
                continue;
            }
            double q = exit[i] - theta;
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
}
