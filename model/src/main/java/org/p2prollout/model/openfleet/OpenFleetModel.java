package org.p2prollout.model.openfleet;

import java.io.IOException;
import java.nio.file.Path;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.core.AtomicFile;
import org.p2prollout.solver.stationary.Convergence;
import org.p2prollout.solver.stationary.StationaryMethods;
import org.p2prollout.solver.stationary.StationaryResult;

/**
 * Solves an {@link OpenFleet} for its stationary distribution with the solver module's stationary
 * methods (GTH up to 1,500 states, sparse LU up to 100,000, the solver's default for large chains beyond
 * (multilevel), or the method named) and reads off the figures of {@link SteadyState}. The residual ||pi Q|| of the answer is
 * checked: when a method stops on its own criterion with a residual above 1e-9 of the fastest exit
 * rate, the answer is recomputed with sparse LU (or Gauss-Seidel) and the accuracy says so.
 */
public final class OpenFleetModel {
    private final OpenFleet fleet;
    private final String method;
    private final Convergence convergence;
    private final ProgressListener progress;
    private double[] distribution;
    private SteadyState steady;

    /**
     * @param method one of {@link StationaryMethods#NAMES}, or null for the default by size
     */
    public OpenFleetModel(OpenFleet fleet, String method, Convergence convergence, ProgressListener progress) {
        this.fleet = fleet;
        this.method = method;
        this.convergence = convergence;
        this.progress = progress;
    }

    public OpenFleetModel(OpenFleet fleet) {
        this(fleet, null, Convergence.relative(1e-10), ProgressListener.NONE);
    }

    public OpenFleet fleet() {
        return fleet;
    }

    /** The stationary figures (solved once, then cached). */
    public synchronized SteadyState steadyState() {
        if (steady == null) {
            solve();
        }
        return steady;
    }

    /** Stationary probability by state index {@link OpenFleet#index} (a copy). */
    public synchronized double[] distribution() {
        if (steady == null) {
            solve();
        }
        return distribution.clone();
    }

    /** Most states {@code --method gth} is given: it is dense (states² doubles, states³ work). */
    public static final int GTH_MAX_STATES = 5_000;
    /**
     * Work bound of the iterative methods, in generator entries swept: the iteration limit is
     * lowered to this divided by the transitions (at least 1,000 sweeps), so that a truncated chain of
     * 40,000 states stops after about 30,000 Gauss-Seidel sweeps rather than 100,000 (101 s measured).
     */
    public static final double MAX_ENTRY_SWEEPS = 5e9;

    /**
     * Solves with the method named, or the default by size. Iterative methods stop when no
     * probability changes by more than epsilon between sweeps (absolute: a relative criterion
     * never settles on the 1e-300 probabilities of states far from the mass, and made Gauss-Seidel
     * report "did not converge" at residual 2.45e-16), and whatever the method, the answer is
     * accepted only when its residual passes {@link #acceptable}. A method that was named is the
     * method used: if it fails, this says so ({@link NotConvergedException}) instead of answering
     * with another one; only the default may fall back, and the accuracy then says so.
     */
    private void solve() {
        Generator q = fleet.generator();
        boolean named = method != null;
        String name = named ? method : defaultMethod(q);
        if (name.equals("gth") && q.states() > GTH_MAX_STATES) {
            throw new org.p2prollout.core.InvalidInputException("'method' gth is dense (states^2 memory, states^3 work):"
                    + " at most " + GTH_MAX_STATES + " states, got " + q.states() + " (('maxLacking' + 1) x ('maxHolding' + 1));"
                    + " use direct, gs or multilevel, or smaller bounds");
        }
        long sweeps = Math.max(1_000, (long) (MAX_ENTRY_SWEEPS / Math.max(1, q.transitions())));
        Convergence c = new Convergence(convergence.epsilon(), false, Math.min(convergence.maxIterations(), sweeps));
        Attempt first = attempt(q, name, c);
        StationaryResult r = first.result;
        String note = "";
        if (first.failure != null) {
            if (named) {
                throw notConverged(first, "'method' " + name);
            }
            String fallback = q.states() <= DIRECT_LIMIT && !name.equals("direct") ? "direct" : "gs";
            Attempt second = attempt(q, fallback, c);
            if (second.failure != null) {
                throw notConverged(second, "the default " + name + " (" + first.failure + ") and then " + fallback);
            }
            r = second.result;
            note = "; " + name + " " + first.failure + ", answer from " + fallback;
        }
        double[] pi = r.distribution();
        int yMax = fleet.maxHolding();
        double ex = 0;
        double ey = 0;
        double exy = 0;
        double atX = 0;
        double atY = 0;
        double atBoth = 0;
        for (int x = 0; x <= fleet.maxLacking(); x++) {
            for (int y = 0; y <= yMax; y++) {
                double p = pi[fleet.index(x, y)];
                ex += p * x;
                ey += p * y;
                exy += p * x * y;
                if (x == fleet.maxLacking()) {
                    atX += p;
                }
                if (y == yMax) {
                    atY += p;
                }
                if (x == fleet.maxLacking() && y == yMax) {
                    atBoth += p;
                }
            }
        }
        double server = fleet.serverRate() * ex;
        double peer = fleet.success() * fleet.rate() * exy;
        distribution = pi;
        steady = new SteadyState(ex, ey, ex + ey > 0 ? ey / (ex + ey) : 0, server, peer,
                server + peer > 0 ? peer / (server + peer) : 0, atX + atY - atBoth, atX, atY, q.states(),
                r.accuracy().method(), q.residual(pi), r.accuracy().withResidual(q.residual(pi)).summary() + note);
    }

    /** A method's answer, or why it was not accepted (then {@code result} may be null). */
    private record Attempt(String name, StationaryResult result, org.p2prollout.solver.Accuracy reached, String failure) {
    }

    private Attempt attempt(Generator q, String name, Convergence c) {
        try {
            StationaryResult r = StationaryMethods.byName(name, c, progress).solve(q, fleet.index(0, 0));
            double res = q.residual(r.distribution());
            return new Attempt(name, r, r.accuracy().withResidual(res), acceptable(q, r) ? null
                    : String.format(java.util.Locale.ROOT, "stopped with residual %.3g (accepted: <= %.3g, 1e-9 of the"
                            + " fastest exit rate)", res, 1e-9 * q.maxExitRate()));
        } catch (org.p2prollout.solver.NotConvergedException e) {
            return new Attempt(name, null, e.reached(), "did not converge (" + e.reached().summary() + ")");
        }
    }

    /** The failure in steady's own terms: what was reached, and the options steady has. */
    private NotConvergedException notConverged(Attempt a, String what) {
        org.p2prollout.solver.Accuracy reached = a.reached;
        return new NotConvergedException(new org.p2prollout.solver.Accuracy(what, reached.iterations(), reached.residual(),
                reached.errorBound(), reached.criterion() + "; " + a.failure, false),
                "another 'method' (direct, gs, multilevel; gth up to " + GTH_MAX_STATES + " states), a looser 'epsilon',"
                        + " or smaller 'maxLacking' / 'maxHolding'");
    }

    /** Chains up to this size default to the sparse direct method (exact elimination). */
    public static final int DIRECT_LIMIT = 100_000;

    /** GTH up to 1,500 states, sparse LU up to {@link #DIRECT_LIMIT}, beyond it the solver's default for large chains. */
    static String defaultMethod(Generator q) {
        if (q.states() <= StationaryMethods.GTH_DEFAULT_LIMIT) {
            return "gth";
        }
        return q.states() <= DIRECT_LIMIT ? "direct" : StationaryMethods.defaultName(q);
    }

    /** Residual ||pi Q||_inf small against the fastest exit rate (1e-9 relative). */
    static boolean acceptable(Generator q, StationaryResult r) {
        double res = q.residual(r.distribution());
        return res <= 1e-9 * Math.max(q.maxExitRate(), Double.MIN_NORMAL);
    }

    /** Writes the stationary distribution as CSV {@code x,y,probability} (atomically). */
    public void writeDistribution(Path file) throws IOException {
        double[] pi = distribution();
        AtomicFile.writeText(file, w -> {
            w.write("x,y,probability\n");
            for (int x = 0; x <= fleet.maxLacking(); x++) {
                for (int y = 0; y <= fleet.maxHolding(); y++) {
                    w.write(x + "," + y + "," + Double.toString(pi[fleet.index(x, y)]) + "\n");
                }
            }
        });
    }
}
