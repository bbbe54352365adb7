package org.p2prollout.solver;

/**
 * A numerical method (an iterative solver, a series, an ODE integration run to a target) stopped
 * without meeting its criterion. The message says what was reached (iterations, residual, or the
 * level reached) and what to try; {@link #reached()} gives the same as an {@link Accuracy}.
 * The command line reports it with exit code 1 and this message, neither as bad input nor as an
 * internal error; validation reports the case as not run with this message.
 */
public class NotConvergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Accuracy reached;

    /**
     * @param reached what the method reached when it stopped ({@code converged} false)
     * @param advice  what to try, naming parameters in quotes, e.g. "raise 'maxIterations' or use 'method' krylov"
     */
    public NotConvergedException(Accuracy reached, String advice) {
        super(reached.method() + " did not converge: stopped after " + reached.iterations()
                + " iterations with residual " + String.format(java.util.Locale.ROOT, "%.3g", reached.residual())
                + " (criterion " + reached.criterion() + "); try " + advice);
        this.reached = reached;
    }

    /**
     * For a method whose progress is not an iteration count and a residual (e.g. an ODE that did
     * not reach its target level by the end of its horizon).
     *
     * @param reached what the method reached when it stopped ({@code converged} false)
     * @param whatReached in words, what was reached, e.g. "0.41 of the devices by t = 1e9 s"
     * @param advice  what to try
     */
    public NotConvergedException(Accuracy reached, String whatReached, String advice) {
        super(reached.method() + " did not converge: " + whatReached + " (criterion " + reached.criterion()
                + "); try " + advice);
        this.reached = reached;
    }

    /** What was reached when the method stopped. */
    public Accuracy reached() {
        return reached;
    }
}
