package org.p2prollout.validation.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.p2prollout.core.InvalidInputException;

/** Finds sweep runners by name: {@code local} is built in, others come from {@link SweepRunnerProvider}s on the class path. */
public final class SweepRunners {
    /** The message when {@code --runner spark} is asked for and the spark module is not on the class path. */
    public static final String SPARK_MISSING = "'runner' spark needs the spark module, which is not on the class path:"
            + " run through ./rollout (it builds the module on first use: mvn -B -pl spark -am package -DskipTests)"
            + " or submit spark/target/rollout-spark.jar with spark-submit (see docs/SWEEPS.md)";

    private SweepRunners() {
    }

    /** Names of every runner that can be opened here, {@code local} first. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        names.add("local");
        for (SweepRunnerProvider p : ServiceLoader.load(SweepRunnerProvider.class)) {
            names.add(p.name());
        }
        return names;
    }

    /**
     * Opens the runner called {@code name}.
     *
     * @throws InvalidInputException naming the known runners when there is none of that name (and,
     *                               for {@code spark}, how to get the module)
     */
    public static SweepRunner open(String name, RunnerOptions options) {
        if (name.equals("local")) {
            if (options.master() != null) {
                throw new InvalidInputException("master is for a cluster runner ('runner' spark); the local runner"
                        + " uses 'threads'");
            }
            return options.threads() > 0 ? new LocalSweepRunner(options.threads()) : LocalSweepRunner.onAllCores();
        }
        for (SweepRunnerProvider p : ServiceLoader.load(SweepRunnerProvider.class)) {
            if (p.name().equals(name)) {
                return p.open(options);
            }
        }
        if (name.equals("spark")) {
            throw new InvalidInputException(SPARK_MISSING);
        }
        throw new InvalidInputException("runner must be one of " + String.join(", ", available())
                + (available().contains("spark") ? "" : " (spark: build the spark module)") + ", got '" + name + "'");
    }
}
