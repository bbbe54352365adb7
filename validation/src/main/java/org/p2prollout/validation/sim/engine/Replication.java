package org.p2prollout.validation.sim.engine;

import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.mobility.Area;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.model.mobility.CityParameters;
import org.p2prollout.model.mobility.RandomWalkParameters;
import org.p2prollout.model.mobility.RandomWaypointParameters;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;

/** Assembles one replication: fleet, contact source, protocol, world; runs it. */
public final class Replication {
    private Replication() {
    }

    /**
     * @param contacts contacts to replay instead of the scenario's mobility (times in seconds since
     *                 release), or null to use the scenario's mobility
     */
    public static ReplicationResult run(Scenario sc, long seed, int replication, List<Contact> contacts) {
        return run(sc, seed, replication, contacts, ProgressListener.NONE);
    }

    /** As {@link #run(Scenario, long, int, List)}, reporting simulated time to {@code progress}. */
    public static ReplicationResult run(Scenario sc, long seed, int replication, List<Contact> contacts,
                                        ProgressListener progress) {
        return run(sc, seed, replication, contacts, progress, false);
    }

    /**
     * @param pipelined run synthetic mobility and contact detection on a second thread, ahead of
     *                  the engine (same results, less wall time when a core is free: for single
     *                  replications, not for parallel ones)
     */
    public static ReplicationResult run(Scenario sc, long seed, int replication, List<Contact> contacts,
                                        ProgressListener progress, boolean pipelined) {
        RandomStreams streams = new RandomStreams(seed, replication);
        FleetState fleet = new FleetState(sc, streams);
        long learners = fleet.devices - fleet.hostileCount - sc.fleet().initialHolders();
        if (sc.baseline() == Baseline.BITTORRENT) {
            return new BitTorrentSwarm(sc, fleet, streams).run(replication, seed,
                    learners * IdealDevices.clientServerBytesPerDevice(sc));
        }
        World world = new World(sc, fleet, streams, sc.baseline() == Baseline.P2P);
        Devices devices = sc.protocol().implementation() == Scenario.ProtocolImplementation.REFERENCE
                ? new ReferenceDevices(sc, fleet, streams, world) : new IdealDevices(sc, fleet, streams, world);
        long csBytes = learners * devices.clientServerBytesPerDevice();
        ContactFeed source = contacts != null ? new ContactListSource(contacts, 0) : contactSource(sc, streams);
        if (pipelined && source instanceof GridMobilitySource && sc.server().coverageAreas().isEmpty()) {
            source = new PipelinedSource(source);
        }
        world.attach(devices, source);
        world.reportTo(progress);
        world.run();
        return world.result(replication, seed, csBytes);
    }

    static ContactFeed contactSource(Scenario sc, RandomStreams streams) {
        Scenario.Mobility m = sc.mobility();
        return switch (m.model()) {
            case CONTACT_PROCESS -> new ContactProcessSource(sc.fleet().devices(), m.encounterRate(),
                    m.contactDurationSeconds(), streams.stream(Purpose.ENCOUNTERS));
            case RANDOM_WAYPOINT -> new GridMobilitySource(new RandomWaypointParameters(sc.fleet().devices(),
                    new Area(m.areaWidthMeters(), m.areaHeightMeters()), m.speedMinMetersPerSecond(),
                    m.speedMaxMetersPerSecond(), 0, m.pauseMaxSeconds(), RandomWaypointParameters.Start.STATIONARY, 0)
                    .create(streams.key(Purpose.MOBILITY)), sc.radio().rangeMeters(), m.stepSeconds(), m.durationSeconds());
            case RANDOM_WALK -> new GridMobilitySource(new RandomWalkParameters(sc.fleet().devices(),
                    new Area(m.areaWidthMeters(), m.areaHeightMeters()), m.speedMinMetersPerSecond(),
                    m.speedMaxMetersPerSecond(), m.stepSeconds()).create(streams.key(Purpose.MOBILITY)),
                    sc.radio().rangeMeters(), m.stepSeconds(), m.durationSeconds());
            case CITY -> new GridMobilitySource(new CityParameters(sc.fleet().devices(),
                    new Area(m.areaWidthMeters(), m.areaHeightMeters()), m.blockLengthMeters(), m.parkedShare(),
                    m.speedMinMetersPerSecond(), m.speedMaxMetersPerSecond(), m.pauseMaxSeconds(), 3600)
                    .create(streams.key(Purpose.MOBILITY)), sc.radio().rangeMeters(), m.stepSeconds(), m.durationSeconds());
            case TRACE -> throw new IllegalStateException("trace replay needs the trace's contacts (TraceReplay)");
        };
    }
}
