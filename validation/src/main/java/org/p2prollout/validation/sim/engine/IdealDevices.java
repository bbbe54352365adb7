package org.p2prollout.validation.sim.engine;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.WireSizes;

/**
 * The idealised protocol: the reference protocol's message flow and encoded sizes without its
 * cryptography, for fleets too large to sign and hash for. On a link both sides announce
 * (inventory, bitfield, recent peers), and a device that installs announces again to the peers
 * in contact; a device lacking the manifest requests it from a peer that
 * has it, then requests one piece at a time by policy (random, rarest-first by the announcements
 * heard, sequential; the other policies act as rarest-first for a single release) from every
 * peer in range at once, never the same piece twice at a time. Hostile devices claim every
 * piece and send tampered pieces (or forged manifests); receivers detect them as the reference
 * protocol's hash and signature checks would, count them, and avoid the sender. Installation
 * fails with the configured probability, after which the device rolls back and gives up the
 * version (it keeps serving the pieces it holds).
 *
 * <p>Sizes in bytes are the reference protocol's encodings ({@link WireSizes}) plus the frame
 * header h, with L the release name's UTF-8 length: announcement h + 8 + (39 + L) + 8 r, plus
 * (43 + L + ceil(K/8)) while the device downloads (it names the installed version and the
 * download with its bitfield; r recent peers, the most the reference lists: an upper bound while
 * a device has met fewer); manifest request h + 33; manifest h + 114 + L + 32 K; piece request
 * h + 37; piece h + 41 + piece bytes.
 */
public final class IdealDevices implements Devices {
    private record Announcement(BitSet pieces, boolean manifest) { }

    private record ManifestRequest() { }

    private record Manifest(boolean forged) { }

    private record PieceRequest(int piece) { }

    private record Piece(int piece, boolean tampered) { }

    private static final class Session {
        BitSet peerHas = new BitSet();
        boolean peerManifest;
        boolean manifestAsked;
        int pending = -1;
    }

    private static final BitSet EMPTY = new BitSet(0);
    private final Air air;
    private final Scenario sc;
    private final FleetState fleet;
    private final int n;
    private final int k;
    private final BitSet[] has;
    private final int[] count;
    private final boolean[] manifest;
    private final boolean[] installed;
    private final boolean[] gaveUp;
    private final BitSet[] inFlight;
    private final int[][] heard;
    private final BitSet[] avoid;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final Map<Integer, Session>[] sessions;
    private final SplittableRandom pieceRng;
    private final SplittableRandom installRng;
    private final BitSet full;
    private final boolean tamper;
    private final boolean forge;
    private final int announceBytes;
    private final int announceDownloadingBytes;
    private final int manifestRequestBytes;
    private final int manifestBytes;
    private final int pieceRequestBytes;
    private final int pieceHeaderBytes;
    private final Map<String, Long> rejected = new TreeMap<>();
    /** Peers each device has a link with now (small, unordered). */
    private final int[][] linked;
    private final int[] linkedCount;
    private long installFailures;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public IdealDevices(Scenario sc, FleetState fleet, RandomStreams streams, Air air) {
        this.air = air;
        this.sc = sc;
        this.fleet = fleet;
        this.n = fleet.devices;
        this.k = sc.release().pieces();
        int total = n + 1;
        has = new BitSet[total];
        count = new int[total];
        manifest = new boolean[total];
        installed = new boolean[total];
        gaveUp = new boolean[total];
        inFlight = new BitSet[total];
        heard = new int[total][];
        avoid = new BitSet[total];
        sessions = new Map[total];
        linked = new int[total][];
        linkedCount = new int[total];
        full = new BitSet(k);
        full.set(0, k);
        for (int d = 0; d <= n; d++) {
            boolean holds = d == n || fleet.initialHolder[d] || fleet.hostile[d];
            has[d] = holds ? full : new BitSet(k);
            count[d] = holds ? k : 0;
            manifest[d] = holds;
            installed[d] = d < n && fleet.initialHolder[d];
        }
        pieceRng = streams.stream(Purpose.PIECE_CHOICE);
        installRng = streams.stream(Purpose.INSTALL_FAILURE);
        if (fleet.hostileCount > 0 && sc.adversary().behaviours().stream()
                .anyMatch(b -> b != AdversaryBehaviour.TAMPERED_PIECES && b != AdversaryBehaviour.FORGED_MANIFEST)) {
            throw new org.p2prollout.core.InvalidInputException("adversary.behaviours older-version, lying-bitfield, "
                    + "forged-reports, withholding and claiming-not-serving need protocol.implementation: reference "
                    + "(the ideal protocol models tampered-pieces and forged-manifest)");
        }
        tamper = sc.adversary().behaviours().contains(AdversaryBehaviour.TAMPERED_PIECES);
        forge = sc.adversary().behaviours().contains(AdversaryBehaviour.FORGED_MANIFEST);
        int h = sc.radio().frameHeaderBytes();
        int name = nameBytes(sc);
        int r = sc.protocol().recentPeers();
        announceBytes = h + WireSizes.announcement(1, 0, name, k, r);
        announceDownloadingBytes = h + WireSizes.announcement(1, 1, name, k, r);
        manifestRequestBytes = h + WireSizes.MANIFEST_REQUEST;
        manifestBytes = h + WireSizes.manifestResponse(name, k);
        pieceRequestBytes = h + WireSizes.PIECE_REQUEST;
        pieceHeaderBytes = h + WireSizes.PIECE_OVERHEAD;
    }

    /** Bytes a plain client-server download of one device sends (manifest and every piece, with requests). */
    public static long clientServerBytesPerDevice(Scenario sc) {
        int h = sc.radio().frameHeaderBytes();
        int k = sc.release().pieces();
        return (h + WireSizes.MANIFEST_REQUEST) + (h + WireSizes.manifestResponse(nameBytes(sc), k))
                + k * (2L * h + WireSizes.PIECE_REQUEST + WireSizes.PIECE_OVERHEAD) + sc.release().sizeBytes();
    }

    private static int nameBytes(Scenario sc) {
        return sc.release().name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private Session session(int self, int peer) {
        if (sessions[self] == null) {
            sessions[self] = new HashMap<>(4);
        }
        return sessions[self].computeIfAbsent(peer, p -> new Session());
    }

    @Override
    public void linkUp(int a, int b) {
        addLink(a, b);
        addLink(b, a);
        announce(a, b);
        announce(b, a);
    }

    private void addLink(int self, int peer) {
        if (linked[self] == null) {
            linked[self] = new int[4];
        } else if (linkedCount[self] == linked[self].length) {
            linked[self] = java.util.Arrays.copyOf(linked[self], 2 * linkedCount[self]);
        }
        linked[self][linkedCount[self]++] = peer;
    }

    private void removeLink(int self, int peer) {
        int[] l = linked[self];
        for (int i = 0; i < linkedCount[self]; i++) {
            if (l[i] == peer) {
                l[i] = l[--linkedCount[self]];
                break;
            }
        }
        if (linkedCount[self] == 0) {
            linked[self] = null;
        }
    }

    private void announce(int self, int peer) {
        boolean offers = air.serves(self) && count[self] > 0;
        // announced bitfields are read-only snapshots: share the full and the empty one
        BitSet bits = !offers ? EMPTY : has[self] == full || count[self] == k ? full : (BitSet) has[self].clone();
        boolean downloading = manifest[self] && !installed[self] && !gaveUp[self];
        air.send(self, peer, new Frame(Frame.Kind.ANNOUNCEMENT, downloading ? announceDownloadingBytes : announceBytes,
                new Announcement(bits, offers && manifest[self])));
    }

    @Override
    public boolean deliver(int from, int to, Frame frame) {
        Object m = frame.message();
        if (m instanceof Announcement a) {
            if (!wants(to, from)) {
                return true;
            }
            Session s = session(to, from);
            s.peerHas = a.pieces();
            s.peerManifest = a.manifest();
            if (k > 1 && sc.protocol().policy() != PiecePolicy.RANDOM && sc.protocol().policy() != PiecePolicy.SEQUENTIAL) {
                if (heard[to] == null) {
                    heard[to] = new int[k];
                }
                for (int p = a.pieces().nextSetBit(0); p >= 0; p = a.pieces().nextSetBit(p + 1)) {
                    heard[to][p]++;
                }
            }
            act(to, from);
            return true;
        }
        if (m instanceof ManifestRequest) {
            if (manifest[to]) {
                air.send(to, from, new Frame(Frame.Kind.MANIFEST, manifestBytes,
                        new Manifest(to < n && fleet.hostile[to] && forge)));
            }
            return true;
        }
        if (m instanceof Manifest man) {
            if (man.forged()) {
                reject(to, from, "forged-manifest");
                retryOthers(to, from); // ask the other peers in contact for the genuine manifest
                return false;
            }
            manifest[to] = true;
            act(to, from);
            return true;
        }
        if (m instanceof PieceRequest r) {
            boolean hostile = to < n && fleet.hostile[to];
            if (air.serves(to) && has[to].get(r.piece())) {
                int size = (int) (pieceHeaderBytes + sc.release().pieceBytes(r.piece()));
                air.send(to, from, new Frame(Frame.Kind.PIECE, size, new Piece(r.piece(), hostile && tamper)));
            }
            return true;
        }
        if (m instanceof Piece p) {
            Session s = session(to, from);
            s.pending = -1;
            if (inFlight[to] != null) {
                inFlight[to].clear(p.piece());
            }
            if (p.tampered()) {
                reject(to, from, "tampered-piece");
                retryOthers(to, from);
                return false;
            }
            if (!has[to].get(p.piece())) {
                has[to].set(p.piece());
                count[to]++;
                if (count[to] == k) {
                    complete(to);
                }
            }
            act(to, from);
            return true;
        }
        throw new IllegalStateException("unknown message " + m);
    }

    private void reject(int self, int peer, String what) {
        rejected.merge(what, 1L, Long::sum);
        if (avoid[self] == null) {
            avoid[self] = new BitSet();
        }
        avoid[self].set(peer);
    }

    private void complete(int d) {
        if (d == n || installed[d]) {
            return;
        }
        if (installRng.nextDouble() < sc.fleet().installFailureProbability()) {
            installFailures++;
            gaveUp[d] = true;
            return;
        }
        installed[d] = true;
        air.installed(d);
        // as the reference protocol does: peers in contact learn at once that this device holds the release
        for (int i = 0; i < linkedCount[d]; i++) {
            announce(d, linked[d][i]);
        }
    }

    /** Requests what {@code self} can use from {@code peer}: the manifest first, then one piece at a time. */
    private boolean wants(int self, int peer) {
        return self != n && !installed[self] && !gaveUp[self] && !fleet.hostile[self] && count[self] < k
                && (avoid[self] == null || !avoid[self].get(peer));
    }

    private void act(int self, int peer) {
        if (!wants(self, peer)) {
            return;
        }
        Session s = session(self, peer);
        if (!manifest[self]) {
            if (s.peerManifest && !s.manifestAsked) {
                s.manifestAsked = true;
                air.send(self, peer, new Frame(Frame.Kind.REQUEST, manifestRequestBytes, new ManifestRequest()));
            }
            return;
        }
        if (s.pending >= 0 || count[self] == k) {
            return;
        }
        int piece = choose(self, s.peerHas);
        if (piece < 0) {
            return;
        }
        s.pending = piece;
        if (inFlight[self] == null) {
            inFlight[self] = new BitSet(k);
        }
        inFlight[self].set(piece);
        air.send(self, peer, new Frame(Frame.Kind.REQUEST, pieceRequestBytes, new PieceRequest(piece)));
    }

    private int choose(int self, BitSet peerHas) {
        BitSet mine = has[self];
        BitSet busy = inFlight[self];
        PiecePolicy policy = sc.protocol().policy();
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        int ties = 0;
        for (int p = peerHas.nextSetBit(0); p >= 0; p = peerHas.nextSetBit(p + 1)) {
            if (mine.get(p) || (busy != null && busy.get(p))) {
                continue;
            }
            if (policy == PiecePolicy.SEQUENTIAL) {
                return p;
            }
            int score = policy == PiecePolicy.RANDOM || heard[self] == null ? 0 : heard[self][p];
            if (score < bestScore) {
                best = p;
                bestScore = score;
                ties = 1;
            } else if (score == bestScore && pieceRng.nextInt(++ties) == 0) {
                best = p; // reservoir sampling: uniform among the equally good
            }
        }
        return best;
    }

    private void retryOthers(int self, int except) {
        if (sessions[self] == null) {
            return;
        }
        for (Integer peer : sessions[self].keySet().toArray(new Integer[0])) {
            if (peer != except) {
                act(self, peer);
            }
        }
    }

    @Override
    public void linkDown(int a, int b) {
        removeLink(a, b);
        removeLink(b, a);
        drop(a, b);
        drop(b, a);
    }

    private void drop(int self, int peer) {
        if (sessions[self] == null) {
            return;
        }
        Session s = sessions[self].remove(peer);
        if (s != null && s.pending >= 0) {
            inFlight[self].clear(s.pending);
            retryOthers(self, peer);
        }
        if (sessions[self].isEmpty()) {
            sessions[self] = null;
        }
    }

    @Override
    public boolean needsServer(int device) {
        return !installed[device] && !gaveUp[device] && !fleet.hostile[device];
    }

    @Override
    public Map<String, Long> rejected() {
        return new TreeMap<>(rejected);
    }

    @Override
    public long clientServerBytesPerDevice() {
        return clientServerBytesPerDevice(sc);
    }

    /** Installations that failed and rolled back. */
    public long installFailures() {
        return installFailures;
    }

    @Override
    public long tamperedInstalls() {
        return 0; // a tampered piece is never stored, so nothing tampered can complete
    }
}
