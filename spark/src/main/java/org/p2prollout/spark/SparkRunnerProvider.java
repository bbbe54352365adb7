package org.p2prollout.spark;

import org.p2prollout.validation.sweep.RunnerOptions;
import org.p2prollout.validation.sweep.SweepRunner;
import org.p2prollout.validation.sweep.SweepRunnerProvider;

/** Registers {@link SparkSweepRunner} as {@code --runner spark} (META-INF/services). */
public final class SparkRunnerProvider implements SweepRunnerProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepRunner open(RunnerOptions options) {
        return SparkSweepRunner.open(options);
    }
}
