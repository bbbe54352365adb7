package org.p2prollout.validation.sim.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;
import org.p2prollout.validation.sim.scenario.ScenarioBuilder;

/**
 * One replication of a single-piece epidemic over random-waypoint mobility: the simulator's
 * speed reference. {@link #hour2000()}: 2,000 devices for a simulated hour (goal under 2 s; the
 * ONE simulator takes about 33 s for a comparable run). {@link #day100k()}: 100,000 devices for
 * a simulated day (goal under 2 minutes within 4 GB of heap).
 */
public class SimulateWorkload implements Workload {
    private final String name;
    private final String description;
    private final Scenario scenario;

    SimulateWorkload(String name, String description, Scenario scenario) {
        this.name = name;
        this.description = description;
        this.scenario = scenario;
    }

    /** 2,000 devices, 5 km square, 1-10 m/s, r = 100 m, Δ = 10 s, one hour, 1 MB in one piece. */
    public static SimulateWorkload hour2000() {
        return new SimulateWorkload("simulate-2000-hour",
                "2,000 devices, random waypoint 5x5 km, 1 h, single-piece epidemic (goal < 2 s; ONE ~33 s)",
                epidemic(2000, 5000, 3600, 10).build());
    }

    /** 100,000 devices, 200 km square (a region: about a dozen contacts per device and hour), Δ = 30 s, one day. */
    public static SimulateWorkload day100k() {
        return new SimulateWorkload("simulate-100k-day",
                "100,000 devices, random waypoint 200x200 km, 24 h, single-piece epidemic (goal < 120 s, -Xmx4g)",
                epidemic(100_000, 200_000, 86_400, 30).build());
    }

    private static ScenarioBuilder epidemic(int devices, double side, double seconds, double step) {
        return Scenario.builder().devices(devices).initialHolders(1).mobility(MobilityModel.RANDOM_WAYPOINT)
                .area(side).speedMinMetersPerSecond(1).speedMaxMetersPerSecond(10).pauseMaxSeconds(60)
                .stepSeconds(step).durationSeconds(seconds).rangeMeters(100).bandwidth(250_000).sizeBytes(1_000_000)
                .pieces(1).implementation(ProtocolImplementation.IDEAL).recordContacts(true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        ReplicationResult r = Simulator.replicate(scenario, 1, 0);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("devices", r.devices());
        facts.put("contacts", r.contactCount());
        facts.put("events", r.events());
        facts.put("installed", r.installs());
        facts.put("T50", r.t50());
        facts.put("T90", r.t90());
        facts.put("peerPayloadBytes", r.bytes().get("peerPayload"));
        return facts;
    }

    /** {@code simulate-2000-hour}, for the service loader. */
    public static final class Hour2000 extends SimulateWorkload {
        public Hour2000() {
            super(hour2000().name, hour2000().description, hour2000().scenario);
        }
    }

    /** {@code simulate-100k-day}, for the service loader. */
    public static final class Day100k extends SimulateWorkload {
        public Day100k() {
            super(day100k().name, day100k().description, day100k().scenario);
        }
    }
}
