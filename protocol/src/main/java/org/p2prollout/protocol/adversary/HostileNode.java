package org.p2prollout.protocol.adversary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.ProtocolNode;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Manifest;
import org.p2prollout.protocol.manifest.PieceData;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.manifest.SignedManifest;
import org.p2prollout.protocol.node.DeviceNode;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.DownloadState;
import org.p2prollout.protocol.wire.InstallReport;
import org.p2prollout.protocol.wire.InventoryItem;
import org.p2prollout.protocol.wire.ManifestRequest;
import org.p2prollout.protocol.wire.ManifestResponse;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.Piece;
import org.p2prollout.protocol.wire.PieceRequest;
import org.p2prollout.protocol.wire.PieceUnavailable;

/**
 * A hostile device: an honest {@link DeviceNode} inside (so it takes part, downloads and relays
 * like any device) whose traffic is rewritten according to one {@link Attack}. Its counters
 * count the frames it really sends.
 */
public final class HostileNode implements ProtocolNode {
    private final DeviceNode inner;
    private final Attack attack;
    private final int frameHeaderBytes;
    /** The fake release (FORGED_MANIFEST) or the release claimed but not held (LYING_BITFIELD). */
    private final SignedManifest bait;
    private final Publisher attackerKey;
    /** FORGED_REPORTS: the report of invented failures sent at the start of every contact. */
    private final InstallReport forgedReport;
    private final NodeCounters counters = new NodeCounters();

    /**
     * @param inner the honest device whose traffic is rewritten
     * @param attack what to do wrong
     * @param frameHeaderBytes the per-frame header, as in the inner device's config
     * @param bait for {@link Attack#FORGED_MANIFEST}: a manifest signed by a key devices do not
     *             trust (see {@link #forgedRelease}); for {@link Attack#LYING_BITFIELD}: the genuine
     *             manifest of a release it claims to hold; ignored (may be null) otherwise
     * @param attackerKey signs substituted manifests ({@link Attack#SUBSTITUTED_MANIFEST}); may be
     *                    null otherwise
     */
    public HostileNode(DeviceNode inner, Attack attack, int frameHeaderBytes, SignedManifest bait,
                       Publisher attackerKey) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.attack = Objects.requireNonNull(attack, "attack");
        this.frameHeaderBytes = frameHeaderBytes;
        this.bait = bait;
        this.attackerKey = attackerKey;
        if ((attack == Attack.FORGED_MANIFEST || attack == Attack.LYING_BITFIELD) && bait == null) {
            throw new IllegalArgumentException(attack + " needs a bait manifest");
        }
        if ((attack == Attack.SUBSTITUTED_MANIFEST || attack == Attack.FORGED_REPORTS) && attackerKey == null) {
            throw new IllegalArgumentException(attack + " needs an attacker key");
        }
        if (attack == Attack.FORGED_REPORTS) {
            if (bait == null) {
                throw new IllegalArgumentException(attack + " needs the genuine manifest whose installs it reports failed");
            }
            List<InstallReport.Outcome> invented = new ArrayList<>();
            for (int i = 0; i < INVENTED_FAILURES; i++) {
                // devices that do not exist, under certificates the attacker signed itself
                PeerId fake = PeerId.of(Long.MAX_VALUE - 1 - i - 8L * inner.id().value());
                invented.add(InstallReport.Outcome.signed(attackerKey.provision(fake, fake.value()), bait.digest(), false, 0));
            }
            forgedReport = new InstallReport(invented);
        } else {
            forgedReport = null;
        }
    }

    /** Invented failures per forged report: as many as the default refusal rule needs (3). */
    public static final int INVENTED_FAILURES = 3;

    /** Opens each contact with {@value #INVENTED_FAILURES} invented failures of {@code genuine}, certified by {@code attacker}. */
    public static HostileNode forgingReports(DeviceNode inner, int frameHeaderBytes, SignedManifest genuine,
                                             Publisher attacker) {
        return new HostileNode(inner, Attack.FORGED_REPORTS, frameHeaderBytes, genuine, attacker);
    }

    /** Holds {@code genuine} (install it in {@code inner}), announces it and never answers piece requests. */
    public static HostileNode withholdingPieces(DeviceNode inner, int frameHeaderBytes) {
        return new HostileNode(inner, Attack.WITHHOLDING_PIECES, frameHeaderBytes, null, null);
    }

    /** Announces itself serving and answers every piece request with {@code NOT_SERVING}. */
    public static HostileNode claimingNotServing(DeviceNode inner, int frameHeaderBytes) {
        return new HostileNode(inner, Attack.CLAIMING_NOT_SERVING, frameHeaderBytes, null, null);
    }

    /** Announces {@code forged} (signed by a key devices do not trust, see {@link #forgedRelease}) as installed. */
    public static HostileNode forgingManifests(DeviceNode inner, int frameHeaderBytes, Release forged) {
        return new HostileNode(inner, Attack.FORGED_MANIFEST, frameHeaderBytes, forged.manifest(), null);
    }

    /** Answers manifest requests with manifests re-signed by {@code attacker} after replacing a piece hash. */
    public static HostileNode substitutingManifests(DeviceNode inner, int frameHeaderBytes, Publisher attacker) {
        return new HostileNode(inner, Attack.SUBSTITUTED_MANIFEST, frameHeaderBytes, null, attacker);
    }

    /** Flips a byte in every piece it serves (give it the genuine release so it has pieces to serve). */
    public static HostileNode tamperingPieces(DeviceNode inner, int frameHeaderBytes) {
        return new HostileNode(inner, Attack.TAMPERED_PIECES, frameHeaderBytes, null, null);
    }

    /** Announces its installed releases as 100 major versions newer than they are. */
    public static HostileNode announcingStaleVersions(DeviceNode inner, int frameHeaderBytes) {
        return new HostileNode(inner, Attack.STALE_VERSION, frameHeaderBytes, null, null);
    }

    /**
     * Claims to hold {@code genuine} (the real, publisher-signed release it does not have) and
     * answers its piece requests with {@code NOT_HELD}. With a forged manifest instead, victims
     * would stop at the signature check and count a forged manifest, not a lying bitfield.
     */
    public static HostileNode lyingAbout(DeviceNode inner, int frameHeaderBytes, SignedManifest genuine) {
        return new HostileNode(inner, Attack.LYING_BITFIELD, frameHeaderBytes, genuine, null);
    }

    /**
     * A release of {@code software} at {@code version} made and signed by {@code attacker}
     * (a key devices do not trust): the bait of {@link Attack#FORGED_MANIFEST}.
     */
    public static Release forgedRelease(Publisher attacker, SoftwareId software, Version version, int size,
                                        int pieceSize) {
        return attacker.syntheticRelease(software, version, List.of(), 0, size, pieceSize, 0xBADL);
    }

    public Attack attack() {
        return attack;
    }

    @Override
    public PeerId id() {
        return inner.id();
    }

    @Override
    public List<Outgoing> contactStarted(PeerId peer, double now) {
        List<Outgoing> out = rewrite(inner.contactStarted(peer, now));
        if (forgedReport != null && !peer.isServer()) {
            out = new ArrayList<>(out);
            Outgoing f = frame(peer, forgedReport);
            counters.countSent(f);
            out.add(f);
        }
        return out;
    }

    @Override
    public List<Outgoing> receive(PeerId from, Message m, double now) {
        counters.countReceived(m.kind(), m.encodedSize() + frameHeaderBytes);
        if (bait != null && m instanceof ManifestRequest r && r.manifestDigest().equals(bait.digest())) {
            return rewrite(List.of(frame(from, new ManifestResponse(bait))));
        }
        if (attack == Attack.WITHHOLDING_PIECES && m instanceof PieceRequest) {
            return List.of();
        }
        if (attack == Attack.CLAIMING_NOT_SERVING && m instanceof PieceRequest r) {
            return rewrite(List.of(frame(from, new PieceUnavailable(r.manifestDigest(), r.index(),
                    PieceUnavailable.Reason.NOT_SERVING))));
        }
        if (attack == Attack.LYING_BITFIELD && m instanceof PieceRequest r && r.manifestDigest().equals(bait.digest())) {
            return rewrite(List.of(frame(from, new PieceUnavailable(r.manifestDigest(), r.index(),
                    PieceUnavailable.Reason.NOT_HELD))));
        }
        return rewrite(inner.receive(from, m, now));
    }

    @Override
    public List<Outgoing> contactEnded(PeerId peer, double now) {
        return rewrite(inner.contactEnded(peer, now));
    }

    @Override
    public boolean hasInstalled(SoftwareId software, Version version) {
        return inner.hasInstalled(software, version);
    }

    @Override
    public Optional<Version> installedVersion(SoftwareId software) {
        return inner.installedVersion(software);
    }

    @Override
    public OptionalDouble installedAt(SoftwareId software, Version version) {
        return inner.installedAt(software, version);
    }

    @Override
    public NodeCounters counters() {
        return counters.copy();
    }

    private Outgoing frame(PeerId to, Message m) {
        return new Outgoing(to, m, m.encodedSize() + frameHeaderBytes);
    }

    private List<Outgoing> rewrite(List<Outgoing> honest) {
        List<Outgoing> out = new ArrayList<>(honest.size());
        for (Outgoing o : honest) {
            Outgoing r = frame(o.to(), rewrite(o.message()));
            counters.countSent(r);
            out.add(r);
        }
        return out;
    }

    private Message rewrite(Message m) {
        switch (attack) {
            case FORGED_MANIFEST, LYING_BITFIELD -> {
                if (m instanceof Announcement a) {
                    List<InventoryItem> items = new ArrayList<>(a.installed());
                    Manifest b = bait.manifest();
                    items.removeIf(i -> i.software().equals(b.software()));
                    items.add(new InventoryItem(b.software(), b.version(), bait.digest()));
                    return new Announcement(true, items, a.downloads(), a.metLast());
                }
            }
            case SUBSTITUTED_MANIFEST -> {
                if (m instanceof ManifestResponse r) {
                    Manifest g = r.manifest().manifest();
                    List<org.p2prollout.protocol.manifest.Digest> hashes = new ArrayList<>(g.pieceHashes());
                    hashes.set(0, PieceData.copyOf(new byte[g.pieceLength(0)]).sha256());
                    Manifest evil = new Manifest(g.software(), g.version(), g.dependencies(), g.priority(), g.issuedAtMillis(),
                            g.expiresAtMillis(), g.size(),
                            g.pieceSize(), hashes);
                    return new ManifestResponse(attackerKey.sign(evil));
                }
            }
            case TAMPERED_PIECES -> {
                if (m instanceof Piece p) {
                    byte[] b = p.data().toBytes();
                    b[0] ^= 0x01;
                    return new Piece(p.manifestDigest(), p.index(), PieceData.wrap(b));
                }
            }
            case STALE_VERSION -> {
                if (m instanceof Announcement a) {
                    List<InventoryItem> items = new ArrayList<>();
                    for (InventoryItem i : a.installed()) {
                        Version v = i.version();
                        items.add(new InventoryItem(i.software(),
                                Version.of(Math.min(0xFFFF, v.major() + 100), v.minor(), v.patch()), i.manifestDigest()));
                    }
                    List<DownloadState> downloads = a.downloads();
                    return new Announcement(a.serving(), items, downloads, a.metLast());
                }
            }
            case FORGED_REPORTS, WITHHOLDING_PIECES, CLAIMING_NOT_SERVING -> {
                // these attacks add or drop frames (contactStarted, receive); what they pass on is honest
            }
            default -> throw new IllegalStateException("unknown attack " + attack);
        }
        return m;
    }
}
