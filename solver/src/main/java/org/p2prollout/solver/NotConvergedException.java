package org.p2prollout.solver;

/**
 * An iterative method stopped without meeting its criterion. The message says what was reached
 * (iterations, residual) and what to try; {@link #reached()} gives the same as an {@link Accuracy}.
 * The command line reports it as an internal failure of the method, not as bad input.
 */
public class NotConvergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Accuracy reached;

    /**
     * @param reached what the method reached when it stopped ({@code converged} false)
     * @param advice  what to try, e.g. "raise --max-iterations or use --method krylov"
     */
    public NotConvergedException(Accuracy reached, String advice) {
        super(reached.method() + " did not converge: stopped after " + reached.iterations()
                + " iterations with residual " + String.format(java.util.Locale.ROOT, "%.3g", reached.residual())
                + " (criterion " + reached.criterion() + "); try " + advice);
        this.reached = reached;
    }

    /** What was reached when the method stopped. */
    public Accuracy reached() {
        return reached;
    }
}
