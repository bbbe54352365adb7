package org.p2prollout.model.trace;

import java.util.List;
import org.p2prollout.model.geo.LocalProjection;

/**
 * A position trace, frozen: one {@link Track} per device (dense indices {@code 0..N-1}, in the
 * order of the device names), positions in metres.
 *
 * @param source     the path read, for messages
 * @param format     the format read
 * @param detected   true when the format was detected from content (not given by the user)
 * @param coordinates what the input's coordinates were ({@link CoordinateKind#GEO} were projected)
 * @param projection the projection used for geographic input, {@code null} for cartesian
 * @param tracks     one per device, index = device
 * @param counts     fixes read, dropped and why, malformed lines skipped
 */
public record Trace(String source, TraceFormat format, boolean detected, CoordinateKind coordinates,
                    LocalProjection projection, List<Track> tracks, FixCounts counts) implements TraceData {
    public Trace {
        tracks = List.copyOf(tracks);
    }

    /** Number of devices. */
    @Override
    public int devices() {
        return tracks.size();
    }

    /** Fixes kept after filtering. */
    public long fixes() {
        long n = 0;
        for (Track t : tracks) {
            n += t.size();
        }
        return n;
    }

    /** Earliest fix time, seconds. */
    public double firstTime() {
        double m = Double.POSITIVE_INFINITY;
        for (Track t : tracks) {
            m = Math.min(m, t.firstTime());
        }
        return m;
    }

    /** Latest fix time, seconds. */
    public double lastTime() {
        double m = Double.NEGATIVE_INFINITY;
        for (Track t : tracks) {
            m = Math.max(m, t.lastTime());
        }
        return m;
    }

    /** Device names, index = device. */
    @Override
    public List<String> deviceNames() {
        return tracks.stream().map(Track::name).toList();
    }
}
