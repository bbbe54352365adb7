package org.p2prollout.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sweep.RunnerOptions;
import org.p2prollout.validation.sweep.SharedSweepFunction;
import org.p2prollout.validation.sweep.SweepFailedException;
import org.p2prollout.validation.sweep.SweepFunction;
import org.p2prollout.validation.sweep.SweepRunner;

/**
 * A {@link SweepRunner} on Apache Spark: each {@code map} is one Spark job over the points, cut
 * into {@code tasksPerCore} tasks per core (a task costs about a millisecond, so one task per point
 * would waste that on cheap points), with the shared input as a broadcast variable: shipped once
 * per executor, not once per task. Results come back in input order ({@code collect} keeps the
 * order of {@code parallelize}). Spark's Java serializer is used for everything (Kryo cannot
 * handle records); points, results and the function must be {@link java.io.Serializable}.
 *
 * <p>Where it runs: {@link RunnerOptions#master()} when given; else the {@code spark.master} that
 * {@code spark-submit} set; else {@code local[*]}, embedded in this JVM with nothing installed
 * (then the web UI is off and the driver binds to 127.0.0.1). On a cluster master without
 * {@code spark.jars} the runner ships the jar it was loaded from ({@code rollout-spark.jar}, which
 * holds every class a point needs) to the executors. Extra settings come from
 * {@link RunnerOptions#conf()} and from {@code spark.*} system properties.
 */
public final class SparkSweepRunner implements SweepRunner {
    /** Runners open in this JVM: they share its one Spark context, which the last to close stops. */
    private static int open;

    private final JavaSparkContext context;
    private final int tasksPerCore;
    private final String master;

    private SparkSweepRunner(JavaSparkContext context, int tasksPerCore) {
        this.context = context;
        this.tasksPerCore = tasksPerCore;
        this.master = context.master();
    }

    /** Starts (or joins, under spark-submit) a Spark context as the options say. */
    public static SparkSweepRunner open(RunnerOptions options) {
        if (options.threads() != 0) {
            throw new InvalidInputException("--threads is for the local runner; give Spark its cores with --master"
                    + " local[N] or the cluster's settings");
        }
        SparkConf conf = configuration(options);
        synchronized (SparkSweepRunner.class) {
            JavaSparkContext jsc;
            try {
                // one context per JVM: a second runner joins the first one's (and its master)
                jsc = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cannot start Spark on " + conf.get("spark.master", "?") + ": "
                        + e.getMessage() + " (check --master and --conf)", e);
            }
            open++;
            return new SparkSweepRunner(jsc, Math.max(1, options.tasksPerCore()));
        }
    }

    /** The configuration {@link #open} starts Spark with. */
    static SparkConf configuration(RunnerOptions options) {
        SparkConf conf = new SparkConf(true).setAppName("rollout sweep");
        conf.set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
            // a cluster's executors need the sweep's classes: ship this jar (rollout-spark.jar holds them all)
            String jar = ownJar();
            if (jar != null) {
                conf.set("spark.jars", jar);
            }
        }
        for (Map.Entry<String, String> e : options.conf().entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        return conf;
    }

    /** The jar this class was loaded from, or null (classes in a folder, as in the module's tests). */
    static String ownJar() {
        try {
            var source = SparkSweepRunner.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            java.nio.file.Path p = java.nio.file.Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toAbsolutePath().toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return Math.max(1, context.defaultParallelism());
    }

    /** Tasks a map of {@code n} points is cut into: a few per core, never more than the points. */
    int tasks(int n) {
        return (int) Math.max(1, Math.min(n, (long) parallelism() * tasksPerCore));
    }

    @Override
    public <P, R> List<R> map(List<P> points, SweepFunction<P, R> f, ProgressListener progress) {
        return run(points, null, f, null, progress);
    }

    @Override
    public <S, P, R> List<R> map(S shared, List<P> points, SharedSweepFunction<S, P, R> f, ProgressListener progress) {
        return run(points, shared, null, f, progress);
    }

    private <S, P, R> List<R> run(List<P> points, S shared, SweepFunction<P, R> plain, SharedSweepFunction<S, P, R> f,
                                  ProgressListener progress) {
        int n = points.size();
        if (n == 0) {
            return List.of();
        }
        progress.progress(0, n, "points");
        try {
            return submit(points, shared, plain, f, progress);
        } catch (IllegalStateException e) {
            if (context.sc().isStopped()) {
                // e.g. a cluster that removed the application after its executors failed to start
                throw new SweepFailedException("Spark stopped before the sweep finished (on " + master + "): "
                        + firstLine(e.getMessage()) + "; see the Spark master's and workers' logs", e);
            }
            throw e;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private <S, P, R> List<R> submit(List<P> points, S shared, SweepFunction<P, R> plain,
                                     SharedSweepFunction<S, P, R> f, ProgressListener progress) {
        int n = points.size();
        Broadcast<S> broadcast = f != null ? context.broadcast(shared) : null;
        LongAccumulator finished = context.sc().longAccumulator("sweep points");
        JavaRDD<P> rdd = context.parallelize(new ArrayList<>(points), tasks(n));
        JavaRDD<R> results = rdd.mapPartitions(part -> apply(part, broadcast, plain, f, finished));
        try {
            JavaFutureAction<List<R>> job = results.collectAsync();
            while (true) {
                try {
                    List<R> out = job.get(200, TimeUnit.MILLISECONDS);
                    progress.progress(n, n, "points");
                    return java.util.Collections.unmodifiableList(new ArrayList<>(out));
                } catch (TimeoutException e) {
                    progress.progress(Math.min(n, finished.value()), n, "points");
                } catch (InterruptedException e) {
                    job.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new SweepFailedException("interrupted while Spark ran the sweep", e);
                } catch (ExecutionException e) {
                    throw failure(e);
                }
            }
        } finally {
            if (broadcast != null) {
                broadcast.destroy();
            }
        }
    }

    /** The work of one task: its points in order. Static, so that the closure holds no runner. */
    private static <S, P, R> Iterator<R> apply(Iterator<P> part, Broadcast<S> broadcast, SweepFunction<P, R> plain,
                                               SharedSweepFunction<S, P, R> f, LongAccumulator finished)
            throws Exception {
        S s = broadcast != null ? broadcast.value() : null;
        List<R> out = new ArrayList<>();
        while (part.hasNext()) {
            P p = part.next();
            out.add(plain != null ? plain.apply(p) : f.apply(s, p));
        }
        finished.add(out.size());
        return out.iterator();
    }

    /** The point's own exception when Spark carried it back (our exceptions are serialisable), else Spark's. */
    static RuntimeException failure(ExecutionException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (!(c instanceof org.apache.spark.SparkException) && c instanceof RuntimeException r
                    && !c.getClass().getName().startsWith("org.apache.spark.")) {
                return r;
            }
        }
        return new SweepFailedException("Spark could not run the sweep: " + t.getMessage(), t);
    }

    private boolean closed;

    @Override
    public void close() {
        synchronized (SparkSweepRunner.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--open == 0) {
                context.stop();
            }
        }
    }

    @Override
    public String toString() {
        return "spark runner on " + master + " (" + parallelism() + " cores, " + tasksPerCore + " tasks per core)";
    }
}
