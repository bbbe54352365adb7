package org.p2prollout.spark.bench;

import org.p2prollout.spark.SparkSweepRunner;
import org.p2prollout.validation.sweep.RunnerOptions;
import org.p2prollout.validation.sweep.bench.SweepWorkload;

/**
 * The sweep workloads on the Spark runner, embedded on {@code local[*]} (or the {@code spark.master}
 * system property): {@code rollout bench sweep-spark-noop sweep-spark-epidemic} through ./rollout.
 * Compared with {@code sweep-local-*} they give Spark's overhead per point.
 */
public final class SparkSweepWorkloads {
    private SparkSweepWorkloads() {
    }

    public static final class Noop extends SweepWorkload {
        public Noop() {
            super("spark", () -> SparkSweepRunner.open(RunnerOptions.DEFAULT), true);
        }
    }

    public static final class Epidemic extends SweepWorkload {
        public Epidemic() {
            super("spark", () -> SparkSweepRunner.open(RunnerOptions.DEFAULT), false);
        }
    }
}
