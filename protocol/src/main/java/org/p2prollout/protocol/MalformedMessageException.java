package org.p2prollout.protocol;

/**
 * Bytes that are not a valid encoding: truncated, trailing garbage, an unknown message tag, a
 * count larger than the bytes that follow, invalid UTF-8, or fields that contradict each other.
 * The message says which field at which byte offset. Thrown by the decoders; a node never sees a
 * message that failed to decode (the transport drops it).
 */
public class MalformedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
