package org.p2prollout.validation.sim.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.p2prollout.model.contact.ContactListener;
import org.p2prollout.model.contact.PairMap;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.ByteKind;
import org.p2prollout.model.contact.ContactStore;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * One replication's discrete-event world: the event loop, radio links that carry the protocol's
 * frames one at a time per direction, server sessions, batteries and the byte accounting.
 *
 * <p>Event order at equal times (then insertion order): transfer completions, contact starts,
 * contact-source wake-ups, contact ends, server reaches. So a frame whose last byte arrives
 * exactly when the contact ends is delivered, frames that take no time (instantaneous
 * radio) all go through before a contact of zero duration ends, and a contact [s, e] is up at
 * both its ends: a contact a source reports as starting at the instant another of the same device
 * ends (touching contacts, common on a resampling grid) is open before that one closes, so with
 * instantaneous transfers an update relays across the instant, as the trace truth's earliest
 * arrival says ({@code org.p2prollout.model.spread.EarliestArrival}; checked by
 * IdealReplayMatchesTraceTruthTest). Contacts of one pair that overlap or touch are one link, up
 * until the last of them ends.
 */
public final class World implements Air, ContactListener {
    // event types
    private static final int TRANSFER = 0;
    private static final int CONTACT_START = 1;
    private static final int CONTACT_END = 2;
    private static final int SOURCE = 3;
    private static final int SERVER_REACH = 4;
    // their order at equal times (lower first)
    private static final int TRANSFER_FIRST = 0;
    private static final int CONTACT_START_SECOND = 1;
    private static final int SOURCE_THIRD = 2;
    private static final int CONTACT_END_FOURTH = 3;
    private static final int SERVER_REACH_LAST = 4;

    private final Scenario sc;
    private final int n;
    private final int server;
    private final FleetState fleet;
    private final EventQueue queue = new EventQueue();
    /** Open links: device pair to link slot (no boxing; pair keys hash well). */
    private final PairMap links = new PairMap();
    private final List<Link> slots = new ArrayList<>();
    private final ArrayDeque<Link> free = new ArrayDeque<>();
    private final long[] bytes = new long[ByteKind.values().length];
    private final double[] energy;
    private final double[] installTime;
    private final double horizon;
    private final boolean instantaneous;
    private final SplittableRandom serverRng;
    private final ContactStore log;
    private final boolean peersTalk;
    private Devices devices;
    private ContactFeed source;
    private double now;
    private int coveredInstalled;
    private final int coverageFleet;
    private long contacts;
    private long events;
    private long serverPieces;
    private ProgressListener progress = ProgressListener.NONE;

    /**
     * @param peersTalk false for the client-server baseline: contacts are logged but carry nothing
     */
    public World(Scenario sc, FleetState fleet, RandomStreams streams, boolean peersTalk) {
        this.sc = sc;
        this.fleet = fleet;
        this.n = fleet.devices;
        this.server = n;
        this.peersTalk = peersTalk;
        this.energy = new double[n];
        this.installTime = new double[n];
        Arrays.fill(installTime, Double.NaN);
        this.horizon = sc.mobility().durationSeconds();
        this.instantaneous = sc.radio().instantaneous();
        this.serverRng = streams.stream(Purpose.SERVER);
        this.log = sc.mobility().recordContacts() ? new ContactStore() : null;
        this.coverageFleet = n - fleet.hostileCount;
    }

    /** Attaches the protocol and the contact source; call once before {@link #run}. */
    public void attach(Devices protocol, ContactFeed contactSource) {
        this.devices = protocol;
        this.source = contactSource;
    }

    /** Reports simulated time (whole seconds of the horizon) as the run advances, about every 1 %. */
    public void reportTo(ProgressListener listener) {
        this.progress = listener;
    }

    /**
     * Runs until the horizon, or, when no contact log is kept, until every honest device installed
     * or gave the release up (checked every 65,536 events).
     */
    public void run() {
        for (int d = 0; d < n; d++) {
            if (fleet.initialHolder[d]) {
                installed(d);
            }
        }
        double mu = sc.server().rate();
        if (mu > 0) {
            for (int d = 0; d < n; d++) {
                if (fleet.covered[d] && !fleet.hostile[d] && devices.needsServer(d)) {
                    scheduleServerReach(d, mu);
                }
            }
        }
        try {
            loop();
        } finally {
            if (source != null) {
                source.close();
            }
        }
    }

    private void loop() {
        if (source != null) {
            scheduleSource();
        }
        long total = (long) Math.ceil(horizon);
        double nextReport = horizon / 100;
        while (!queue.isEmpty() && queue.peekTime() <= horizon) {
            if (log == null && (coveredInstalled == coverageFleet || (events & 0xFFFF) == 0xFFFF && settled())) {
                break;
            }
            queue.poll();
            now = queue.headTime;
            if (now >= nextReport) {
                progress.progress(Math.min(total, (long) now), total, "simulated seconds");
                nextReport = now + horizon / 100;
            }
            events++;
            switch (queue.headType) {
                case TRANSFER -> transferDone(slots.get(queue.headA), queue.headB, queue.headC);
                case CONTACT_END -> contactEnd(queue.headA, queue.headB);
                case SOURCE -> {
                    source.advance(this);
                    scheduleSource();
                }
                case CONTACT_START -> contactStart(queue.headA, queue.headB);
                case SERVER_REACH -> serverReach(queue.headA);
                default -> throw new IllegalStateException("unknown event type " + queue.headType);
            }
        }
        double stop = log == null && (coveredInstalled == coverageFleet || settled()) ? now : horizon;
        if (log != null) {
            for (int s = 0; s < links.capacity(); s++) {
                if (links.keyAt(s) < 0) {
                    continue;
                }
                Link l = slots.get((int) links.valueAt(s));
                if (!l.server) {
                    log.addPair(l.a, l.b, l.since, stop);
                }
            }
        }
        now = stop;
        progress.progress(total, total, "simulated seconds");
    }

    /** Every honest device installed or gave the release up (failed install, refusal): nothing more can change. */
    private boolean settled() {
        for (int d = 0; d < n; d++) {
            if (!fleet.hostile[d] && Double.isNaN(installTime[d]) && devices.needsServer(d)) {
                return false;
            }
        }
        return true;
    }

    private void scheduleSource() {
        double t = source.nextTime();
        if (t <= horizon) {
            queue.add(Math.max(t, now), SOURCE_THIRD, SOURCE, 0, 0, 0);
        }
    }

    private void scheduleServerReach(int d, double mu) {
        double t = now - Math.log(1 - serverRng.nextDouble()) / mu;
        if (t <= horizon) {
            queue.add(t, SERVER_REACH_LAST, SERVER_REACH, d, 0, 0);
        }
    }

    // ---- contact events (ContactListener: called by sources)

    @Override
    public void contactStarted(int a, int b, double time) {
        queue.add(Math.max(time, now), CONTACT_START_SECOND, CONTACT_START, Math.min(a, b), Math.max(a, b), 0);
    }

    @Override
    public void contactEnded(int a, int b, double time) {
        queue.add(Math.max(time, now), CONTACT_END_FOURTH, CONTACT_END, Math.min(a, b), Math.max(a, b), 0);
    }

    private void contactStart(int a, int b) {
        Link up = link(a, b);
        if (up != null) {
            up.contacts++; // a source reporting an overlapping or touching contact: the link stays up
            return;
        }
        contacts++;
        Link l = open(a, b, false);
        l.contacts = 1;
        l.bytesPerSecond = instantaneous ? Double.POSITIVE_INFINITY
                : Math.min(fleet.bytesPerSecond[a], fleet.bytesPerSecond[b]);
        if (peersTalk) {
            devices.linkUp(a, b);
        }
    }

    private void contactEnd(int a, int b) {
        Link l = link(a, b);
        if (l == null || l.server) {
            return;
        }
        if (--l.contacts > 0) {
            return; // another contact of the pair is still up
        }
        if (log != null) {
            log.addPair(a, b, l.since, now);
        }
        // a frame whose last byte is due now (up to rounding in the sum of transfer times) arrives
        for (int dir = 0; dir < 2 && l.up; dir++) {
            Frame f = l.current[dir];
            if (f != null && l.sendingSince[dir] + f.bytes() / l.bytesPerSecond <= now + 1e-9) {
                transferDone(l, dir, l.generation);
                dir = -1; // the delivery may have started another frame in either direction
            }
        }
        if (l.up) {
            close(l);
        }
    }

    private void serverReach(int d) {
        if (!devices.needsServer(d) || links.find(key(d, server)) >= 0) {
            return;
        }
        if (!insideCoverage(d)) {
            scheduleServerReach(d, sc.server().rate()); // out of coverage: try again later
            return;
        }
        Link l = open(d, server, true);
        l.bytesPerSecond = instantaneous ? Double.POSITIVE_INFINITY : sc.server().bytesPerSecond();
        devices.linkUp(d, server);
        endServerSessionIfDone(l);
    }

    private boolean insideCoverage(int d) {
        List<Scenario.CoverageArea> areas = sc.server().coverageAreas();
        if (areas.isEmpty() || source == null || source.positions() == null) {
            return true;
        }
        double[][] p = source.positions();
        for (Scenario.CoverageArea a : areas) {
            if (a.contains(p[0][d], p[1][d])) {
                return true;
            }
        }
        return false;
    }

    private void endServerSessionIfDone(Link l) {
        if (l.up && l.server && l.idle()) {
            int d = l.a;
            close(l);
            if (devices.needsServer(d)) {
                scheduleServerReach(d, sc.server().rate());
            }
        }
    }

    // ---- links

    private static long key(int a, int b) {
        return a < b ? PairMap.key(a, b) : PairMap.key(b, a);
    }

    private Link link(int a, int b) {
        int slot = links.find(key(a, b));
        return slot < 0 ? null : slots.get((int) links.valueAt(slot));
    }

    private Link open(int a, int b, boolean toServer) {
        Link l = free.isEmpty() ? new Link(slots.size()) : free.pop();
        if (l.id == slots.size()) {
            slots.add(l);
        }
        l.a = Math.min(a, b);
        l.b = Math.max(a, b);
        l.up = true;
        l.server = toServer;
        l.since = now;
        links.put(key(a, b), l.id);
        return l;
    }

    private void close(Link l) {
        for (int dir = 0; dir < 2; dir++) {
            Frame f = l.current[dir];
            if (f != null) {
                double sent = Math.min(f.bytes(), (now - l.sendingSince[dir]) * l.bytesPerSecond);
                long cut = (long) Math.floor(sent + 1e-6); // the guard absorbs rounding in sums of transfer times
                ByteKind kind = f.kind() == Frame.Kind.PIECE ? ByteKind.PARTIAL_LOST : kindOf(f, l);
                bytes[kind.ordinal()] += cut;
                spend(l.sender(dir), l.receiver(dir), cut);
                l.current[dir] = null;
            }
            if (l.queue[dir] != null) {
                l.queue[dir].clear();
            }
        }
        l.up = false;
        l.generation++;
        links.remove(key(l.a, l.b));
        free.push(l);
        if (l.server) {
            devices.linkDown(l.a, l.b);
        } else if (peersTalk) {
            devices.linkDown(l.a, l.b);
        }
    }

    // ---- Air

    @Override
    public double now() {
        return now;
    }

    @Override
    public void send(int from, int to, Frame frame) {
        Link l = link(from, to);
        if (l == null) {
            return;
        }
        int dir = l.direction(from);
        if (l.current[dir] == null) {
            transmit(l, dir, frame);
        } else {
            if (l.queue[dir] == null) {
                l.queue[dir] = new ArrayDeque<>(4);
            }
            l.queue[dir].add(frame);
        }
    }

    private void transmit(Link l, int dir, Frame f) {
        l.current[dir] = f;
        l.sendingSince[dir] = now;
        double duration = f.bytes() / l.bytesPerSecond;
        queue.add(now + duration, TRANSFER_FIRST, TRANSFER, l.id, dir, l.generation);
    }

    private void transferDone(Link l, int dir, int generation) {
        if (!l.up || l.generation != generation) {
            return;
        }
        Frame f = l.current[dir];
        l.current[dir] = null;
        int from = l.sender(dir);
        int to = l.receiver(dir);
        spend(from, to, f.bytes());
        boolean accepted = devices.deliver(from, to, f);
        ByteKind kind = accepted ? kindOf(f, l) : (f.kind() == Frame.Kind.PIECE ? ByteKind.REJECTED : kindOf(f, l));
        bytes[kind.ordinal()] += f.bytes();
        if (kind == ByteKind.SERVER_PAYLOAD) {
            serverPieces++;
        }
        if (!l.up || l.generation != generation) {
            return;
        }
        if (l.current[dir] == null && l.queue[dir] != null && !l.queue[dir].isEmpty()) {
            transmit(l, dir, l.queue[dir].poll());
        }
        endServerSessionIfDone(l);
    }

    private ByteKind kindOf(Frame f, Link l) {
        return switch (f.kind()) {
            case PIECE -> l.server ? ByteKind.SERVER_PAYLOAD : ByteKind.PEER_PAYLOAD;
            case ANNOUNCEMENT, REPORT -> ByteKind.ANNOUNCEMENTS;
            case REQUEST -> ByteKind.REQUESTS;
            case MANIFEST -> ByteKind.MANIFESTS;
        };
    }

    private void spend(int from, int to, long count) {
        Scenario.Fleet f = sc.fleet();
        if (from < n) {
            energy[from] += count * f.joulesPerByteSent();
        }
        if (to < n) {
            energy[to] += count * f.joulesPerByteReceived();
        }
    }

    @Override
    public boolean serves(int device) {
        if (device == server) {
            return true;
        }
        if (fleet.freeRider[device]) {
            return false;
        }
        Scenario.Fleet f = sc.fleet();
        return f.batteryJoules() - energy[device] > f.batteryReserveJoules();
    }

    @Override
    public void installed(int device) {
        if (device < n && Double.isNaN(installTime[device]) && !fleet.hostile[device]) {
            installTime[device] = now;
            coveredInstalled++;
        }
    }

    // ---- result

    /**
     * Seconds since release at which {@code device} installed the release (0 for initial holders), or
     * NaN when it did not (so far, or hostile). For per-device comparisons, e.g. with the trace truth's
     * earliest arrival; the result keeps only the sorted times.
     */
    public double installTime(int device) {
        return installTime[device];
    }

    /** The measurements of this replication; call after {@link #run}. */
    public ReplicationResult result(int replication, long seed, long clientServerBytes) {
        double[] times = Arrays.stream(installTime).filter(t -> !Double.isNaN(t)).sorted().toArray();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (ByteKind k : ByteKind.values()) {
            byKind.put(k.key(), bytes[k.ordinal()]);
        }
        long peer = bytes[ByteKind.PEER_PAYLOAD.ordinal()];
        long srv = bytes[ByteKind.SERVER_PAYLOAD.ordinal()];
        double offload = peer + srv == 0 ? Double.NaN : (double) peer / (peer + srv);
        long total = Arrays.stream(bytes).sum();
        double overhead = clientServerBytes == 0 ? Double.NaN : (double) total / clientServerBytes;
        return new ReplicationResult(replication, seed, sc.baseline(), n, coverageFleet, now, times,
                rt(times, 0.5), rt(times, 0.9), rt(times, 0.99), rt(times, 1.0), byKind, offload, overhead,
                clientServerBytes, energy.clone(), new TreeMap<>(devices.rejected()), devices.tamperedInstalls(),
                serverPieces, contacts, events, log);
    }

    private double rt(double[] times, double q) {
        int need = (int) Math.ceil(q * coverageFleet - 1e-9);
        if (need <= 0) {
            return 0;
        }
        return need <= times.length ? times[need - 1] : Double.NaN;
    }
}
