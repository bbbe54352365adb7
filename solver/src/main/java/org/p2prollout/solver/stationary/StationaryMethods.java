package org.p2prollout.solver.stationary;

import java.util.List;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/** The stationary methods by their command-line names, and the default choice by chain size. */
public final class StationaryMethods {
    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("gth", "direct", "power", "jacobi", "gs", "sor", "krylov", "multilevel");

    /** Chains up to this many states default to GTH (exact, about a second at this size). */
    public static final int GTH_DEFAULT_LIMIT = 1500;

    /**
     * SOR's default relaxation, PRISM's default 0.9. Over-relaxation (ω > 1) diverges on some
     * chains (1.1 does on the 30 x 20 open swarm), and then the solver says so.
     */
    public static final double SOR_OMEGA = 0.9;

    private StationaryMethods() {
    }

    public static StationarySolver byName(String name, Convergence convergence, ProgressListener progress) {
        return switch (name) {
            case "gth" -> new Gth();
            case "direct" -> new SparseDirect();
            case "power" -> new Power(convergence, progress);
            case "jacobi" -> new Jacobi(convergence, 0.9, progress);
            case "gs" -> new GaussSeidel(convergence, 1.0, progress);
            case "sor" -> new GaussSeidel(convergence, SOR_OMEGA, progress);
            case "krylov" -> new Krylov(convergence, progress);
            case "multilevel" -> new Multilevel(convergence, progress);
            default -> throw new InvalidInputException("method must be one of " + String.join(", ", NAMES)
                    + ", got '" + name + "'");
        };
    }

    /** GTH for small chains, otherwise multilevel aggregation (fastest on large chains measured). */
    public static String defaultName(Generator q) {
        return q.states() <= GTH_DEFAULT_LIMIT ? "gth" : "multilevel";
    }
}
