package org.p2prollout.solver.absorption;

import java.util.Arrays;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.structure.CommunicatingClasses;
import org.p2prollout.solver.uniformisation.ExpectationResult;
import org.p2prollout.solver.uniformisation.TransientSolver;

/**
 * The time T until a CTMC enters an absorbing set A, from an initial distribution α: its mean,
 * variance, CDF and quantiles, the reward accumulated until then, and where it is absorbed.
 *
 * <p>Method: the expected occupation times {@code x = α_T (−Q_TT)^{-1}} (seconds spent in each
 * transient state) solve one sparse linear system, class by class in topological order of the
 * transient states' strongly connected components ({@code OccupancySolver}: substitution for
 * single states, so acyclic chains such as pure birth chains are solved exactly in one pass over
 * their transitions; dense LU for small cyclic classes; Gauss–Seidel for large ones). Then
 * {@code E[T] = Σ x}, {@code E[T²] = 2 Σ y} with {@code y (−Q_TT) = x}, the expected reward
 * {@code Σ x_j r_j}, and the probability of absorption in state a is
 * {@code α_a + Σ_j x_j Q[j][a]}. {@link #accuracy()} reports the relative residual
 * {@code ‖b − x(−Q_TT)‖₁/‖b‖₁} of these solves. The variance is {@code E[T²] − E[T]²}, which
 * loses about {@code log10(E[T]²/Var)} digits to cancellation. The CDF {@code P(T <= t)} is the
 * mass in A at time t by uniformisation of the chain with A made absorbing
 * ({@link TransientSolver#expectations}, error bound reported) or, for acyclic transient parts
 * and long times, by Laplace transform inversion ({@link CdfMethod}). Quantiles search the CDF
 * ({@link QuantileSearch}).
 *
 * <p>States outside A that cannot reach A are "trapped": if α or the flow reaches them with
 * positive probability, {@code P(T = ∞) > 0} and the mean, variance and reward are infinite.
 * Inputs are never modified. Usage: {@code AbsorptionAnalysis.of(q, initial).meanTime()}.
 */
public final class AbsorptionAnalysis {
    private final Generator q;
    private final double[] initial;
    private final boolean[] absorbing;
    private final int[] group;           // per state: absorbing group, or -1
    private final int groups;
    private final AbsorptionOptions options;
    private final TransientClasses classes;
    private final OccupancySolver solver;
    private final double[] occupancy;
    private final double[] absorbedIn;   // per state
    private final double escapeToTrap;   // probability of reaching a trapped state
    private final Accuracy accuracy;
    private double secondMoment = Double.NaN;
    private Accuracy secondAccuracy;
    private Generator stopped;
    private LaplaceCdf laplace;

    private AbsorptionAnalysis(Generator q, double[] initial, int[] group, AbsorptionOptions options) {
        this.q = q;
        this.initial = initial.clone();
        this.group = group;
        this.options = options;
        int n = q.states();
        this.absorbing = new boolean[n];
        int g = 0;
        for (int s = 0; s < n; s++) {
            absorbing[s] = group[s] >= 0;
            g = Math.max(g, group[s] + 1);
        }
        this.groups = g;
        this.classes = TransientClasses.of(q, absorbing);
        this.solver = new OccupancySolver(q, classes, options);
        OccupancySolver.Solution sol = solver.solve(this.initial, true);
        this.occupancy = sol.x();
        this.absorbedIn = new double[n];
        double trap = 0;
        for (int s = 0; s < n; s++) {
            double mass = this.initial[s] + sol.outflow()[s];
            if (absorbing[s]) {
                absorbedIn[s] = mass;
            } else if (classes.classOf[s] < 0) {
                trap += mass;
            }
        }
        this.escapeToTrap = trap;
        this.accuracy = sol.accuracy();
    }

    /** Absorbing states are those without outgoing transitions; each is its own group. */
    public static AbsorptionAnalysis of(Generator q, double[] initial) {
        return of(q, initial, AbsorptionOptions.defaults());
    }

    /** As {@link #of(Generator, double[])} with options. */
    public static AbsorptionAnalysis of(Generator q, double[] initial, AbsorptionOptions options) {
        int n = q.states();
        int[] group = new int[n];
        int g = 0;
        for (int s = 0; s < n; s++) {
            group[s] = q.isAbsorbing(s) ? g++ : -1;
        }
        return ofGroups(q, initial, group, options);
    }

    /** Time until the chain first enters {@code target} (first passage); each target state its own group. */
    public static AbsorptionAnalysis ofTarget(Generator q, double[] initial, boolean[] target, AbsorptionOptions options) {
        if (target.length != q.states()) {
            throw new InvalidInputException("target must have " + q.states() + " entries, got " + target.length);
        }
        int[] group = new int[target.length];
        int g = 0;
        for (int s = 0; s < target.length; s++) {
            group[s] = target[s] ? g++ : -1;
        }
        return ofGroups(q, initial, group, options);
    }

    /**
     * Absorption into the bottom strongly connected components (closed classes, absorbing states
     * included): group g is the g-th entry of {@link CommunicatingClasses#bottomClasses()}. Every
     * state reaches some bottom class, so T is finite with probability 1.
     */
    public static AbsorptionAnalysis ofBottomClasses(Generator q, double[] initial, AbsorptionOptions options) {
        CommunicatingClasses cc = CommunicatingClasses.of(q);
        int[] bottom = cc.bottomClasses();
        int[] index = new int[cc.count()];
        java.util.Arrays.fill(index, -1);
        for (int g = 0; g < bottom.length; g++) {
            index[bottom[g]] = g;
        }
        int[] group = new int[q.states()];
        for (int s = 0; s < group.length; s++) {
            group[s] = index[cc.classOf(s)];
        }
        return ofGroups(q, initial, group, options);
    }

    /**
     * Absorption into groups of states, e.g. bottom strongly connected components: {@code group[s]}
     * is the group of an absorbing state ({@code >= 0}), or -1 for a state outside A. The chain
     * is stopped on entering any group (transitions out of group states are ignored).
     */
    public static AbsorptionAnalysis ofGroups(Generator q, double[] initial, int[] group, AbsorptionOptions options) {
        TransientSolver.checkInitial(q, initial);
        if (group.length != q.states()) {
            throw new InvalidInputException("group must have " + q.states() + " entries, got " + group.length);
        }
        for (int s = 0; s < group.length; s++) {
            if (group[s] < -1) {
                throw new InvalidInputException("group of state " + s + " must be -1 (not absorbing) or >= 0, got " + group[s]);
            }
        }
        return new AbsorptionAnalysis(q, initial, group.clone(), options);
    }

    /** P(T < ∞): probability of ever being absorbed. */
    public double absorptionProbability() {
        double s = 0;
        for (double v : absorbedIn) {
            s += v;
        }
        return s;
    }

    /** Whether T is infinite with positive probability (some trapped state is reached). */
    public boolean mayNeverBeAbsorbed() {
        return escapeToTrap > 0;
    }

    /** E[T], seconds; +∞ when {@link #mayNeverBeAbsorbed()}. */
    public double meanTime() {
        if (mayNeverBeAbsorbed()) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (double v : occupancy) {
            s += v;
        }
        return s;
    }

    /** E[T²], seconds²; +∞ when {@link #mayNeverBeAbsorbed()}. */
    public synchronized double secondMoment() {
        if (mayNeverBeAbsorbed()) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(secondMoment)) {
            OccupancySolver.Solution sol = solver.solve(occupancy, false);
            double s = 0;
            for (double v : sol.x()) {
                s += v;
            }
            secondMoment = 2 * s;
            secondAccuracy = sol.accuracy();
        }
        return secondMoment;
    }

    /** Var[T] = E[T²] − E[T]², seconds² (clipped at 0 against rounding). */
    public double varianceTime() {
        double m = meanTime();
        return Math.max(0, secondMoment() - m * m);
    }

    /** Standard deviation of T, seconds. */
    public double sdTime() {
        return Math.sqrt(varianceTime());
    }

    /**
     * E[∫₀ᵀ r(X_s) ds]: reward accumulated until absorption, with {@code r[s]} a rate in units per
     * second (entries of absorbing states are ignored); NaN when {@link #mayNeverBeAbsorbed()}.
     */
    public double expectedReward(double[] rewardRate) {
        if (rewardRate.length != q.states()) {
            throw new InvalidInputException("reward must have " + q.states() + " entries, got " + rewardRate.length);
        }
        if (mayNeverBeAbsorbed()) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 0; j < occupancy.length; j++) {
            if (!absorbing[j]) {
                if (!Double.isFinite(rewardRate[j])) {
                    throw new InvalidInputException("reward of state " + j + " must be finite, got " + rewardRate[j]);
                }
                s += occupancy[j] * rewardRate[j];
            }
        }
        return s;
    }

    /** Expected seconds spent in each state before absorption (0 for absorbing states). A copy. */
    public double[] expectedTimeInStates() {
        return occupancy.clone();
    }

    /** Per state, the probability of being absorbed there (0 for states outside A). A copy. */
    public double[] absorptionProbabilities() {
        return absorbedIn.clone();
    }

    /** Per group (e.g. per BSCC), the probability of being absorbed in it. */
    public double[] groupProbabilities() {
        double[] p = new double[groups];
        for (int s = 0; s < group.length; s++) {
            if (group[s] >= 0) {
                p[group[s]] += absorbedIn[s];
            }
        }
        return p;
    }

    /** Accuracy of the occupation-time solve (and of the second moment's, once computed, via {@link #secondMomentAccuracy()}). */
    public Accuracy accuracy() {
        return accuracy;
    }

    /** Accuracy of the second solve behind {@link #secondMoment()}. */
    public synchronized Accuracy secondMomentAccuracy() {
        secondMoment();
        return secondAccuracy;
    }

    /**
     * P(T <= t) at each time (seconds, {@code >= 0}): by uniformisation of the stopped chain (one
     * pass for all times, proven error bounds) or, for acyclic transient parts where that would
     * take long, by Laplace inversion (see {@link CdfMethod}).
     */
    public CdfResult cdf(double[] times, ProgressListener progress) {
        double tMax = 0;
        for (double t : times) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new InvalidInputException("times must be finite numbers >= 0 (seconds), got " + t);
            }
            tMax = Math.max(tMax, t);
        }
        if (usesLaplace(tMax)) {
            return laplaceCdf(times);
        }
        double[] inA = new double[q.states()];
        for (int s = 0; s < inA.length; s++) {
            inA[s] = absorbing[s] ? 1 : 0;
        }
        ExpectationResult r = new TransientSolver(options.uniformisation()).expectations(stoppedChain(), initial, times, inA, progress);
        return new CdfResult(r.times(), r.values(), r.errorBounds(), true, r.accuracy());
    }

    /** P(T <= t) at each time (seconds), without progress reports. */
    public CdfResult cdf(double[] times) {
        return cdf(times, ProgressListener.NONE);
    }

    /** P(T <= t), t in seconds; its error is given by {@link #cdf(double[], ProgressListener)}. */
    public double cdf(double t) {
        return cdf(new double[] {t}, ProgressListener.NONE).values()[0];
    }

    /** Whether a CDF up to time tMax is computed by Laplace inversion. */
    boolean usesLaplace(double tMax) {
        switch (options.cdfMethod()) {
            case LAPLACE:
                if (!LaplaceCdf.applies(classes)) {
                    throw new InvalidInputException("the Laplace CDF method needs an acyclic transient part; this chain has "
                            + (classes.members.length - classes.classes()) + " states in cycles; use uniformisation");
                }
                return true;
            case UNIFORMISATION:
                return false;
            default:
                return LaplaceCdf.applies(classes)
                        && stoppedChain().maxExitRate() * options.uniformisation().uniformisationFactor() * tMax > options.laplaceAbove();
        }
    }

    private synchronized LaplaceCdf laplace() {
        if (laplace == null) {
            laplace = new LaplaceCdf(q, classes, absorbing, initial, options.uniformisation().threads());
        }
        return laplace;
    }

    /** {F(t), f(t), error estimate, transform evaluations} by Laplace inversion. */
    synchronized double[] laplacePoint(double t) {
        if (t == 0) {
            return new double[] {initialAbsorbedMass(), Double.NaN, 0, 0};
        }
        return laplace().cdfAndDensity(t);
    }

    private CdfResult laplaceCdf(double[] times) {
        double[] values = new double[times.length];
        double[] errors = new double[times.length];
        double max = 0;
        long evaluations = 0;
        for (int i = 0; i < times.length; i++) {
            double[] p = laplacePoint(times[i]);
            values[i] = p[0];
            errors[i] = p[2];
            evaluations += times[i] > 0 ? (long) p[3] : 0;
            max = Math.max(max, errors[i]);
        }
        return new CdfResult(times.clone(), values, errors, false, new Accuracy("Laplace inversion (Fourier series, Euler summation,"
                + " Abate-Whitt 1992, A = " + LaplaceCdf.A + ")", evaluations, Double.NaN, max,
                "aliasing <= " + String.format(java.util.Locale.ROOT, "%.2g", LaplaceCdf.DISCRETISATION_BOUND)
                + " plus series change <= " + LaplaceCdf.SERIES_TOLERANCE + " (estimate, not a proven bound)",
                max <= 1e-8));
    }

    /** The p-quantile of T, seconds (midpoint of {@link #quantileInterval}). */
    public double quantile(double p) {
        return quantileInterval(p).time();
    }

    /** The p-quantile of T with its bracket; see {@link QuantileSearch}. */
    public Quantile quantileInterval(double p) {
        return new QuantileSearch(this, options).find(p);
    }

    double initialAbsorbedMass() {
        double s = 0;
        for (int i = 0; i < initial.length; i++) {
            if (absorbing[i]) {
                s += initial[i];
            }
        }
        return s;
    }

    double maxExitRate() {
        return stoppedChain().maxExitRate();
    }

    /** The chain with every transition out of A removed (q itself when A's states have none). */
    private synchronized Generator stoppedChain() {
        if (stopped != null) {
            return stopped;
        }
        boolean needCopy = false;
        for (int s = 0; s < absorbing.length && !needCopy; s++) {
            needCopy = absorbing[s] && !q.isAbsorbing(s);
        }
        if (!needCopy) {
            stopped = q;
            return q;
        }
        Generator.Builder b = Generator.builder(q.states(), (int) Math.min(Integer.MAX_VALUE - 8, q.transitions()));
        for (int s = 0; s < q.states(); s++) {
            if (!absorbing[s]) {
                for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                    b.add(s, q.column(k), q.rate(k));
                }
            }
        }
        stopped = b.build();
        return stopped;
    }

    @Override
    public String toString() {
        return "AbsorptionAnalysis[" + q.states() + " states, " + Arrays.stream(absorbedIn).filter(v -> v > 0).count()
                + " absorbing states reached, " + accuracy.summary() + "]";
    }
}
