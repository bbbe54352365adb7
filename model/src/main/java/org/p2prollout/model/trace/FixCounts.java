package org.p2prollout.model.trace;

/**
 * What happened to the fixes of a trace.
 *
 * @param read            well-formed fixes read inside the time window
 * @param droppedRegion   fixes outside the plausible region (too far from the trace's median
 *                        position, outside the ONE header's bounds, or impossible lat/lon)
 * @param droppedSpeed    fixes implying a speed above the limit (GPS glitches)
 * @param droppedDuplicate fixes repeating an earlier fix's time for the same device
 * @param malformedLines  malformed lines skipped under {@code --lenient} (0 otherwise)
 */
public record FixCounts(long read, long droppedRegion, long droppedSpeed, long droppedDuplicate, long malformedLines) {
    /** All dropped fixes. */
    public long dropped() {
        return droppedRegion + droppedSpeed + droppedDuplicate;
    }

    /** Fixes kept. */
    public long kept() {
        return read - dropped();
    }
}
