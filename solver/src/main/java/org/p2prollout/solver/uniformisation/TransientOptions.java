package org.p2prollout.solver.uniformisation;

import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Settings of {@link TransientSolver}.
 *
 * @param epsilon              target bound on the 1-norm error of each distribution, in (0, 0.5];
 *                             a quarter goes to each of: Fox–Glynn truncation (which counts twice
 *                             because the kept weights are renormalised), dropped small
 *                             probabilities, and steady-state detection
 * @param uniformisationFactor Λ = factor × max exit rate, {@code >= 1}; PRISM uses 1.02 (a factor
 *                             above 1 keeps every self-loop probability positive, making the
 *                             uniformised chain aperiodic so steady state can be detected)
 * @param steadyStateDetection stop early when the iterates provably stopped changing (see
 *                             {@link TransientSolver})
 * @param dropThreshold        probabilities below this are set to 0 after each step and the mass
 *                             dropped is added to the error bound; NaN (default) picks
 *                             {@code (epsilon/4) / (n × iterations)}, which guarantees the dropped
 *                             mass stays below epsilon/4 a priori; 0 keeps everything (also
 *                             negative rounding residue is then kept)
 * @param threads              worker threads for the matrix–vector products, {@code >= 1}
 * @param maxIterations        refuse problems needing more uniformisation steps than this
 */
public record TransientOptions(double epsilon, double uniformisationFactor, boolean steadyStateDetection,
                               double dropThreshold, int threads, long maxIterations) {
    /** ε 1e-9, Λ = 1.02 × max exit rate, steady-state detection on, automatic drop threshold, all cores, 10^8 steps. */
    public static TransientOptions defaults() {
        return new TransientOptions(1e-9, 1.02, true, Double.NaN, Runtime.getRuntime().availableProcessors(), 100_000_000L);
    }

    public TransientOptions {
        if (!(epsilon > 0 && epsilon <= 0.5)) {
            throw new InvalidInputException("epsilon must be in (0, 0.5], got " + epsilon);
        }
        if (!(uniformisationFactor >= 1) || Double.isInfinite(uniformisationFactor)) {
            throw new InvalidInputException("uniformisation factor must be a finite number >= 1, got " + uniformisationFactor);
        }
        if (!Double.isNaN(dropThreshold)) {
            Checks.nonNegative("drop threshold", dropThreshold);
        }
        Checks.inRange("threads", threads, 1, 1024);
        Checks.inRange("max iterations", maxIterations, 1, Long.MAX_VALUE);
    }

    public TransientOptions withEpsilon(double e) {
        return new TransientOptions(e, uniformisationFactor, steadyStateDetection, dropThreshold, threads, maxIterations);
    }

    public TransientOptions withUniformisationFactor(double f) {
        return new TransientOptions(epsilon, f, steadyStateDetection, dropThreshold, threads, maxIterations);
    }

    public TransientOptions withSteadyStateDetection(boolean on) {
        return new TransientOptions(epsilon, uniformisationFactor, on, dropThreshold, threads, maxIterations);
    }

    public TransientOptions withDropThreshold(double t) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, t, threads, maxIterations);
    }

    public TransientOptions withThreads(int t) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, dropThreshold, t, maxIterations);
    }

    public TransientOptions withMaxIterations(long m) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, dropThreshold, threads, m);
    }
}
