package org.p2prollout.validation.sweep;

/**
 * A kind of {@link SweepRunner} that lives in another module, found with
 * {@link java.util.ServiceLoader} (file {@code META-INF/services/org.p2prollout.validation.sweep.SweepRunnerProvider}):
 * the {@code spark} module registers one, so that the command line runs sweeps on Spark without
 * depending on it.
 */
public interface SweepRunnerProvider {
    /** The name {@code --runner} selects, e.g. {@code spark}. */
    String name();

    /** Starts a runner (may take seconds: a cluster connection). */
    SweepRunner open(RunnerOptions options);
}
