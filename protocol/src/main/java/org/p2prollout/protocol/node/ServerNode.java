package org.p2prollout.protocol.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.p2prollout.core.Checks;
import org.p2prollout.protocol.NodeCounters;
import org.p2prollout.protocol.Outgoing;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.ProtocolNode;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.PieceData;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.wire.Announcement;
import org.p2prollout.protocol.wire.InventoryItem;
import org.p2prollout.protocol.wire.ManifestRequest;
import org.p2prollout.protocol.wire.ManifestResponse;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.Piece;
import org.p2prollout.protocol.wire.PieceRequest;
import org.p2prollout.protocol.wire.PieceUnavailable;

/**
 * The infrastructure server ({@link PeerId#SERVER}): holds every published release, announces
 * them all on each contact, answers every manifest and piece request, and never downloads. It
 * serves any number of devices at once; each device reaching it is a contact like any other.
 */
public final class ServerNode implements ProtocolNode {
    private final int frameHeaderBytes;
    private final Map<Digest, Release> releases = new LinkedHashMap<>();
    private final Set<PeerId> contacts = new HashSet<>();
    private final NodeCounters counters = new NodeCounters();
    private double lastNow = Double.NEGATIVE_INFINITY;

    /** @param frameHeaderBytes per-frame header added to every encoding (>= 0) */
    public ServerNode(int frameHeaderBytes, List<Release> releases) {
        this.frameHeaderBytes = Checks.inRange("frameHeaderBytes", frameHeaderBytes, 0, 1 << 20);
        for (Release r : releases) {
            publish(r);
        }
    }

    /** Makes {@code r} available from now on (announced on contacts that start later). */
    public void publish(Release r) {
        releases.put(r.digest(), r);
    }

    @Override
    public PeerId id() {
        return PeerId.SERVER;
    }

    /** What the server announces: every release it holds, serving, no downloads, no met list. */
    public Announcement announcement() {
        List<InventoryItem> items = new ArrayList<>();
        for (Release r : releases.values()) {
            items.add(new InventoryItem(r.manifest().manifest().software(), r.manifest().manifest().version(), r.digest()));
        }
        return new Announcement(true, items, List.of(), List.of());
    }

    @Override
    public List<Outgoing> contactStarted(PeerId peer, double now) {
        tick(now);
        contacts.add(peer);
        List<Outgoing> out = new ArrayList<>(1);
        send(out, peer, announcement());
        return out;
    }

    @Override
    public List<Outgoing> receive(PeerId from, Message m, double now) {
        tick(now);
        counters.countReceived(m.kind(), m.encodedSize() + frameHeaderBytes);
        if (!contacts.contains(from)) {
            throw new IllegalStateException("server received " + m.kind() + " from " + from + " outside a contact");
        }
        List<Outgoing> out = new ArrayList<>(1);
        if (m instanceof ManifestRequest r) {
            Release rel = releases.get(r.manifestDigest());
            if (rel != null) {
                send(out, from, new ManifestResponse(rel.manifest()));
            }
        } else if (m instanceof PieceRequest r) {
            Release rel = releases.get(r.manifestDigest());
            if (rel != null && r.index() < rel.pieces().size()) {
                PieceData data = rel.pieces().get(r.index());
                send(out, from, new Piece(r.manifestDigest(), r.index(), data));
            } else {
                send(out, from, new PieceUnavailable(r.manifestDigest(), r.index(), PieceUnavailable.Reason.NOT_HELD));
            }
        }
        // announcements and install reports from devices need no answer
        return out;
    }

    @Override
    public List<Outgoing> contactEnded(PeerId peer, double now) {
        tick(now);
        contacts.remove(peer);
        return List.of();
    }

    @Override
    public boolean hasInstalled(SoftwareId software, Version version) {
        for (Release r : releases.values()) {
            if (r.manifest().manifest().software().equals(software)
                    && r.manifest().manifest().version().compareTo(version) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Version> installedVersion(SoftwareId software) {
        Version best = null;
        for (Release r : releases.values()) {
            Version v = r.manifest().manifest().version();
            if (r.manifest().manifest().software().equals(software) && (best == null || v.isNewerThan(best))) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public OptionalDouble installedAt(SoftwareId software, Version version) {
        return OptionalDouble.empty();
    }

    @Override
    public NodeCounters counters() {
        return counters.copy();
    }

    private void send(List<Outgoing> out, PeerId to, Message m) {
        Outgoing o = new Outgoing(to, m, m.encodedSize() + frameHeaderBytes);
        counters.countSent(o);
        out.add(o);
    }

    private void tick(double now) {
        if (!Double.isFinite(now) || now < lastNow) {
            throw new IllegalArgumentException("now must be finite and never decrease: got " + now + " after " + lastNow);
        }
        lastNow = now;
    }
}
