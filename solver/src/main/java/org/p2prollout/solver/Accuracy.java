package org.p2prollout.solver;

/**
 * How a numerical result was obtained and how far it can be trusted. Every solver result carries
 * one, in the manner of PRISM's results tagged with their accuracy.
 *
 * @param method     the method's name, e.g. {@code "Gauss-Seidel"} or {@code "GTH"}
 * @param iterations iterations (sweeps, Krylov steps, uniformisation terms) performed; 0 for
 *                   direct methods
 * @param residual   the residual of the answer, for a stationary distribution π the infinity norm
 *                   ‖πQ‖∞ in probability per second (the largest net flow out of one state);
 *                   {@code NaN} when the result has no natural residual
 * @param errorBound a guaranteed bound on the error of every reported probability (e.g. the
 *                   Fox–Glynn truncation error), {@code NaN} when the method gives none
 * @param criterion  the stopping criterion in words, e.g. {@code "relative 1e-06 between
 *                   iterates"} or {@code "exact elimination"}
 * @param converged  whether the criterion was met
 */
public record Accuracy(String method, long iterations, double residual, double errorBound,
                       String criterion, boolean converged) {
    public Accuracy {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method must be named");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (criterion == null) {
            throw new IllegalArgumentException("criterion must be stated");
        }
    }

    /** The accuracy of a direct (non-iterative) method: converged by construction. */
    public static Accuracy direct(String method, double residual) {
        return new Accuracy(method, 0, residual, Double.NaN, "exact elimination", true);
    }

    /** The accuracy of an iterative method. */
    public static Accuracy iterative(String method, long iterations, double residual, String criterion,
                                     boolean converged) {
        return new Accuracy(method, iterations, residual, Double.NaN, criterion, converged);
    }

    /** A copy with another residual (e.g. recomputed on the final answer). */
    public Accuracy withResidual(double newResidual) {
        return new Accuracy(method, iterations, newResidual, errorBound, criterion, converged);
    }

    /** One line, e.g. {@code "Gauss-Seidel: 812 iterations, residual 3.1e-09 (relative 1e-06), converged"}. */
    public String summary() {
        StringBuilder b = new StringBuilder(method).append(": ");
        b.append(iterations).append(iterations == 1 ? " iteration" : " iterations");
        if (!Double.isNaN(residual)) {
            b.append(", residual ").append(String.format(java.util.Locale.ROOT, "%.3g", residual));
        }
        if (!Double.isNaN(errorBound)) {
            b.append(", error bound ").append(String.format(java.util.Locale.ROOT, "%.3g", errorBound));
        }
        b.append(" (").append(criterion).append("), ").append(converged ? "converged" : "NOT converged");
        return b.toString();
    }
}
