package org.p2prollout.protocol;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.p2prollout.protocol.wire.Message;

/**
 * One participant of the update protocol (a device, the infrastructure server, or a hostile
 * device), written sans-I/O: a state machine driven by the calls below, each passing the current
 * time in seconds and returning the messages to send. It holds no threads, clocks or sockets;
 * its randomness is injected at construction. Not thread-safe: one caller at a time.
 *
 * <h2>Transport contract (what the simulator, or a socket layer, must do)</h2>
 * <ol>
 *   <li><b>Contacts.</b> When two nodes come into range the transport calls
 *       {@link #contactStarted} on <em>both</em>; when the contact ends, {@link #contactEnded} on
 *       both. A device reaching the infrastructure is a contact with the server node
 *       ({@link PeerId#SERVER}): call {@link #serverReachable} on the device and
 *       {@code contactStarted(deviceId, now)} on the server, and end it the same way.</li>
 *   <li><b>Sending.</b> Every returned {@link Outgoing} is addressed to a peer currently in
 *       contact. The transport sends them in list order, after anything already queued to that
 *       peer, one frame at a time per direction: frame {@code k} occupies the link for
 *       {@code frameBytes / bandwidth} seconds after frame {@code k-1} finished.</li>
 *   <li><b>Delivery.</b> A frame is delivered (by calling {@link #receive} on the receiver with
 *       the time its last byte arrives) only if the contact lasts until then. Delivery is
 *       in order, at most once, without corruption by the link (corruption is modelled by
 *       hostile nodes, not by the transport). A frame cut off by the end of the contact is not
 *       delivered; its transmitted bytes are <em>lost bytes</em> counted by the transport, and
 *       frames still queued are dropped uncounted. After {@link #contactEnded} nothing more from
 *       that contact is delivered.</li>
 *   <li><b>Time.</b> {@code now} (seconds, finite) never decreases from one call to the next.</li>
 * </ol>
 *
 * <h2>Who counts what</h2>
 * The node counts in {@link #counters()}: frames handed to the transport (sent) and delivered to
 * it (received) per message kind, rejected items and their bytes per {@link RejectionKind},
 * verified payload from server versus peers, installs and rollbacks. The transport counts bytes
 * on the air, partial frames lost at contact end, and energy. The over-the-air totals of
 * PRODUCT.md §4.6 are therefore the transport's; node counters are per-device detail.
 */
public interface ProtocolNode {

    /** This node's identity. */
    PeerId id();

    /**
     * A contact with {@code peer} began; returns what to send it first (typically an
     * announcement and install reports).
     */
    List<Outgoing> contactStarted(PeerId peer, double now);

    /** A frame from {@code from} was delivered completely at time {@code now}; returns replies. */
    List<Outgoing> receive(PeerId from, Message message, double now);

    /**
     * The contact with {@code peer} ended: requests still outstanding to it are released so the
     * same pieces can be asked of other peers; downloads keep every piece already received and
     * resume on later contacts. Returns messages to <em>other</em> peers still in contact (the
     * released pieces re-requested from them); never a message to {@code peer}.
     */
    List<Outgoing> contactEnded(PeerId peer, double now);

    /** The infrastructure server became reachable: same as {@code contactStarted(PeerId.SERVER, now)}. */
    default List<Outgoing> serverReachable(double now) {
        return contactStarted(PeerId.SERVER, now);
    }

    /** The infrastructure server is no longer reachable: same as {@code contactEnded(PeerId.SERVER, now)}. */
    default List<Outgoing> serverUnreachable(double now) {
        return contactEnded(PeerId.SERVER, now);
    }

    /** Whether {@code software} is installed at {@code version} or newer. */
    boolean hasInstalled(SoftwareId software, Version version);

    /** The installed version of {@code software}, if any. */
    Optional<Version> installedVersion(SoftwareId software);

    /**
     * When (seconds) {@code software} was installed at exactly {@code version}, if it was
     * installed during the run; empty for the initial inventory and for versions never installed.
     */
    OptionalDouble installedAt(SoftwareId software, Version version);

    /** A copy of this node's counters. */
    NodeCounters counters();

    /**
     * Frame bytes of every message this node rejected so far: a transport can compare it before
     * and after a delivery to tell whether the frame was rejected, without copying the counters.
     */
    default long rejectedBytes() {
        return counters().rejectedBytes();
    }
}
