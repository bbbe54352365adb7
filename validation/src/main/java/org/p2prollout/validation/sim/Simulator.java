package org.p2prollout.validation.sim;

import java.util.List;
import java.util.stream.IntStream;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.Checks;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.engine.Replication;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sweep.SweepRunner;

/**
 * Runs the update protocol (or a baseline) over a scenario's fleet and mobility.
 *
 * <p>{@link #replicate} is a pure function of (scenario, seed, replication index): everything
 * random is drawn from streams derived from those three ({@link RandomStreams}), so a
 * replication can run anywhere (another thread, another machine) and gives the same result.
 * {@link #run} runs R replications in parallel on a {@link SweepRunner} (by default the local
 * cores), so results never depend on where or in which order replications ran.
 * Trace replay reads the trace once per {@link #run} (and once per {@link #replicate} call) and
 * ships its contacts to the runner's workers once, as the map's shared input.
 */
public final class Simulator {
    private Simulator() {
    }

    /** One replication; deterministic in its arguments. */
    public static ReplicationResult replicate(Scenario scenario, long seed, int replication) {
        Checks.inRange("replication", replication, 0, Integer.MAX_VALUE);
        closedOnly(scenario);
        if (scenario.mobility().model() == MobilityModel.TRACE) {
            TraceReplay trace = TraceReplay.load(scenario, ProgressListener.NONE);
            return Replication.run(scenario.withDevices(trace.devices()), seed, replication, trace.contacts());
        }
        // alone, a replication may use a second core for mobility and contact detection
        return Replication.run(scenario, seed, replication, null, ProgressListener.NONE, true);
    }

    /**
     * One replication on the calling thread alone (no second thread for mobility), for runners
     * that already keep every core busy with other replications; the same result as
     * {@link #replicate(Scenario, long, int)}.
     *
     * @param contacts contacts to replay (seconds since release; a trace scenario's
     *                 {@link TraceReplay#contacts()} with the scenario's devices set to the replay's), or
     *                 null for the scenario's own mobility
     */
    public static ReplicationResult replicateOnCallingThread(Scenario scenario, long seed, int replication,
                                                             List<Contact> contacts) {
        Checks.inRange("replication", replication, 0, Integer.MAX_VALUE);
        closedOnly(scenario);
        if (contacts == null && scenario.mobility().model() == MobilityModel.TRACE) {
            throw new org.p2prollout.core.InvalidInputException("a trace scenario replays its trace's contacts:"
                    + " load them with TraceReplay.load and pass them");
        }
        return Replication.run(scenario, seed, replication, contacts);
    }

    /**
     * One replication over the given contacts instead of the scenario's mobility (the devices
     * meet exactly then; times in seconds since release). For hand-checked cases and for
     * replaying contact logs; deterministic in its arguments.
     */
    public static ReplicationResult replicate(Scenario scenario, long seed, int replication, List<Contact> contacts) {
        Checks.inRange("replication", replication, 0, Integer.MAX_VALUE);
        closedOnly(scenario);
        return Replication.run(scenario, seed, replication, List.copyOf(contacts));
    }

    /**
     * Replications {@code 0..R-1} in parallel on the local cores, reported to {@code progress} as
     * they finish. For trace replay the result's scenario has the trace's number of devices.
     *
     * @param replications R, in [1, 100000]
     */
    public static SimulationResult run(Scenario scenario, long seed, int replications, ProgressListener progress) {
        return run(scenario, seed, replications, progress, SweepRunner.local());
    }

    /**
     * As {@link #run(Scenario, long, int, ProgressListener)} on {@code runner}: replication i is
     * {@code Replication.run(scenario, seed, i, contacts)} wherever it runs, so every runner gives
     * the same result.
     */
    public static SimulationResult run(Scenario scenario, long seed, int replications, ProgressListener progress,
                                       SweepRunner runner) {
        Checks.inRange("replications", replications, 1, 100_000);
        closedOnly(scenario);
        Scenario effective = scenario;
        List<Contact> contacts = null;
        if (scenario.mobility().model() == MobilityModel.TRACE) {
            TraceReplay trace = TraceReplay.load(scenario, ProgressListener.NONE);
            effective = scenario.withDevices(trace.devices());
            contacts = trace.contacts();
        }
        Scenario sc = effective;
        if (replications == 1) {
            // one long replication: report its simulated time instead of 0 then 1 of 1
            ReplicationResult only = Replication.run(sc, seed, 0, contacts, progress, true);
            return new SimulationResult(sc, seed, List.of(only), Summary.of(List.of(only)));
        }
        List<Integer> indices = IntStream.range(0, replications).boxed().toList();
        List<ReplicationResult> runs = runner.map(new Replay(sc, contacts), indices,
                (replay, i) -> Replication.run(replay.scenario(), seed, i, replay.contacts()),
                (done, total, what) -> progress.progress(done, total, "replications"));
        return new SimulationResult(sc, seed, runs, Summary.of(runs));
    }

    /** What every replication of a run shares: the scenario and the contacts it replays (null: its own mobility). */
    private record Replay(Scenario scenario, List<Contact> contacts) implements java.io.Serializable {
    }

    /** A rollout has a release time and a fixed fleet; an open fleet is run for its stationary state instead. */
    private static void closedOnly(Scenario scenario) {
        if (scenario.churn().open()) {
            throw new org.p2prollout.core.InvalidInputException("churn.arrivalRate must be 0 for a rollout simulation"
                    + " (got " + scenario.churn().arrivalRate() + "): an open fleet runs with"
                    + " org.p2prollout.validation.sim.churn.OpenFleetSimulator for its stationary state");
        }
    }
}
