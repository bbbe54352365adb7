package org.p2prollout.validation.sweep;

import java.util.Map;

/**
 * How to start a sweep runner.
 *
 * @param threads      local runner: worker threads, or 0 for one per core
 * @param master       cluster runner: where to run, e.g. {@code local[2]}, {@code spark://host:7077},
 *                     {@code yarn}, {@code k8s://https://host:443}; null for the runner's default
 *                     (Spark: the {@code spark.master} that {@code spark-submit} set, else
 *                     {@code local[*]}: embedded in this JVM, nothing installed)
 * @param tasksPerCore cluster runner: tasks per core a {@code map} is cut into (points are grouped,
 *                     since each task costs about a millisecond), &gt;= 1
 * @param conf         cluster runner: extra engine settings, e.g. {@code spark.executor.memory=4g}
 */
public record RunnerOptions(int threads, String master, int tasksPerCore, Map<String, String> conf) {
    /** Tasks per core unless told otherwise: enough to balance uneven points, few enough to amortise task costs. */
    public static final int DEFAULT_TASKS_PER_CORE = 3;

    public static final RunnerOptions DEFAULT = new RunnerOptions(0, null, DEFAULT_TASKS_PER_CORE, Map.of());

    public RunnerOptions {
        conf = Map.copyOf(conf);
    }

    public RunnerOptions withMaster(String m) {
        return new RunnerOptions(threads, m, tasksPerCore, conf);
    }

    public RunnerOptions withThreads(int t) {
        return new RunnerOptions(t, master, tasksPerCore, conf);
    }
}
