package org.p2prollout.model.rates;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * When each device was observed: per-pair rates divide contacts by the time both devices of the
 * pair were observed. Devices are {@code 0..devices-1}.
 *
 * @param devices  number of devices, {@code >= 2}
 * @param observed per device, the times it was observed (seconds)
 * @param from     start of the observation window, seconds
 * @param to       end of the observation window, seconds, {@code >= from}
 */
public record Observation(int devices, List<IntervalSet> observed, double from, double to) {
    public Observation {
        Checks.inRange("devices", devices, 2, Integer.MAX_VALUE);
        if (observed.size() != devices) {
            throw new InvalidInputException("observation needs one interval set per device (" + devices + "), got " + observed.size());
        }
        if (!(from <= to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new InvalidInputException("observation window needs finite from <= to (seconds), got [" + from + ", " + to + "]");
        }
        observed = List.copyOf(observed);
    }

    /**
     * Every device observed throughout {@code [from, to]} (e.g. a simulation run or a contact
     * list): every pair is then observed for {@code to - from} seconds.
     */
    public static Observation window(int devices, double from, double to) {
        Checks.inRange("devices", devices, 2, Integer.MAX_VALUE);
        IntervalSet all = IntervalSet.of(from, to);
        List<IntervalSet> sets = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            sets.add(all);
        }
        return new Observation(devices, sets, from, to);
    }

    /** Per-device observed intervals; the window spans them all. */
    public static Observation perDevice(List<IntervalSet> observed) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (IntervalSet s : observed) {
            if (s.size() > 0) {
                lo = Math.min(lo, s.first());
                hi = Math.max(hi, s.last());
            }
        }
        if (lo > hi) {
            throw new InvalidInputException("no device was ever observed");
        }
        return new Observation(observed.size(), observed, lo, hi);
    }

    /** Length of the window, seconds. */
    public double seconds() {
        return to - from;
    }
}
