package org.p2prollout.model.openfleet;

import java.io.IOException;
import java.nio.file.Path;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.ProgressListener;
import org.p2prollout.solver.io.AtomicFile;
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

    private void solve() {
        Generator q = fleet.generator();
        String name = method != null ? method : defaultMethod(q);
        StationaryResult r;
        String failure;
        try {
            r = StationaryMethods.byName(name, convergence, progress).solve(q, fleet.index(0, 0));
            failure = acceptable(q, r) ? null : "stopped with residual " + org.p2prollout.model.text.Quantities.significant(r.accuracy().residual(), 3);
        } catch (org.p2prollout.solver.NotConvergedException e) {
            r = null;
            failure = "did not converge (" + e.reached().summary() + ")";
        }
        String note = "";
        if (failure != null) {
            // a method may stop on its own criterion with a poor answer, or not converge: fall back and say so
            String fallback = q.states() <= DIRECT_LIMIT && !name.equals("direct") ? "direct" : "gs";
            r = StationaryMethods.byName(fallback, convergence, progress).solve(q, fleet.index(0, 0));
            note = "; " + name + " " + failure + ", answer from " + fallback;
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
                r.accuracy().method(), r.accuracy().residual(), r.accuracy().summary() + note);
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
