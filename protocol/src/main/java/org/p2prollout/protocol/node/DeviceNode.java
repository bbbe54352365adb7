package org.p2prollout.protocol.node;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.ProtocolNode;
import org.p2prollout.protocol.RejectionKind;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Dependency;
import org.p2prollout.protocol.manifest.DeviceIdentity;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.RootOfTrust;
import org.p2prollout.protocol.manifest.SignedRoot;
import org.p2prollout.protocol.manifest.Manifest;
import org.p2prollout.protocol.manifest.ManifestVerifier;
import org.p2prollout.protocol.manifest.PieceData;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.manifest.SignedManifest;
import org.p2prollout.protocol.selection.Candidate;
import org.p2prollout.protocol.selection.PieceChoice;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.DownloadState;
import org.p2prollout.protocol.wire.Hello;
import org.p2prollout.protocol.wire.InstallReport;
import org.p2prollout.protocol.wire.InventoryItem;
import org.p2prollout.protocol.wire.ManifestRequest;
import org.p2prollout.protocol.wire.ManifestResponse;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.Piece;
import org.p2prollout.protocol.wire.PieceRequest;
import org.p2prollout.protocol.wire.PieceUnavailable;

/**
 * An honest device running the update protocol (see {@link ProtocolNode} for the transport
 * contract).
 *
 * <p>On a contact it announces its inventory, downloads in progress and the devices it met last,
 * then gossips install outcomes. From a peer's announcement it wants a newer version of
 * installed software, and a missing dependency of a release it downloads; it asks for the signed
 * manifest, verifies it against the publisher's Ed25519 key and the announced name and version,
 * and only then requests pieces, by its {@link org.p2prollout.protocol.selection.PiecePolicy},
 * at most {@code maxOutstandingPerPeer} at a time per peer, each piece from one peer at a time.
 * Every piece is checked against the manifest's SHA-256 before it is kept; downloads survive the
 * end of a contact and resume from any peer. A complete release whose dependencies are installed
 * is installed; with probability {@code installFailureProbability} the installation fails and is
 * rolled back (the previous version stays; that release is never retried, but its pieces are
 * still served). A release is refused once gossiped reports show too many failures.
 *
 * <p>Hostile input (see {@link RejectionKind}) is rejected, counted, and its sender avoided for
 * the rest of the run: no messages to it, none accepted from it.
 */
public final class DeviceNode implements ProtocolNode {
    private record Pending(PeerId peer, InventoryItem item) {
    }

    private final PeerId id;
    private final ProtocolConfig config;
    private final ManifestVerifier verifier;
    /** The root of trust (publisher keys, version ceiling, expiry); null: {@link #verifier}'s key alone. */
    private final RootOfTrust root;
    /** This device's certified key pair; null: it signs no outcomes, so gossips none of its own. */
    private final DeviceIdentity identity;
    private final RandomGenerator selectionRandom;
    private final RandomGenerator installRandom;
    private final Holdings holdings = new Holdings();
    private final Map<PeerId, Session> sessions = new LinkedHashMap<>();
    private final Map<Digest, Pending> manifestPending = new HashMap<>();
    private final Set<PeerId> avoided = new HashSet<>();
    /** Hellos this device sent and verified, per peer (a peer's is the same in every contact). */
    private final Map<PeerId, Hello> hellosSent = new HashMap<>();
    private final Map<PeerId, Hello> hellosVerified = new HashMap<>();
    /** Contacts in which a peer announced itself serving, then answered NOT_SERVING. */
    private final Map<PeerId, Integer> notServingAfterClaim = new HashMap<>();
    private final Set<Digest> refused = new HashSet<>();
    private final PeerMemory memory;
    private final InstallGossip gossip;
    private final NodeCounters counters = new NodeCounters();
    private boolean serving;
    private double lastNow = Double.NEGATIVE_INFINITY;

    private DeviceNode(Builder b) {
        this.id = b.id;
        this.config = b.config;
        this.verifier = b.verifier;
        this.identity = b.identity;
        this.root = b.root;
        if (identity != null && !identity.device().equals(id)) {
            throw new IllegalArgumentException("identity is certified for " + identity.device() + ", not " + id);
        }
        if (config.authenticatePeers() && identity == null) {
            throw new IllegalArgumentException("authenticatePeers needs a device identity (Builder.identity)");
        }
        this.selectionRandom = Objects.requireNonNull(b.random, "random (set with Builder.random)");
        this.installRandom = b.installRandom != null ? b.installRandom : b.random;
        this.serving = config.serving();
        this.memory = new PeerMemory(id, config.rememberedPeers(), config.metLastCount());
        this.gossip = new InstallGossip(config.maxRememberedOutcomes(), config.maxGossipOutcomes(),
                config.failureShareThreshold(),
                config.minReportsForRefusal());
        for (Release r : b.inventory) {
            holdings.putInstalled(r, Double.NaN);
        }
    }

    /**
     * A builder for device {@code id} that trusts releases signed with {@code publisherKey}.
     * {@link Builder#random} is required.
     */
    public static Builder builder(PeerId id, PublicKey publisherKey) {
        return new Builder(id, ManifestVerifier.of(publisherKey));
    }

    /**
     * A builder for device {@code id} that checks manifests with {@code verifier} (in a
     * simulation: one {@link ManifestVerifier#caching} verifier shared by all devices of a run).
     */
    public static Builder builder(PeerId id, ManifestVerifier verifier) {
        return new Builder(id, verifier);
    }

    /** Builder of a {@link DeviceNode}. */
    public static final class Builder {
        private final PeerId id;
        private final ManifestVerifier verifier;
        private ProtocolConfig config = ProtocolConfig.defaults();
        private RandomGenerator random;
        private RandomGenerator installRandom;
        private DeviceIdentity identity;
        private RootOfTrust root;
        private final List<Release> inventory = new ArrayList<>();

        private Builder(PeerId id, ManifestVerifier verifier) {
            this.id = Objects.requireNonNull(id, "id");
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            if (id.isServer()) {
                throw new IllegalArgumentException("a device cannot use the server's id " + id.value());
            }
        }

        public Builder config(ProtocolConfig c) {
            config = Objects.requireNonNull(c, "config");
            return this;
        }

        /** Stream for piece selection tie-breaks, and for install failures unless {@link #installRandom} is set. */
        public Builder random(RandomGenerator r) {
            random = r;
            return this;
        }

        /**
         * This device's key pair with the publisher's certificate for it: the device signs its
         * install outcomes with it. Without one the device gossips only others' outcomes.
         */
        public Builder identity(DeviceIdentity i) {
            identity = Objects.requireNonNull(i, "identity");
            return this;
        }

        /**
         * Checks manifests and device certificates against this root of trust (its publisher
         * keys, version ceiling and expiry) instead of the single publisher key.
         */
        public Builder trust(RootOfTrust r) {
            root = Objects.requireNonNull(r, "root");
            return this;
        }

        /** Separate stream for install-failure draws (one stream per purpose). */
        public Builder installRandom(RandomGenerator r) {
            installRandom = r;
            return this;
        }

        /**
         * Software installed at the start (trusted local state: not re-verified). The device can
         * serve its pieces. At most one release per software.
         */
        public Builder install(Release r) {
            for (Release other : inventory) {
                if (other.manifest().manifest().software().equals(r.manifest().manifest().software())) {
                    throw new IllegalArgumentException("two initial releases of " + other.manifest().manifest().software());
                }
            }
            inventory.add(r);
            return this;
        }

        public DeviceNode build() {
            return new DeviceNode(this);
        }
    }

    // ---------------------------------------------------------------- ProtocolNode

    @Override
    public PeerId id() {
        return id;
    }

    @Override
    public List<Outgoing> contactStarted(PeerId peer, double now) {
        tick(now);
        if (peer.equals(id)) {
            throw new IllegalArgumentException(id + " cannot be in contact with itself");
        }
        if (avoided.contains(peer)) {
            return List.of();
        }
        if (sessions.containsKey(peer)) {
            throw new IllegalStateException(id + " already in contact with " + peer);
        }
        Session session = new Session(peer);
        session.authenticated = !config.authenticatePeers() || peer.isServer();
        sessions.put(peer, session);
        List<Outgoing> out = new ArrayList<>();
        if (config.authenticatePeers()) {
            send(out, peer, helloTo(peer));
        }
        send(out, peer, announcement());
        // the peer joins the met-last list after the announcement: the list names earlier contacts
        memory.met(peer);
        if (config.maxGossipOutcomes() > 0 && !gossip.isEmpty()) {
            send(out, peer, new InstallReport(gossip.recent(config.maxGossipOutcomes())));
        }
        expireRequests(now, out);
        return out;
    }

    @Override
    public List<Outgoing> receive(PeerId from, Message m, double now) {
        tick(now);
        counters.countReceived(m.kind(), frameBytes(m));
        if (avoided.contains(from)) {
            return List.of();
        }
        Session s = sessions.get(from);
        if (s == null) {
            throw new IllegalStateException(id + " received " + m.kind() + " from " + from + " outside a contact");
        }
        List<Outgoing> out = new ArrayList<>();
        if (!s.authenticated) {
            if (m instanceof Hello h && authentic(from, h)) {
                s.authenticated = true;
            } else {
                reject(s, RejectionKind.UNAUTHENTICATED_PEER, frameBytes(m), out);
            }
            return out;
        }
        if (m instanceof Hello) {
            return out;   // already authenticated in this contact
        }
        if (m instanceof Announcement a) {
            onAnnouncement(s, a, out);
        } else if (m instanceof ManifestRequest r) {
            SignedManifest sm = holdings.verified(r.manifestDigest());
            if (sm != null) {
                send(out, from, new ManifestResponse(sm));
            }
        } else if (m instanceof ManifestResponse r) {
            onManifest(s, r, out);
        } else if (m instanceof PieceRequest r) {
            onPieceRequest(s, r, out);
        } else if (m instanceof Piece p) {
            onPiece(s, p, out, now);
        } else if (m instanceof PieceUnavailable u) {
            onUnavailable(s, u, out);
        } else if (m instanceof InstallReport r) {
            onInstallReport(s, r, out, now);
        }
        // after the message: a piece arriving late but before this call is not blamed
        expireRequests(now, out);
        return out;
    }

    @Override
    public List<Outgoing> contactEnded(PeerId peer, double now) {
        tick(now);
        Session s = sessions.remove(peer);
        if (s == null) {
            return List.of();
        }
        if (s.requestedAt.values().stream().anyMatch(t -> t < now - config.pieceTimeoutSeconds())) {
            // it withheld a piece it claimed for the whole timeout: blamed as in expireRequests
            counters.countRejected(RejectionKind.WITHHELD_PIECE, 0);
            avoided.add(peer);
            memory.forget(peer);
        }
        release(s);
        List<Outgoing> out = new ArrayList<>();
        // manifests and pieces that were asked of the departed peer can now be asked of the others
        for (Session other : sessions.values()) {
            requestManifests(other, out);
        }
        refillAll(out);
        return out;
    }

    @Override
    public boolean hasInstalled(SoftwareId software, Version version) {
        return holdings.hasInstalled(software, version);
    }

    @Override
    public Optional<Version> installedVersion(SoftwareId software) {
        return Optional.ofNullable(holdings.installedVersion(software));
    }

    @Override
    public OptionalDouble installedAt(SoftwareId software, Version version) {
        return holdings.installedAt(software, version);
    }

    @Override
    public NodeCounters counters() {
        return counters.copy();
    }

    @Override
    public long rejectedBytes() {
        return counters.rejectedBytes();
    }

    /**
     * Whether this device uploads pieces. A simulator turns it off when the battery falls below
     * its reserve; requests are then answered with {@code NOT_SERVING}, and later announcements
     * say so.
     */
    public void setServing(boolean serving) {
        this.serving = serving;
    }

    public boolean isServing() {
        return serving;
    }

    /** Peers this device avoids because they sent hostile input. */
    public Set<PeerId> avoidedPeers() {
        return Set.copyOf(avoided);
    }

    /** Pieces held of the release with this digest: all if installed, the bitfield if downloading. */
    public int piecesHeld(Digest release) {
        return holdings.piecesHeld(release);
    }

    /** Whether installing the release with this digest failed here (and was rolled back). */
    public boolean installFailed(Digest release) {
        return holdings.hasFailed(release);
    }

    /** This device's hello to {@code peer}; deterministic (Ed25519), so signed once per peer. */
    private Hello helloTo(PeerId peer) {
        return hellosSent.computeIfAbsent(peer, p -> Hello.from(identity, p));
    }

    /**
     * Whether {@code h} proves that {@code from} holds a key a trusted publisher key certified for
     * that very id. A hello verified before (same bytes) is not checked again.
     */
    private boolean authentic(PeerId from, Hello h) {
        Hello known = hellosVerified.get(from);
        if (h.equals(known)) {
            return true;
        }
        boolean certified = root != null ? root.certifies(h.certificate()) : h.certificate().verify(verifier.publisherKey());
        if (certified && h.signedBy(from, id)) {
            hellosVerified.put(from, h);
            return true;
        }
        return false;
    }

    /** Whether a key this device trusts certified the outcome's device, and that device signed it. */
    private boolean verified(InstallReport.Outcome o) {
        if (root == null) {
            return o.verify(verifier.publisherKey());
        }
        for (PublicKey k : root.root().publisherKeys()) {
            if (o.verify(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves this device's root of trust to {@code next} (delivered by the publisher's update
     * channel); returns null on success, else why it was refused.
     *
     * @throws IllegalStateException if the device was built without a root ({@link Builder#trust})
     */
    public String updateRoot(SignedRoot next) {
        if (root == null) {
            throw new IllegalStateException(id + " has no root of trust to update");
        }
        return root.update(next);
    }

    /**
     * The verified install outcomes this device knows for the release with this digest:
     * {failures, total}, at most one per device.
     */
    public int[] knownOutcomes(Digest release) {
        return gossip.tally(release);
    }

    /** Whether this device refuses the release with this digest because of failure reports. */
    public boolean refuses(Digest release) {
        return refused.contains(release);
    }

    // ---------------------------------------------------------------- announcements and wants

    /** The announcement this device would send now. */
    public Announcement announcement() {
        return new Announcement(serving, holdings.installedItems(), holdings.downloadStates(), memory.metLast());
    }

    private void onAnnouncement(Session s, Announcement a, List<Outgoing> out) {
        int bytes = frameBytes(a);
        List<InventoryItem> items = new ArrayList<>(a.installed());
        for (DownloadState d : a.downloads()) {
            items.add(d.item());
            SignedManifest sm = holdings.verified(d.item().manifestDigest());
            if (sm != null && sm.manifest().pieceCount() != d.pieces().pieceCount()) {
                reject(s, RejectionKind.LYING_BITFIELD, bytes, out);
                return;
            }
        }
        for (InventoryItem i : items) {
            SignedManifest sm = holdings.verified(i.manifestDigest());
            if (sm != null && !matches(sm.manifest(), i)) {
                reject(s, RejectionKind.STALE_VERSION, bytes, out);
                return;
            }
        }
        s.announcement = a;
        s.peerServing = a.serving();
        memory.heard(s.peer, a);
        requestManifests(s, out);
        fillRequests(s, out);
    }

    private static boolean matches(Manifest m, InventoryItem i) {
        return m.software().equals(i.software()) && m.version().equals(i.version());
    }

    /** Asks {@code s} for the manifests of the releases it offers that this device wants. */
    private void requestManifests(Session s, List<Outgoing> out) {
        if (s.announcement == null) {
            return;
        }
        List<InventoryItem> offered = new ArrayList<>(s.announcement.installed());
        for (DownloadState d : s.announcement.downloads()) {
            offered.add(d.item());
        }
        // newest first, so that one manifest per software is fetched, not every intermediate version
        offered.sort(Comparator.comparing(InventoryItem::version).reversed());
        for (InventoryItem i : offered) {
            if (wants(i)) {
                manifestPending.put(i.manifestDigest(), new Pending(s.peer, i));
                s.manifestsRequested.put(i.manifestDigest(), i);
                send(out, s.peer, new ManifestRequest(i.manifestDigest()));
            }
        }
    }

    private boolean wants(InventoryItem i) {
        Digest d = i.manifestDigest();
        if (holdings.verified(d) != null || holdings.hasFailed(d) || refused.contains(d) || manifestPending.containsKey(d)) {
            return false;
        }
        if (gossip.refuses(d)) {
            refuse(d);
            return false;
        }
        Version best = bestKnownVersion(i.software());
        if (!holdings.isInstalled(i.software())) {
            Version need = holdings.missingDependency(i.software());
            if (need == null || i.version().compareTo(need) < 0) {
                return false;
            }
        }
        return best == null || i.version().isNewerThan(best);
    }

    /** Highest version of {@code sw} installed, being downloaded, or whose manifest is on its way. */
    private Version bestKnownVersion(SoftwareId sw) {
        Version best = holdings.bestVersion(sw);
        for (Pending p : manifestPending.values()) {
            if (p.item().software().equals(sw)) {
                best = Holdings.max(best, p.item().version());
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- manifests

    private void onManifest(Session s, ManifestResponse r, List<Outgoing> out) {
        int bytes = frameBytes(r);
        SignedManifest sm = r.manifest();
        Digest d = sm.digest();
        InventoryItem claimed = s.manifestsRequested.remove(d);
        if (claimed == null) {
            // a manifest nobody asked for; or, while a request is open, a substitute for it
            reject(s, s.manifestsRequested.isEmpty() ? RejectionKind.UNSOLICITED : RejectionKind.FORGED_MANIFEST,
                    bytes, out);
            return;
        }
        manifestPending.remove(d);
        long nowMillis = (long) Math.floor(lastNow * 1000);
        long skew = Math.round(config.maxClockSkewSeconds() * 1000);
        RootOfTrust.Verdict verdict = root != null ? root.admit(sm, nowMillis, skew)
                : verifier.verify(sm) ? RootOfTrust.checkTimesAndCeiling(sm.manifest(), null, nowMillis, skew)
                : RootOfTrust.Verdict.BAD_SIGNATURE;
        switch (verdict) {
            case ADMITTED -> {
            }
            case BAD_SIGNATURE -> {
                reject(s, RejectionKind.FORGED_MANIFEST, bytes, out);
                return;
            }
            case EXPIRED, NOT_YET_VALID, ABOVE_CEILING -> {
                // validly signed but not installable now: refused, never requested again; the
                // sender may be an honest device that installed it while it was valid
                counters.countRejected(verdict == RootOfTrust.Verdict.ABOVE_CEILING
                        ? RejectionKind.ABOVE_VERSION_CEILING : RejectionKind.EXPIRED_MANIFEST, bytes);
                refused.add(d);
                for (Session other : sessions.values()) {
                    requestManifests(other, out);
                }
                return;
            }
            default -> throw new IllegalStateException("unknown verdict " + verdict);
        }
        if (!matches(sm.manifest(), claimed)) {
            reject(s, RejectionKind.STALE_VERSION, bytes, out);
            return;
        }
        holdings.addVerified(sm);
        if (gossip.refuses(d)) {
            refuse(d);
        } else {
            holdings.start(sm);
        }
        for (Session other : sessions.values()) {
            requestManifests(other, out);
        }
        refillAll(out);
    }

    // ---------------------------------------------------------------- pieces

    private void fillRequests(Session s, List<Outgoing> out) {
        if (s.announcement == null || !s.peerServing) {
            return;
        }
        int free = config.maxOutstandingPerPeer() - s.outstanding.size();
        if (free <= 0) {
            return;
        }
        Set<SoftwareId> neededByOthers = holdings.neededByDownloads();
        List<Candidate> candidates = new ArrayList<>();
        for (Download d : holdings.downloads()) {
            if (d.installFailed || d.complete()
                    || (config.policy().waitsForDependencies() && holdings.dependencyUnresolved(d.manifest))) {
                continue;
            }
            Manifest m = d.manifest;
            BitSet offered = s.offered(d.signed.digest(), m.pieceCount());
            if (offered == null) {
                continue;
            }
            offered.and(d.wanted());
            if (offered.isEmpty()) {
                continue;
            }
            Digest digest = d.signed.digest();
            int[] availability = config.policy().needsAvailability() ? memory.availability(digest, m.pieceCount()) : null;
            int[] lack = config.policy().needsLackNearby() ? memory.lackNearby(digest, m.pieceCount(), s.peer) : null;
            candidates.add(new Candidate(digest, neededByOthers.contains(m.software()) ? 0 : 1, d.startOrder,
                    m.priority(), offered, availability, lack));
        }
        while (free > 0) {
            PieceChoice c = config.policy().choose(candidates, selectionRandom);
            if (c == null) {
                break;
            }
            holdings.download(c.release()).markPending(c.index(), s.peer);
            s.outstanding.add(new Session.PieceKey(c.release(), c.index()));
            s.requestedAt.put(new Session.PieceKey(c.release(), c.index()), lastNow);
            send(out, s.peer, new PieceRequest(c.release(), c.index()));
            free--;
        }
    }

    private void refillAll(List<Outgoing> out) {
        for (Session s : new ArrayList<>(sessions.values())) {
            fillRequests(s, out);
        }
    }

    private void onPieceRequest(Session s, PieceRequest r, List<Outgoing> out) {
        if (!serving) {
            send(out, s.peer, new PieceUnavailable(r.manifestDigest(), r.index(), PieceUnavailable.Reason.NOT_SERVING));
            return;
        }
        PieceData data = holdings.servable(r.manifestDigest(), r.index());
        send(out, s.peer, data != null ? new Piece(r.manifestDigest(), r.index(), data)
                : new PieceUnavailable(r.manifestDigest(), r.index(), PieceUnavailable.Reason.NOT_HELD));
    }

    private void onPiece(Session s, Piece p, List<Outgoing> out, double now) {
        int bytes = frameBytes(p);
        s.requestedAt.remove(new Session.PieceKey(p.manifestDigest(), p.index()));
        if (!s.outstanding.remove(new Session.PieceKey(p.manifestDigest(), p.index()))) {
            reject(s, RejectionKind.UNSOLICITED, bytes, out);
            return;
        }
        Download d = holdings.download(p.manifestDigest());
        if (d == null) {
            // the download was superseded or refused while this piece was on its way
            fillRequests(s, out);
            return;
        }
        if (s.peer.equals(d.pendingOwner(p.index()))) {
            d.clearPending(p.index());
        }
        Manifest m = d.manifest;
        if (p.index() >= m.pieceCount() || p.data().length() != m.pieceLength(p.index())
                || !p.data().sha256().equals(m.pieceHash(p.index()))) {
            reject(s, RejectionKind.TAMPERED_PIECE, bytes, out);
            return;
        }
        if (d.has(p.index())) {
            counters.countDuplicatePiece();
        } else {
            d.store(p.index(), p.data());
            counters.countAcceptedPiece(s.peer.isServer(), p.data().length());
        }
        if (d.complete()) {
            installReady(out, now);
        }
        fillRequests(s, out);
    }

    private void onUnavailable(Session s, PieceUnavailable u, List<Outgoing> out) {
        s.requestedAt.remove(new Session.PieceKey(u.manifestDigest(), u.index()));
        if (!s.outstanding.remove(new Session.PieceKey(u.manifestDigest(), u.index()))) {
            reject(s, RejectionKind.UNSOLICITED, frameBytes(u), out);
            return;
        }
        Download d = holdings.download(u.manifestDigest());
        if (d != null && s.peer.equals(d.pendingOwner(u.index()))) {
            d.clearPending(u.index());
        }
        if (u.reason() == PieceUnavailable.Reason.NOT_SERVING) {
            boolean claimed = s.peerServing && s.announcement != null && s.announcement.serving();
            s.peerServing = false;
            // an honest device whose battery ran low says so once, then announces itself not
            // serving; one that keeps announcing service and refusing it withholds
            if (claimed && !s.notServingCounted) {
                s.notServingCounted = true;
                if (notServingAfterClaim.merge(s.peer, 1, Integer::sum) >= 2) {
                    reject(s, RejectionKind.WITHHELD_PIECE, frameBytes(u), out);
                    return;
                }
            }
        } else if (d != null && s.claims(u.manifestDigest(), u.index(), d.manifest.pieceCount())) {
            // honest devices never discard pieces, so a piece announced as held must be served
            reject(s, RejectionKind.LYING_BITFIELD, frameBytes(u), out);
            return;
        }
        refillAll(out);
    }

    // ---------------------------------------------------------------- install and gossip

    /** Installs every complete download whose dependencies are installed, in dependency order. */
    private void installReady(List<Outgoing> out, double now) {
        boolean installedAny = false;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Download d : holdings.downloadsSnapshot()) {
                if (d.complete() && !d.installFailed && holdings.dependenciesInstalled(d.manifest)) {
                    installedAny |= install(d, now);
                    progress = true;
                }
            }
        }
        if (installedAny) {
            // peers in contact learn at once that this device now holds the whole release
            Announcement a = announcement();
            for (PeerId p : sessions.keySet()) {
                send(out, p, a);
            }
        }
    }

    /** Attempts the installation; returns true on success. */
    private boolean install(Download d, double now) {
        Digest digest = d.signed.digest();
        if (gossip.refuses(digest)) {
            refuse(digest);
            return false;
        }
        boolean fails = installRandom.nextDouble() < config.installFailureProbability();
        if (fails) {
            holdings.markFailed(d);
            counters.countRollback();
            learnOwn(digest, false, now);
            return false;
        }
        // building the Release checks every piece against the manifest again: nothing unverified is installed
        holdings.complete(d, now);
        counters.countInstall();
        learnOwn(digest, true, now);
        return true;
    }

    private void learnOwn(Digest digest, boolean success, double now) {
        if (identity != null) {
            gossip.learn(InstallReport.Outcome.signed(identity, digest, success, Math.round(now * 1000)));
        }
    }

    /**
     * Takes the outcomes of a report that verify (publisher-certified device key, the device's
     * own signature, a time not beyond {@link ProtocolConfig#maxClockSkewSeconds} ahead of this
     * device's clock); at most {@link ProtocolConfig#maxGossipOutcomes} per peer and contact, so
     * one sender cannot flood the memory. One outcome that does not verify makes the whole
     * report forged: nothing of it is learned and the sender is avoided.
     */
    private void onInstallReport(Session s, InstallReport r, List<Outgoing> out, double now) {
        long latest = Math.round((now + config.maxClockSkewSeconds()) * 1000);
        int room = Math.max(0, config.maxGossipOutcomes() - s.outcomesTaken);
        List<InstallReport.Outcome> take = r.outcomes().subList(0, Math.min(room, r.outcomes().size()));
        for (InstallReport.Outcome o : take) {
            if (o.timeMillis() > latest || !verified(o)) {
                reject(s, RejectionKind.FORGED_REPORT, r.encodedSize(), out);
                return;
            }
        }
        s.outcomesTaken += take.size();
        for (InstallReport.Outcome o : take) {
            if (!o.device().equals(id)) {
                gossip.learn(o);
            }
        }
        for (Download d : holdings.downloadsSnapshot()) {
            if (gossip.refuses(d.signed.digest())) {
                refuse(d.signed.digest());
            }
        }
    }

    private void refuse(Digest d) {
        if (refused.add(d)) {
            counters.countRejected(RejectionKind.REFUSED_VERSION, 0);
        }
        Download dl = holdings.download(d);
        if (dl != null) {
            holdings.retire(dl);
        }
    }

    // ---------------------------------------------------------------- hostile peers

    private void reject(Session s, RejectionKind kind, int bytes, List<Outgoing> out) {
        counters.countRejected(kind, bytes);
        avoided.add(s.peer);
        sessions.remove(s.peer);
        release(s);
        memory.forget(s.peer);
        for (Session other : sessions.values()) {
            requestManifests(other, out);
        }
        refillAll(out);
    }

    /**
     * Blames every peer with a piece request older than {@code pieceTimeoutSeconds}: it claimed
     * the piece and withheld it. Its requests are released and asked of the other peers.
     */
    private void expireRequests(double now, List<Outgoing> out) {
        double limit = now - config.pieceTimeoutSeconds();
        for (Session s : new ArrayList<>(sessions.values())) {
            if (!sessions.containsKey(s.peer)) {
                continue;   // rejected while handling an earlier one
            }
            for (double t : s.requestedAt.values()) {
                if (t < limit) {
                    reject(s, RejectionKind.WITHHELD_PIECE, 0, out);
                    break;
                }
            }
        }
    }

    /** Releases every request outstanding to the peer of {@code s}. */
    private void release(Session s) {
        for (Download d : holdings.downloads()) {
            d.releasePeer(s.peer);
        }
        manifestPending.values().removeIf(p -> p.peer().equals(s.peer));
        s.outstanding.clear();
        s.requestedAt.clear();
    }

    // ---------------------------------------------------------------- plumbing

    private int frameBytes(Message m) {
        return m.encodedSize() + config.frameHeaderBytes();
    }

    private void send(List<Outgoing> out, PeerId to, Message m) {
        Outgoing o = new Outgoing(to, m, frameBytes(m));
        counters.countSent(o);
        out.add(o);
    }

    private void tick(double now) {
        if (!Double.isFinite(now) || now < lastNow) {
            throw new IllegalArgumentException("now must be finite and never decrease: got " + now + " after " + lastNow);
        }
        lastNow = now;
    }

    @Override
    public String toString() {
        return "DeviceNode " + id + " installed " + holdings.installedSoftware();
    }
}
