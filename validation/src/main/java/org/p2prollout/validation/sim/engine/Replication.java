package org.p2prollout.validation.sim.engine;

import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;

/** Assembles one replication: fleet, contact source, protocol, world; runs it. */
public final class Replication {
    private Replication() {
    }

    public static ReplicationResult run(Scenario sc, long seed, int replication) {
        RandomStreams streams = new RandomStreams(seed, replication);
        FleetState fleet = new FleetState(sc, streams);
        long csBytes = (long) (fleet.devices - fleet.hostileCount - sc.fleet().initialHolders())
                * IdealDevices.clientServerBytesPerDevice(sc);
        if (sc.baseline() == Baseline.BITTORRENT) {
            return new BitTorrentSwarm(sc, fleet, streams).run(replication, seed, csBytes);
        }
        World world = new World(sc, fleet, streams, sc.baseline() == Baseline.P2P);
        Devices devices = new IdealDevices(sc, fleet, streams, world);
        world.attach(devices, contactSource(sc, streams));
        world.run();
        return world.result(replication, seed, csBytes);
    }

    static ContactSource contactSource(Scenario sc, RandomStreams streams) {
        Scenario.Mobility m = sc.mobility();
        return switch (m.model()) {
            case CONTACT_PROCESS -> new ContactProcessSource(sc.fleet().devices(), m.encounterRate(),
                    m.contactDurationSeconds(), streams.stream(Purpose.ENCOUNTERS));
            default -> throw new UnsupportedOperationException("mobility " + m.model() + " not wired yet");
        };
    }
}
