package org.p2prollout.model.trace;

import java.util.List;

/** What a reader produced: positions ({@link Trace}) or contacts directly ({@link ContactTrace}). */
public sealed interface TraceData permits Trace, ContactTrace {
    /** The format read. */
    TraceFormat format();

    /** True when the format was detected from content. */
    boolean detected();

    /** Number of devices (dense indices {@code 0..N-1}). */
    int devices();

    /** Device names as in the input, index = device. */
    List<String> deviceNames();
}
