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
 * @param method               {@link Method#AUTO} (default): adaptive uniformisation when the initial
 *                             distribution is concentrated on few states (at most
 *                             {@link TransientSolver#ADAPTIVE_SUPPORT_SHARE} of the chain) and no reward is
 *                             asked, else standard; or one of them forced
 */
public record TransientOptions(double epsilon, double uniformisationFactor, boolean steadyStateDetection,
                               double dropThreshold, int threads, long maxIterations, Method method) {
    /** Which uniformisation {@link TransientSolver#solve} uses. */
    public enum Method {
        /** adaptive when the initial support is small against the chain, else standard */
        AUTO,
        /** one rate (factor × the chain's largest exit rate) for the whole horizon */
        STANDARD,
        /** active states only, rate per interval from the states reached ({@link AdaptiveUniformisation}) */
        ADAPTIVE
    }

    /** As the full constructor with {@link Method#AUTO}. */
    public TransientOptions(double epsilon, double uniformisationFactor, boolean steadyStateDetection,
                            double dropThreshold, int threads, long maxIterations) {
        this(epsilon, uniformisationFactor, steadyStateDetection, dropThreshold, threads, maxIterations, Method.AUTO);
    }

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
        if (method == null) {
            throw new InvalidInputException("transient method must be given");
        }
    }

    public TransientOptions withMethod(Method m) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, dropThreshold, threads, maxIterations, m);
    }

    public TransientOptions withEpsilon(double e) {
        return new TransientOptions(e, uniformisationFactor, steadyStateDetection, dropThreshold, threads, maxIterations, method);
    }

    public TransientOptions withUniformisationFactor(double f) {
        return new TransientOptions(epsilon, f, steadyStateDetection, dropThreshold, threads, maxIterations, method);
    }

    public TransientOptions withSteadyStateDetection(boolean on) {
        return new TransientOptions(epsilon, uniformisationFactor, on, dropThreshold, threads, maxIterations, method);
    }

    public TransientOptions withDropThreshold(double t) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, t, threads, maxIterations, method);
    }

    public TransientOptions withThreads(int t) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, dropThreshold, t, maxIterations, method);
    }

    public TransientOptions withMaxIterations(long m) {
        return new TransientOptions(epsilon, uniformisationFactor, steadyStateDetection, dropThreshold, threads, m, method);
    }
}
