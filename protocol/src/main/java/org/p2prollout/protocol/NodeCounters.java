package org.p2prollout.protocol;

import java.io.Serializable;
import java.util.Arrays;
import org.p2prollout.protocol.wire.MessageKind;

/**
 * What one node counted about its own traffic and decisions. Mutable, written only by its node;
 * {@link ProtocolNode#counters()} hands out copies. Serializable, and {@link #add} sums nodes.
 *
 * <p>Who counts what: "sent" counts every frame the node handed to its transport (the
 * {@link Outgoing#frameBytes} of each returned message), whether or not the link delivered it;
 * "received" counts every frame delivered to {@link ProtocolNode#receive}. Bytes actually put on
 * the air, and partial frames lost when a contact ends, are the transport's (the simulator's) to
 * count: a node never learns of them. Rejected bytes are the frame bytes of rejected messages.
 */
public final class NodeCounters implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int KINDS = MessageKind.values().length;
    private static final int REJECTIONS = RejectionKind.values().length;

    private final long[] messagesSent = new long[KINDS];
    private final long[] bytesSent = new long[KINDS];
    private final long[] messagesReceived = new long[KINDS];
    private final long[] bytesReceived = new long[KINDS];
    private final long[] rejected = new long[REJECTIONS];
    private final long[] rejectedBytes = new long[REJECTIONS];
    private long piecesFromServer;
    private long piecesFromPeers;
    private long payloadBytesFromServer;
    private long payloadBytesFromPeers;
    private long duplicatePieces;
    private long installs;
    private long rollbacks;

    public void countSent(Outgoing o) {
        messagesSent[o.kind().ordinal()]++;
        bytesSent[o.kind().ordinal()] += o.frameBytes();
    }

    public void countReceived(MessageKind kind, int frameBytes) {
        messagesReceived[kind.ordinal()]++;
        bytesReceived[kind.ordinal()] += frameBytes;
    }

    public void countRejected(RejectionKind kind, int frameBytes) {
        rejected[kind.ordinal()]++;
        rejectedBytes[kind.ordinal()] += frameBytes;
    }

    /** A verified, new piece of {@code payloadBytes} data bytes. */
    public void countAcceptedPiece(boolean fromServer, int payloadBytes) {
        if (fromServer) {
            piecesFromServer++;
            payloadBytesFromServer += payloadBytes;
        } else {
            piecesFromPeers++;
            payloadBytesFromPeers += payloadBytes;
        }
    }

    public void countDuplicatePiece() {
        duplicatePieces++;
    }

    public void countInstall() {
        installs++;
    }

    public void countRollback() {
        rollbacks++;
    }

    /** Frames of this kind handed to the transport. */
    public long messagesSent(MessageKind kind) {
        return messagesSent[kind.ordinal()];
    }

    /** Frame bytes (encoding + header) of this kind handed to the transport. */
    public long bytesSent(MessageKind kind) {
        return bytesSent[kind.ordinal()];
    }

    /** Frame bytes handed to the transport, all kinds. */
    public long bytesSent() {
        return Arrays.stream(bytesSent).sum();
    }

    public long messagesReceived(MessageKind kind) {
        return messagesReceived[kind.ordinal()];
    }

    /** Frame bytes of this kind delivered to the node. */
    public long bytesReceived(MessageKind kind) {
        return bytesReceived[kind.ordinal()];
    }

    /** Items rejected for this reason (for {@link RejectionKind#REFUSED_VERSION}: releases refused). */
    public long rejected(RejectionKind kind) {
        return rejected[kind.ordinal()];
    }

    /** Frame bytes of the rejected messages (0 for {@link RejectionKind#REFUSED_VERSION}). */
    public long rejectedBytes(RejectionKind kind) {
        return rejectedBytes[kind.ordinal()];
    }

    /** Frame bytes of all rejected messages, every kind. */
    public long rejectedBytes() {
        return Arrays.stream(rejectedBytes).sum();
    }

    /** Items rejected, every kind (refused releases included). */
    public long rejected() {
        return Arrays.stream(rejected).sum();
    }

    /** Verified new pieces received from the infrastructure server. */
    public long piecesFromServer() {
        return piecesFromServer;
    }

    /** Verified new pieces received from other devices. */
    public long piecesFromPeers() {
        return piecesFromPeers;
    }

    /** Data bytes (piece payload, no message overhead) of verified new pieces from the server. */
    public long payloadBytesFromServer() {
        return payloadBytesFromServer;
    }

    /** Data bytes of verified new pieces from other devices. */
    public long payloadBytesFromPeers() {
        return payloadBytesFromPeers;
    }

    /** Valid pieces received that the node already held (wasted, not rejected). */
    public long duplicatePieces() {
        return duplicatePieces;
    }

    /** Successful installations. */
    public long installs() {
        return installs;
    }

    /** Installations that failed and were rolled back. */
    public long rollbacks() {
        return rollbacks;
    }

    /** Adds every count of {@code other} to this. */
    public NodeCounters add(NodeCounters other) {
        for (int i = 0; i < KINDS; i++) {
            messagesSent[i] += other.messagesSent[i];
            bytesSent[i] += other.bytesSent[i];
            messagesReceived[i] += other.messagesReceived[i];
            bytesReceived[i] += other.bytesReceived[i];
        }
        for (int i = 0; i < REJECTIONS; i++) {
            rejected[i] += other.rejected[i];
            rejectedBytes[i] += other.rejectedBytes[i];
        }
        piecesFromServer += other.piecesFromServer;
        piecesFromPeers += other.piecesFromPeers;
        payloadBytesFromServer += other.payloadBytesFromServer;
        payloadBytesFromPeers += other.payloadBytesFromPeers;
        duplicatePieces += other.duplicatePieces;
        installs += other.installs;
        rollbacks += other.rollbacks;
        return this;
    }

    public NodeCounters copy() {
        return new NodeCounters().add(this);
    }
}
