package org.p2prollout.model.swarm;

import org.p2prollout.solver.Accuracy;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * The single-piece hybrid chain of PRODUCT.md section 4.2: N devices, m hold the update at time 0;
 * a holder meets a given non-holder at rate lambda and the update passes with probability p; a
 * device lacking the update reaches the server at rate mu. State i = holders; i -&gt; i+1 at rate
 * (N - i)(mu + p lambda i).
 *
 * <p>The sojourns are independent exponentials, so T_q is hypoexponential: mean and variance are
 * exact sums and the CDF comes from {@link Hypoexponential} (no matrix; N = 10^7 costs a second).
 * Beyond {@link #CLOSED_FORM_LIMIT} sojourns the answer is the mean-field (logistic) ODE solved in
 * closed form.
 *
 * @param nodes          N &gt;= 1 devices
 * @param initialHolders m in [0, N], devices holding the update at time 0
 * @param rate           lambda, encounter rate of a pair, per second (&gt;= 0)
 * @param serverRate     mu, rate at which a device lacking the update reaches the server, per second
 * @param success        p in [0, 1], probability that a holder/non-holder contact transfers the update
 */
public record SinglePieceModel(long nodes, long initialHolders, double rate, double serverRate, double success)
        implements RolloutModel {
    /** Largest number of sojourns solved exactly; beyond it, mean-field. */
    public static final long CLOSED_FORM_LIMIT = 50_000_000L;
    /**
     * Most sojourns N - m whose coverage curve is computed exactly (Fourier series of the mixture of
     * the S_j, O(N - m) per term); beyond it, mean-field.
     */
    public static final long EXACT_CURVE_LIMIT = 50_000;

    public SinglePieceModel {
        Checks.inRange("nodes", nodes, 1, Long.MAX_VALUE);
        Checks.inRange("initialHolders", initialHolders, 0, nodes);
        Checks.nonNegative("rate", rate);
        Checks.nonNegative("serverRate", serverRate);
        Checks.probability("success", success);
        if (serverRate == 0 && initialHolders < nodes && (initialHolders == 0 || rate * success == 0)) {
            throw new InvalidInputException("with 'serverRate' 0 the update never spreads: need 'initialHolders' >= 1 and"
                    + " 'rate' and 'success' > 0 (got initial " + initialHolders + ", rate " + rate
                    + ", success " + success + ")");
        }
    }

    /** The classic epidemic: no server, one initial holder, every contact transfers. */
    public static SinglePieceModel epidemic(long nodes, double rate) {
        return new SinglePieceModel(nodes, 1, rate, 0, 1);
    }

    @Override
    public long nodes() {
        return nodes;
    }

    /** Rate of i -&gt; i+1, per second. */
    public double birthRate(long holders) {
        return (nodes - holders) * (serverRate + success * rate * holders);
    }

    /** The sojourn rates until ceil(q N) devices hold the update. */
    public double[] sojournRates(double coverage) {
        long target = RolloutModel.targetCount(nodes, coverage);
        long n = Math.max(0, target - initialHolders);
        if (n > CLOSED_FORM_LIMIT) {
            throw new InvalidInputException("closed form limited to " + CLOSED_FORM_LIMIT
                    + " sojourns (N - m); got " + n + "; use the mean-field answer");
        }
        double[] r = new double[(int) n];
        for (int k = 0; k < n; k++) {
            r[k] = birthRate(initialHolders + k);
        }
        return r;
    }

    /** Whether T_q is solved exactly (closed form) rather than by mean-field. */
    public boolean exact(double coverage) {
        return RolloutModel.targetCount(nodes, coverage) - initialHolders <= CLOSED_FORM_LIMIT;
    }

    @Override
    public TimeDistribution timeDistribution(double coverage) {
        if (!exact(coverage)) {
            return new DeterministicTime(meanFieldTime(coverage));
        }
        return new Hypoexponential(sojournRates(coverage));
    }

    /** Expected server downloads until ceil(qN) devices hold the update: sum mu / (mu + p lambda i). */
    public double serverDownloads(double coverage) {
        long target = RolloutModel.targetCount(nodes, coverage);
        double s = 0;
        for (long i = target - 1; i >= initialHolders; i--) {
            s += serverRate / (serverRate + success * rate * i);
        }
        return s;
    }

    @Override
    public RolloutPrediction predict(double coverage, double... levels) {
        double[] lv = levels.length == 0 ? RolloutPrediction.DEFAULT_LEVELS : levels;
        long target = RolloutModel.targetCount(nodes, coverage);
        long needed = Math.max(0, target - initialHolders);
        TimeDistribution d = timeDistribution(coverage);
        boolean exact = exact(coverage);
        double server = exact ? serverDownloads(coverage) : meanFieldServerDownloads(coverage);
        double offload = needed == 0 ? 0 : 1 - server / needed;
        Accuracy acc = exact
                ? Accuracy.bounded("pure-birth chain: exact sums, Fourier-series CDF", d.cdfError(),
                        TimeDistribution.QUANTILE_RELATIVE_TOLERANCE, 1e-12,
                        "exact sums over the pure-birth chain; CDF by Fourier series with rigorous bound")
                : Accuracy.approximation("mean-field (logistic) ODE", "mean-field (logistic) ODE: a large-N approximation");
        return new RolloutPrediction(exact ? PredictionMethod.CLOSED_FORM : PredictionMethod.MEAN_FIELD, coverage,
                d.mean(), d.sd(), RolloutPrediction.quantilesOf(d, lv), server, offload,
                exact ? nodes + 1 : 1, acc);
    }

    /**
     * Mean-field time to reach ceil(qN) - 1/2 holders: the logistic ODE y' = (N - y)(mu + p lambda y)
     * from y(0) = m, solved in closed form. T_1 targets N - 1/2 (the ODE reaches N only as t -&gt; oo).
     */
    public double meanFieldTime(double coverage) {
        long target = RolloutModel.targetCount(nodes, coverage);
        if (target <= initialHolders) {
            return 0;
        }
        double level = target - 0.5;
        return logisticTime(initialHolders, level);
    }

    private double logisticTime(double from, double level) {
        double a = success * rate;
        double n = nodes;
        if (a == 0) {
            return Math.log((n - from) / (n - level)) / serverRate;
        }
        double c = serverRate / a;
        return (Math.log((level + c) / (n - level)) - Math.log((from + c) / (n - from))) / (a * n + serverRate);
    }

    /** Mean-field holders at time t (seconds). */
    public double meanFieldHolders(double t) {
        double a = success * rate;
        double n = nodes;
        double m = initialHolders;
        if (a == 0) {
            return n - (n - m) * Math.exp(-serverRate * t);
        }
        double c = serverRate / a;
        // (y + c) / (N - y) = (m + c) / (N - m) e^{(aN + mu) t}
        double g = Math.log((m + c) / (n - m)) + (a * n + serverRate) * t;
        if (m >= n) {
            return n;
        }
        double e = Math.exp(-g); // y = (N - c e^{-g}) / (1 + e^{-g})
        return (n - c * e) / (1 + e);
    }

    private double meanFieldServerDownloads(double coverage) {
        // server share of the flow mu / (mu + a y), integrated over y from m to the target: closed form
        long target = RolloutModel.targetCount(nodes, coverage);
        double a = success * rate;
        if (a == 0) {
            return target - initialHolders;
        }
        return serverRate / a * Math.log((serverRate + a * target) / (serverRate + a * initialHolders));
    }

    @Override
    public CoverageCurve coverageCurve(double[] times) {
        for (double t : times) {
            Checks.nonNegative("time", t);
        }
        long n = nodes - initialHolders;
        double[] f = new double[times.length];
        if (n == 0) {
            java.util.Arrays.fill(f, 1.0);
            return new CoverageCurve(times.clone(), f, PredictionMethod.CLOSED_FORM, 0);
        }
        if (n <= 2) {
            // E[holders(t)] = m + sum_j P(S_j <= t), S_1 and S_2 hypoexponential in closed form
            double[] r = sojournRates(1.0);
            for (int i = 0; i < times.length; i++) {
                double s = initialHolders;
                for (int j = 1; j <= n; j++) {
                    s += new Hypoexponential(java.util.Arrays.copyOf(r, j)).cdf(times[i]);
                }
                f[i] = s / nodes;
            }
            return new CoverageCurve(times.clone(), f, PredictionMethod.CLOSED_FORM, 1e-15);
        }
        if (n <= EXACT_CURVE_LIMIT) {
            CoverageFourier c = new CoverageFourier(sojournRates(1.0));
            for (int i = 0; i < times.length; i++) {
                f[i] = (initialHolders + n * c.mixtureCdf(times[i])) / nodes;
            }
            return new CoverageCurve(times.clone(), f, PredictionMethod.CLOSED_FORM, c.error() * n / nodes);
        }
        for (int i = 0; i < times.length; i++) {
            f[i] = meanFieldHolders(times[i]) / nodes;
        }
        return new CoverageCurve(times.clone(), f, PredictionMethod.MEAN_FIELD, Double.NaN);
    }

    /** The pure-birth chain on holders m..N as an {@link AcyclicChain} (state k = m + k holders). */
    public AcyclicChain pureBirthChain() {
        int n = Math.toIntExact(nodes - initialHolders + 1);
        AcyclicChain.Builder b = AcyclicChain.builder(n);
        for (int k = 0; k + 1 < n; k++) {
            long i = initialHolders + k;
            double total = birthRate(i);
            double serverShare = serverRate == 0 ? 0 : serverRate / (serverRate + success * rate * i);
            b.add(k, k + 1, total, serverShare);
        }
        b.target(n - 1);
        return b.build();
    }
}
