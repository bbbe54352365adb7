package org.p2prollout.validation.sim.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.ProtocolNode;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.adversary.HostileNode;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.node.DeviceNode;
import org.p2prollout.protocol.node.ProtocolConfig;
import org.p2prollout.protocol.node.ServerNode;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.protocol.wire.ManifestResponse;
import org.p2prollout.protocol.wire.MessageKind;
import org.p2prollout.protocol.wire.WireSizes;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.RandomStreams.Purpose;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;

/**
 * The reference protocol ({@code org.p2prollout.protocol}) on every device: signed
 * manifests (Ed25519), SHA-256 pieces, policies, install failures and gossip, hostile nodes.
 * Each device starts with version {@code release.version - 1} of the software installed (so it
 * wants the release); initial holders start with the release; the server ({@link ServerNode})
 * publishes it. Hostile devices run {@link HostileNode} with the scenario's behaviours assigned
 * in turn (tampered pieces, forged manifest, older version announced as new = stale version,
 * lying bitfield). Free riders run with {@code serving = false}; a device whose battery falls
 * below its reserve is switched to not serving before each call.
 *
 * <p>Keys and content come from the PROTOCOL stream, piece choice from PIECE_CHOICE and
 * install outcomes from INSTALL_FAILURE, split per device in index order.
 */
public final class ReferenceDevices implements Devices {
    private final Air air;
    private final FleetState fleet;
    private final int n;
    private final ProtocolNode[] nodes;
    private final boolean[] reported;
    private final SoftwareId software;
    private final Version oldVersion;
    private final Version newVersion;
    private final Release release;
    private final int header;

    public ReferenceDevices(Scenario sc, FleetState fleet, RandomStreams streams, Air air) {
        this.air = air;
        this.fleet = fleet;
        this.n = fleet.devices;
        Scenario.ReleaseSettings r = sc.release();
        if (r.sizeBytes() > Integer.MAX_VALUE - 8) {
            throw new org.p2prollout.core.InvalidInputException("release.sizeBytes must be <= 2^31 - 9 for the "
                    + "reference protocol (use protocol.implementation: ideal), got " + r.sizeBytes());
        }
        header = sc.radio().frameHeaderBytes();
        if (r.pieceBytes(0) > org.p2prollout.protocol.manifest.Manifest.MAX_PIECE_SIZE) {
            throw new org.p2prollout.core.InvalidInputException("release.sizeBytes / release.pieces must be <= "
                    + org.p2prollout.protocol.manifest.Manifest.MAX_PIECE_SIZE + " bytes per piece for the reference "
                    + "protocol (more pieces, or protocol.implementation: ideal), got " + r.pieceBytes(0));
        }
        int pieceSize = (int) r.pieceBytes(0);
        long protocolKey = streams.key(Purpose.PROTOCOL);
        Publisher publisher = Publisher.fromSeed(protocolKey);
        software = SoftwareId.of(r.name());
        oldVersion = Version.of(r.version() - 1, 0, 0);
        newVersion = Version.of(r.version(), 0, 0);
        Release old = publisher.syntheticRelease(software, oldVersion, List.of(), r.priority(), 1, 1, protocolKey + 1);
        release = publisher.syntheticRelease(software, newVersion, List.of(), r.priority(), (int) r.sizeBytes(),
                pieceSize, protocolKey + 2);
        ProtocolConfig config = ProtocolConfig.builder().frameHeaderBytes(header).policy(sc.protocol().policy())
                .installFailureProbability(sc.fleet().installFailureProbability())
                .failureShareThreshold(sc.protocol().failureShareThreshold())
                .metLastCount(sc.protocol().recentPeers())
                .pieceTimeoutSeconds(pieceTimeout(sc, pieceSize)).build();
        List<AdversaryBehaviour> behaviours = behaviours(sc);
        boolean sybil = authenticatesPeers(sc, fleet.hostileCount > 0);
        if (sybil) {
            // against Sybil ids every device proves its id with a certified key (issue 13 item 5)
            config = config.toBuilder().authenticatePeers(true).build();
        }
        // a certified key per device costs about 1 ms: made only when outcomes are signed (installs
        // can fail) or peers authenticate
        boolean identities = signsOutcomes(sc, fleet.hostileCount > 0);
        ProtocolConfig freeRider = config.toBuilder().serving(false).build();
        Publisher attacker = Publisher.fromSeed(protocolKey ^ 0x5DEECE66DL);
        Release bait = HostileNode.forgedRelease(attacker, software, Version.of(r.version() + 1, 0, 0),
                Math.max(1, pieceSize), Math.max(1, pieceSize));
        // a release the publisher really signed, newer than the devices' own, withdrawn (expired)
        // at 1 ms: replayed by STALE_RELEASE devices (the freeze attack)
        Release withdrawn = publisher.syntheticRelease(software, Version.of(r.version() - 1, 5, 0), List.of(),
                r.priority(), Math.max(1, pieceSize), Math.max(1, pieceSize), protocolKey + 3, 0, 1);
        SplittableRandom pieces = streams.stream(Purpose.PIECE_CHOICE);
        SplittableRandom installs = streams.stream(Purpose.INSTALL_FAILURE);
        nodes = new ProtocolNode[n + 1];
        reported = new boolean[n + 1];
        int hostileSeen = 0;
        for (int d = 0; d < n; d++) {
            boolean holder = fleet.initialHolder[d];
            AdversaryBehaviour behaviour = fleet.hostile[d] ? behaviours.get(hostileSeen++ % behaviours.size()) : null;
            boolean holdsNew = holder || behaviour == AdversaryBehaviour.TAMPERED_PIECES
                    || behaviour == AdversaryBehaviour.WITHHOLDING || behaviour == AdversaryBehaviour.CLAIMING_NOT_SERVING
                    || behaviour == AdversaryBehaviour.SYBIL;
            Release installed = holdsNew ? release : behaviour == AdversaryBehaviour.STALE_RELEASE ? withdrawn : old;
            DeviceNode.Builder b = DeviceNode.builder(PeerId.of(d), publisher.publicKey())
                    .config(fleet.freeRider[d] ? freeRider : config)
                    .random(pieces.split()).installRandom(installs.split())
                    .install(installed);
            if (identities) {
                // Sybil ids carry keys the attacker certified itself, not the publisher
                Publisher certifier = behaviour == AdversaryBehaviour.SYBIL ? attacker : publisher;
                b.identity(certifier.provision(PeerId.of(d), protocolKey + 1000 + d));
            }
            DeviceNode device = b.build();
            nodes[d] = behaviour == null ? device : switch (behaviour) {
                case TAMPERED_PIECES, SYBIL -> HostileNode.tamperingPieces(device, header);
                case FORGED_MANIFEST -> HostileNode.forgingManifests(device, header, bait);
                case OLDER_VERSION -> HostileNode.announcingStaleVersions(device, header);
                case LYING_BITFIELD -> HostileNode.lyingAbout(device, header, release.manifest());
                case FORGED_REPORTS -> HostileNode.forgingReports(device, header, release.manifest(), attacker);
                case WITHHOLDING -> HostileNode.withholdingPieces(device, header);
                case CLAIMING_NOT_SERVING -> HostileNode.claimingNotServing(device, header);
                case STALE_RELEASE -> device;   // an ordinary device holding the withdrawn release
            };
            reported[d] = holder;
        }
        nodes[n] = new ServerNode(header, List.of(release));
    }

    /**
     * Whether devices open every contact with a hello (peer authentication): only against Sybil
     * ids, i.e. when some device is hostile and the behaviours include {@code sybil}.
     *
     * @param anyHostile whether the fleet has at least one hostile device
     */
    public static boolean authenticatesPeers(Scenario sc, boolean anyHostile) {
        return anyHostile && behaviours(sc).contains(AdversaryBehaviour.SYBIL);
    }

    /**
     * Whether devices carry publisher-certified keys and so sign their install outcomes (and
     * gossip them in install reports): when installs can fail or peers authenticate.
     */
    public static boolean signsOutcomes(Scenario sc, boolean anyHostile) {
        return sc.fleet().installFailureProbability() > 0 || authenticatesPeers(sc, anyHostile);
    }

    private static List<AdversaryBehaviour> behaviours(Scenario sc) {
        return sc.adversary().behaviours().isEmpty() ? List.of(AdversaryBehaviour.TAMPERED_PIECES)
                : sc.adversary().behaviours();
    }

    /**
     * How long a device waits for a requested piece: four times the slowest device's transfer
     * time of one piece frame, at least 10 s (a frame is on the air one at a time per direction,
     * behind at most {@code maxOutstandingPerPeer} = 2 others).
     */
    static double pieceTimeout(Scenario sc, int pieceSize) {
        double slowest = sc.fleet().bandwidthClasses().stream()
                .mapToDouble(Scenario.BandwidthClass::bytesPerSecond).min().orElse(1);
        double frame = sc.radio().frameHeaderBytes() + WireSizes.piece(pieceSize);
        return Math.max(10, sc.radio().instantaneous() ? 0 : 4 * frame / slowest);
    }

    private PeerId id(int index) {
        return index == n ? PeerId.SERVER : PeerId.of(index);
    }

    private int index(PeerId id) {
        return id.isServer() ? n : (int) id.value();
    }

    /** Switches a device to not serving while its battery is below the reserve (free riders never serve). */
    private ProtocolNode node(int d) {
        ProtocolNode node = nodes[d];
        if (d < n && node instanceof DeviceNode device && !fleet.freeRider[d]) {
            boolean serves = air.serves(d);
            if (device.isServing() != serves) {
                device.setServing(serves);
            }
        }
        return node;
    }

    private void send(int from, List<Outgoing> out) {
        for (Outgoing o : out) {
            air.send(from, index(o.to()), new Frame(kind(o.kind()), o.frameBytes(), o.message()));
        }
    }

    private static Frame.Kind kind(MessageKind k) {
        return switch (k) {
            case ANNOUNCEMENT, HELLO -> Frame.Kind.ANNOUNCEMENT;
            case INSTALL_REPORT -> Frame.Kind.REPORT;
            case MANIFEST_REQUEST, PIECE_REQUEST, PIECE_UNAVAILABLE -> Frame.Kind.REQUEST;
            case MANIFEST_RESPONSE -> Frame.Kind.MANIFEST;
            case PIECE -> Frame.Kind.PIECE;
        };
    }

    @Override
    public void linkUp(int a, int b) {
        double now = air.now();
        if (b == n) {
            send(a, node(a).serverReachable(now));
            send(n, nodes[n].contactStarted(id(a), now));
        } else {
            send(a, node(a).contactStarted(id(b), now));
            send(b, node(b).contactStarted(id(a), now));
        }
    }

    @Override
    public boolean deliver(int from, int to, Frame frame) {
        ProtocolNode receiver = node(to);
        boolean piece = frame.kind() == Frame.Kind.PIECE;
        long before = piece ? rejectedBytes(receiver) : 0;
        send(to, receiver.receive(id(from), (org.p2prollout.protocol.wire.Message) frame.message(), air.now()));
        if (to < n && !reported[to] && receiver.hasInstalled(software, newVersion)
                && receiver.installedVersion(software).equals(Optional.of(newVersion))) {
            reported[to] = true;
            air.installed(to);
        }
        return !piece || rejectedBytes(receiver) == before;
    }

    private static long rejectedBytes(ProtocolNode node) {
        return node.rejectedBytes();
    }

    @Override
    public void linkDown(int a, int b) {
        double now = air.now();
        if (b == n) {
            send(a, node(a).serverUnreachable(now));
            send(n, nodes[n].contactEnded(id(a), now));
        } else {
            send(a, node(a).contactEnded(id(b), now));
            send(b, node(b).contactEnded(id(a), now));
        }
    }

    @Override
    public boolean needsServer(int device) {
        if (fleet.hostile[device] || !(nodes[device] instanceof DeviceNode d)) {
            return false;
        }
        return !d.hasInstalled(software, newVersion) && !d.installFailed(release.digest()) && !d.refuses(release.digest());
    }

    @Override
    public Map<String, Long> rejected() {
        Map<RejectionKind, Long> sums = new EnumMap<>(RejectionKind.class);
        for (int d = 0; d < n; d++) {
            NodeCounters c = nodes[d].counters();
            for (RejectionKind k : RejectionKind.values()) {
                sums.merge(k, c.rejected(k), Long::sum);
            }
        }
        Map<String, Long> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), v));
        return out;
    }

    @Override
    public long clientServerBytesPerDevice() {
        long bytes = (header + WireSizes.MANIFEST_REQUEST) + (header + new ManifestResponse(release.manifest()).encodedSize());
        for (int i = 0; i < release.pieces().size(); i++) {
            bytes += (header + WireSizes.PIECE_REQUEST) + (header + WireSizes.piece(release.pieces().get(i).length()));
        }
        return bytes;
    }

    /**
     * Honest devices whose installed version is neither the one they started with nor the
     * genuine release: only a forged or substituted release could get there.
     */
    @Override
    public long tamperedInstalls() {
        long count = 0;
        for (int d = 0; d < n; d++) {
            if (fleet.hostile[d]) {
                continue;
            }
            Optional<Version> v = nodes[d].installedVersion(software);
            if (v.isPresent() && !v.get().equals(oldVersion) && !v.get().equals(newVersion)) {
                count++;
            }
        }
        return count;
    }
}
