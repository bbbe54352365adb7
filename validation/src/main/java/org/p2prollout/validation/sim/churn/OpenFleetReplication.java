package org.p2prollout.validation.sim.churn;

import java.io.Serializable;
import java.util.List;

/**
 * One replication of an open fleet: batch means after the warm-up, and totals over the whole run
 * from which the rates actually realised can be read back (e.g. the encounter rate per online pair).
 *
 * @param replication             replication index
 * @param batchSeconds            length of each batch, seconds
 * @param meanLacking             per batch: time average of x, online devices lacking the update
 * @param meanHolding             per batch: time average of y, online holders (sharing)
 * @param serverDownloadsPerSecond per batch: downloads from the server per second
 * @param peerDownloadsPerSecond  per batch: downloads from peers per second
 * @param seconds                 whole run, seconds (warm-up included)
 * @param arrivals                devices arriving, whole run (those lost at the cap included)
 * @param arrivalsLost            arrivals refused because {@code fleet.devices} slots were all online (the cap)
 * @param lackingLeft             devices that went offline lacking the update
 * @param holdersLeft             holders that stopped sharing
 * @param serverDownloads         downloads from the server, whole run
 * @param peerDownloads           downloads from peers, whole run
 * @param encounters              encounters between online devices (any pair), whole run
 * @param lackingSeconds          integral of x over the run, device-seconds
 * @param holdingSeconds          integral of y over the run, device-seconds
 * @param onlinePairSeconds       integral of n(n-1)/2 over the run (n = x + y), pair-seconds
 * @param maxOnline               largest number of devices online at once
 */
public record OpenFleetReplication(int replication, double batchSeconds, List<Double> meanLacking,
        List<Double> meanHolding, List<Double> serverDownloadsPerSecond, List<Double> peerDownloadsPerSecond,
        double seconds, long arrivals, long arrivalsLost, long lackingLeft, long holdersLeft, long serverDownloads,
        long peerDownloads, long encounters, double lackingSeconds, double holdingSeconds, double onlinePairSeconds,
        int maxOnline) implements Serializable {
    public OpenFleetReplication {
        meanLacking = List.copyOf(meanLacking);
        meanHolding = List.copyOf(meanHolding);
        serverDownloadsPerSecond = List.copyOf(serverDownloadsPerSecond);
        peerDownloadsPerSecond = List.copyOf(peerDownloadsPerSecond);
    }
}
