package org.p2prollout.solver;

/**
 * How a numerical result was obtained and how far it can be trusted. Every solver result and every
 * swarm-model prediction carries one, in the manner of PRISM's results tagged with their accuracy.
 *
 * <p>An approximation whose error is not bounded (a mean-field ODE, say) has {@code errorBound}
 * {@code NaN} and {@code approximation} true: it never shows a zero error; {@link #errorStatement()}
 * says "approximation, error not bounded".
 *
 * @param method            the method's name, e.g. {@code "Gauss-Seidel"}, {@code "GTH"} or
 *                          {@code "mean-field ODE"}
 * @param iterations        iterations (sweeps, Krylov steps, uniformisation or Fourier terms)
 *                          performed; 0 for direct methods or when not counted
 * @param residual          the residual of the answer, for a stationary distribution π the infinity
 *                          norm ‖πQ‖∞ in probability per second (the largest net flow out of one
 *                          state); {@code NaN} when the result has no natural residual
 * @param errorBound        a bound on the absolute error of every reported probability (e.g. the
 *                          Fox–Glynn truncation error, or a rollout-time CDF's Fourier-series bound),
 *                          {@code NaN} when the method gives none; never negative
 * @param criterion         in words, the stopping criterion (e.g. {@code "relative 1e-06 between
 *                          iterates"}, {@code "exact elimination"}), or for a prediction what the
 *                          figures are exact for or what is approximated
 * @param converged         whether the criterion was met
 * @param quantileTolerance relative width of the bracket each reported quantile lies in,
 *                          {@code NaN} when no quantile is reported or it is not bracketed
 * @param momentError       relative error bound on reported means and standard deviations,
 *                          {@code NaN} when not bounded or not reported
 * @param approximation     true when the result is an approximation of the question asked (not an
 *                          exact method up to the bounds above), e.g. a large-N limit
 */
public record Accuracy(String method, long iterations, double residual, double errorBound,
                       String criterion, boolean converged, double quantileTolerance, double momentError,
                       boolean approximation) {
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
        if (errorBound < 0) {
            throw new IllegalArgumentException("error bound must be >= 0 or NaN, got " + errorBound);
        }
    }

    /** A solver result's accuracy: no quantile tolerance, no moment bound, not an approximation. */
    public Accuracy(String method, long iterations, double residual, double errorBound, String criterion,
                    boolean converged) {
        this(method, iterations, residual, errorBound, criterion, converged, Double.NaN, Double.NaN, false);
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

    /**
     * The accuracy of a prediction computed exactly up to stated bounds.
     *
     * @param cdfError          bound on the absolute error of the CDF (and of the probabilities the
     *                          quantiles are read at), &gt;= 0
     * @param quantileTolerance relative bracket width of each quantile
     * @param momentError       relative error bound on mean and sd
     * @param note              what the figures are exact for
     */
    public static Accuracy bounded(String method, double cdfError, double quantileTolerance, double momentError,
                                   String note) {
        if (!(cdfError >= 0)) {
            throw new IllegalArgumentException("a bounded result needs a CDF error bound >= 0, got " + cdfError);
        }
        return new Accuracy(method, 0, Double.NaN, cdfError, note, true, quantileTolerance, momentError, false);
    }

    /**
     * An approximation whose error is not bounded (e.g. a mean-field limit): error bound, quantile
     * tolerance and moment error are {@code NaN}, {@link #approximation()} is true.
     *
     * @param note what is approximated and why this method was used
     */
    public static Accuracy approximation(String method, String note) {
        return new Accuracy(method, 0, Double.NaN, Double.NaN, note, true, Double.NaN, Double.NaN, true);
    }

    /** A copy with another residual (e.g. recomputed on the final answer). */
    public Accuracy withResidual(double newResidual) {
        return new Accuracy(method, iterations, newResidual, errorBound, criterion, converged, quantileTolerance,
                momentError, approximation);
    }

    /** Whether {@link #errorBound()} is a number (a bound was computed). */
    public boolean isBounded() {
        return !Double.isNaN(errorBound);
    }

    /**
     * The error in words: {@code "CDF error <= 2e-11"} for a bounded result,
     * {@code "approximation, error not bounded"} for an approximation without bound,
     * {@code "error not bounded"} otherwise.
     */
    public String errorStatement() {
        if (isBounded()) {
            return "CDF error <= " + String.format(java.util.Locale.ROOT, "%.2g", errorBound);
        }
        return approximation ? "approximation, error not bounded" : "error not bounded";
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
        } else if (approximation) {
            b.append(", approximation, error not bounded");
        }
        b.append(" (").append(criterion).append("), ").append(converged ? "converged" : "NOT converged");
        return b.toString();
    }
}
