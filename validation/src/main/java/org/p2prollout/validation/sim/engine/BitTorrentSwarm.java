package org.p2prollout.validation.sim.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.p2prollout.protocol.wire.WireSizes;
import org.p2prollout.validation.sim.ByteKind;
import org.p2prollout.model.contact.ContactStore;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The BitTorrent-like baseline on the same fleet: a tracker that knows every device's pieces,
 * every device reachable from every other (no mobility), rarest-first piece choice by the
 * tracker's global counts, and {@code protocol.uploadSlots} uploads per device at a time.
 *
 * <p>Time advances in rounds of tau = (piece bytes) * slots / (mean bandwidth) seconds, the time
 * one upload slot of a mean device needs for a piece. In each round every serving device with
 * pieces uploads one piece to each of up to {@code slots} random interested devices (the
 * rarest piece the receiver lacks and is not already getting this round); pieces arrive at the
 * end of the round. A device lacking the release reaches the server with probability
 * 1 - exp(-mu tau) per round and then receives all its missing pieces by the end of the round.
 *
 * <p>With instantaneous transfers tau = 0: rounds take no time, so within them no device can reach
 * the server (probability 1 - exp(-mu 0) = 0) and the peers spread whatever they hold at once.
 * Only when a round moves nothing (the swarm holds no piece a covered device lacks) does time
 * advance, to the next server reach, which comes after an exponential time of rate mu times the
 * number of covered devices still lacking pieces; that device, uniform among them, receives all its
 * missing pieces. (Counting a zero-length round as a sure server reach would serve every device
 * but the seed's first few uploads from the server.)
 * Per received piece the receiver sends a request and a tracker announcement; every device
 * fetches the manifest once. Hostile devices do not take part.
 */
final class BitTorrentSwarm {
    private final Scenario sc;
    private final FleetState fleet;
    private final int n;
    private final int k;
    private final SplittableRandom rng;
    private final SplittableRandom installRng;
    private final SplittableRandom serverRng;

    BitTorrentSwarm(Scenario sc, FleetState fleet, RandomStreams streams) {
        this.sc = sc;
        this.fleet = fleet;
        this.n = fleet.devices;
        this.k = sc.release().pieces();
        this.rng = streams.stream(Purpose.PIECE_CHOICE);
        this.installRng = streams.stream(Purpose.INSTALL_FAILURE);
        this.serverRng = streams.stream(Purpose.SERVER);
    }

    ReplicationResult run(int replication, long seed, long clientServerBytes) {
        int slots = sc.protocol().uploadSlots();
        double meanBw = Arrays.stream(fleet.bytesPerSecond).average().orElse(1);
        double tau = sc.radio().instantaneous() ? 0 : sc.release().pieceBytes(0) * slots / meanBw;
        double horizon = sc.mobility().durationSeconds();
        int h = sc.radio().frameHeaderBytes();
        int name = sc.release().name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        // the reference protocol's encodings: an announcement naming the installed version and
        // the download (no met-last list), manifest request and response
        long announce = h + WireSizes.announcement(1, 1, name, k, 0);
        long manifestBytes = (h + WireSizes.MANIFEST_REQUEST) + (h + WireSizes.manifestResponse(name, k));
        double mu = sc.server().rate();
        double pServer = 1 - Math.exp(-mu * tau); // 0 when tau = 0: see the class comment

        BitSet[] has = new BitSet[n];
        int[] count = new int[n];
        int[] avail = new int[k];
        double[] installTime = new double[n];
        Arrays.fill(installTime, Double.NaN);
        double[] energy = new double[n];
        long[] bytes = new long[ByteKind.values().length];
        long serverPieces = 0;
        int[] incomplete = new int[n];
        int incompleteCount = 0;
        int installedCount = 0;
        for (int d = 0; d < n; d++) {
            has[d] = new BitSet(k);
            if (fleet.initialHolder[d]) {
                has[d].set(0, k);
                count[d] = k;
                installTime[d] = 0;
                installedCount++;
                for (int p = 0; p < k; p++) {
                    avail[p]++;
                }
            } else if (!fleet.hostile[d]) {
                incomplete[incompleteCount++] = d;
                bytes[ByteKind.MANIFESTS.ordinal()] += manifestBytes;
                spend(energy, -1, d, manifestBytes);
            }
        }
        int coverageFleet = n - fleet.hostileCount;
        double now = 0;
        long rounds = 0;
        // pending deliveries of this round: (receiver, piece, sender)
        int[] rv = new int[1024];
        int[] rp = new int[1024];
        int[] rs = new int[1024];
        BitSet[] incoming = new BitSet[n];
        while (installedCount < coverageFleet && now + tau <= horizon && incompleteCount > 0) {
            rounds++;
            int pending = 0;
            for (int u = 0; u < n; u++) {
                if (count[u] == 0 || fleet.hostile[u] || fleet.freeRider[u]
                        || sc.fleet().batteryJoules() - energy[u] <= sc.fleet().batteryReserveJoules()) {
                    continue;
                }
                int sent = 0;
                for (int tries = 0; tries < 4 * slots && sent < slots && incompleteCount > 0; tries++) {
                    int v = incomplete[rng.nextInt(incompleteCount)];
                    if (v == u) {
                        continue;
                    }
                    int best = -1;
                    for (int p = has[u].nextSetBit(0); p >= 0; p = has[u].nextSetBit(p + 1)) {
                        if (!has[v].get(p) && (incoming[v] == null || !incoming[v].get(p))
                                && (best < 0 || avail[p] < avail[best])) {
                            best = p;
                        }
                    }
                    if (best < 0) {
                        continue;
                    }
                    if (incoming[v] == null) {
                        incoming[v] = new BitSet(k);
                    }
                    incoming[v].set(best);
                    if (pending == rv.length) {
                        rv = Arrays.copyOf(rv, pending * 2);
                        rp = Arrays.copyOf(rp, pending * 2);
                        rs = Arrays.copyOf(rs, pending * 2);
                    }
                    rv[pending] = v;
                    rp[pending] = best;
                    rs[pending] = u;
                    pending++;
                    sent++;
                }
            }
            now += tau;
            for (int i = 0; i < pending; i++) {
                int v = rv[i];
                int p = rp[i];
                long size = h + WireSizes.piece(sc.release().pieceBytes(p));
                bytes[ByteKind.PEER_PAYLOAD.ordinal()] += size;
                bytes[ByteKind.REQUESTS.ordinal()] += h + WireSizes.PIECE_REQUEST;
                bytes[ByteKind.ANNOUNCEMENTS.ordinal()] += announce;
                spend(energy, rs[i], v, size + h + WireSizes.PIECE_REQUEST);
                spend(energy, v, -1, announce);
                incoming[v] = null;
                if (!has[v].get(p)) {
                    has[v].set(p);
                    count[v]++;
                    avail[p]++;
                }
            }
            // the server, then installs
            for (int i = 0; i < incompleteCount; i++) {
                int v = incomplete[i];
                if (count[v] < k && fleet.covered[v] && pServer > 0 && serverRng.nextDouble() < pServer) {
                    serverPieces += serveAll(v, has, avail, bytes, energy);
                    count[v] = k;
                }
            }
            if (tau == 0 && pending == 0) {
                // instantaneous and stalled: nothing moves until the next server reach
                int eligible = 0;
                for (int i = 0; i < incompleteCount; i++) {
                    if (fleet.covered[incomplete[i]] && count[incomplete[i]] < k) {
                        eligible++;
                    }
                }
                if (mu == 0 || eligible == 0) {
                    break;
                }
                double wait = -Math.log(1 - serverRng.nextDouble()) / (mu * eligible);
                if (now + wait > horizon) {
                    break;
                }
                now += wait;
                int pick = serverRng.nextInt(eligible);
                for (int i = 0; i < incompleteCount; i++) {
                    int v = incomplete[i];
                    if (fleet.covered[v] && count[v] < k && pick-- == 0) {
                        serverPieces += serveAll(v, has, avail, bytes, energy);
                        count[v] = k;
                        break;
                    }
                }
            }
            for (int i = 0; i < incompleteCount; i++) {
                int v = incomplete[i];
                if (count[v] == k) {
                    if (installRng.nextDouble() >= sc.fleet().installFailureProbability()) {
                        installTime[v] = now;
                        installedCount++;
                    }
                    incomplete[i--] = incomplete[--incompleteCount];
                }
            }
        }
        double[] times = Arrays.stream(installTime).filter(t -> !Double.isNaN(t)).sorted().toArray();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ByteKind kind : ByteKind.values()) {
            byKind.put(kind.key(), bytes[kind.ordinal()]);
        }
        long peer = bytes[ByteKind.PEER_PAYLOAD.ordinal()];
        long srv = bytes[ByteKind.SERVER_PAYLOAD.ordinal()];
        long total = Arrays.stream(bytes).sum();
        return new ReplicationResult(replication, seed, sc.baseline(), n, coverageFleet, now, times,
                ReplicationResult.rolloutTime(times, coverageFleet, 0.5),
                ReplicationResult.rolloutTime(times, coverageFleet, 0.9),
                ReplicationResult.rolloutTime(times, coverageFleet, 0.99),
                ReplicationResult.rolloutTime(times, coverageFleet, 1.0), byKind,
                peer + srv == 0 ? Double.NaN : (double) peer / (peer + srv),
                clientServerBytes == 0 ? Double.NaN : (double) total / clientServerBytes, clientServerBytes, energy,
                new TreeMap<>(), 0, serverPieces, 0, rounds, sc.mobility().recordContacts() ? new ContactStore() : null);
    }

    /** The server sends {@code v} every piece it lacks; returns the number of pieces. */
    private int serveAll(int v, BitSet[] has, int[] avail, long[] bytes, double[] energy) {
        int h = sc.radio().frameHeaderBytes();
        int served = 0;
        for (int p = has[v].nextClearBit(0); p < k; p = has[v].nextClearBit(p + 1)) {
            long size = h + WireSizes.piece(sc.release().pieceBytes(p));
            bytes[ByteKind.SERVER_PAYLOAD.ordinal()] += size;
            bytes[ByteKind.REQUESTS.ordinal()] += h + WireSizes.PIECE_REQUEST;
            spend(energy, -1, v, size);
            spend(energy, v, -1, h + WireSizes.PIECE_REQUEST);
            has[v].set(p);
            avail[p]++;
            served++;
        }
        return served;
    }

    private void spend(double[] energy, int from, int to, long count) {
        if (from >= 0) {
            energy[from] += count * sc.fleet().joulesPerByteSent();
        }
        if (to >= 0) {
            energy[to] += count * sc.fleet().joulesPerByteReceived();
        }
    }
}
