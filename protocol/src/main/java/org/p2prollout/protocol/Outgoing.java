package org.p2prollout.protocol;

import java.util.Objects;
import org.p2prollout.protocol.wire.Message;
import org.p2prollout.protocol.wire.MessageKind;

/**
 * A message a node asks its transport to send.
 *
 * @param to the receiving peer (a peer currently in contact with the sender)
 * @param message the message
 * @param frameBytes bytes the link carries for it: {@code message.encodedSize()} plus the
 *                   sender's configured per-frame header; transmission takes
 *                   {@code frameBytes / bandwidth} seconds
 */
public record Outgoing(PeerId to, Message message, int frameBytes) {
    public Outgoing {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        if (frameBytes < message.encodedSize()) {
            throw new IllegalArgumentException("frameBytes " + frameBytes + " < encoded size " + message.encodedSize());
        }
    }

    public MessageKind kind() {
        return message.kind();
    }
}
