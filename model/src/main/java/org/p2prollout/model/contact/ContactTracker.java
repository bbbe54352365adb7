package org.p2prollout.model.contact;

import java.util.Arrays;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * Streaming contact detection: fed the device positions one time step at a time, it reports to
 * a {@link ContactListener} when pairs come within radio range and when they part.
 *
 * <h2>Convention</h2>
 * Two devices are <em>in range</em> at a step when both are present and their Euclidean
 * distance is {@code <= range} (the boundary counts as in range). A contact is a maximal run of
 * consecutive steps in range; its start is the time of the first step of the run and its end the
 * time of the last, so a pair seen in range on one step only has a contact of duration 0, and
 * the true contact length is underestimated by up to one step on each side. A device absent from
 * a step ends all its contacts, at the time of the previous step (the last one in range).
 * {@link #finish()} ends the contacts still open at the time of the last step.
 *
 * <h2>Order of events</h2>
 * During {@link #step} the listener first receives the contacts that ended (time = previous
 * step), sorted by {@code (a, b)}, then the contacts that started (time = this step), sorted by
 * {@code (a, b)}: event times never decrease, and the sequence depends only on the positions,
 * not on the order of devices within a step.
 *
 * <h2>Cost</h2>
 * A uniform grid of cells of side {@code range} (a hair more; no all-pairs loop), dense over
 * the devices' bounding box when that has at most ~4 cells per device, hashed otherwise: each
 * device is compared only with the devices of its own cell and of the four forward neighbouring
 * cells. The pairs in range are sorted (a counting sort on the first device) and merged with
 * the sorted pairs of the previous step, so a step costs O(devices present + pairs in range)
 * with sequential memory access, and no hash lookup per pair. Memory: about 90 bytes per device
 * plus about 44 bytes per pair in range. Not thread-safe; one tracker per stream of positions.
 */
public final class ContactTracker {
    private final int devices;
    private final double range;
    private final ContactListener listener;

    /** Open contacts: the pairs in range at the last step, keys a << 32 | b, ascending. */
    private long[] open = new long[64];
    private int openCount;
    /**
     * Number of the check in which each device was last listed, to reject duplicates within a
     * step; counted per check, not per step, so a rejected step leaves no trace.
     */
    private final int[] presentAt;
    private int checks;

    private int stepIndex = -1;
    private double lastTime = Double.NEGATIVE_INFINITY;
    private boolean finished;
    private long contactsStarted;

    private final GridPairFinder finder;

    // Per-step scratch, grown on demand and reused so that a step allocates nothing.
    private int pairCount;
    private int[] pairA;
    private int[] pairB;
    private int[] rowStart;
    private int[] sortedB = new int[0];
    private long[] current = new long[64];
    private long[] started = new long[64];
    private int startedCount;
    private long[] ended = new long[64];
    private int endedCount;

    /**
     * @param devices  number of devices; indices are {@code 0..devices-1}, {@code >= 1}
     * @param range    radio range in metres (or the unit of the positions), {@code > 0}
     * @param listener receives the contact events
     */
    public ContactTracker(int devices, double range, ContactListener listener) {
        this.devices = Checks.inRange("devices", devices, 1, Integer.MAX_VALUE - 8);
        this.range = Checks.positive("range", range);
        this.finder = new GridPairFinder(range);
        if (listener == null) {
            throw new InvalidInputException("listener must not be null");
        }
        this.listener = listener;
        this.presentAt = new int[devices];
        Arrays.fill(presentAt, -1);
    }

    /** Number of devices this tracker was built for. */
    public int devices() {
        return devices;
    }

    /** Radio range, in the unit of the positions. */
    public double range() {
        return range;
    }

    /** Number of steps fed so far. */
    public int steps() {
        return stepIndex + 1;
    }

    /** Time of the last step, or negative infinity before the first. */
    public double lastTime() {
        return lastTime;
    }

    /** Number of contacts currently open (in range at the last step). */
    public int openContacts() {
        return openCount;
    }

    /** Number of contacts started so far. */
    public long contactsStarted() {
        return contactsStarted;
    }

    /**
     * One step with every device present: device {@code i} is at {@code (x[i], y[i])}.
     *
     * @param time seconds, strictly greater than the previous step's
     * @param x    x coordinates of devices {@code 0..devices-1}; not modified
     * @param y    y coordinates; not modified
     */
    public void step(double time, double[] x, double[] y) {
        if (x.length < devices || y.length < devices) {
            throw new InvalidInputException("x and y need one coordinate per device (" + devices
                    + "), got " + x.length + " and " + y.length);
        }
        advance(time, null, x, y, devices);
    }

    /**
     * One step with the devices present at {@code time}: device {@code ids[k]} is at
     * {@code (x[k], y[k])} for {@code k < count}; devices not listed are absent.
     *
     * @param time  seconds, strictly greater than the previous step's
     * @param ids   device indices in {@code 0..devices-1}, each at most once; not modified
     * @param x     x coordinates, parallel to {@code ids}; not modified
     * @param y     y coordinates, parallel to {@code ids}; not modified
     * @param count number of entries used, {@code 0 <= count <= ids.length}
     */
    public void step(double time, int[] ids, double[] x, double[] y, int count) {
        if (ids == null) {
            throw new InvalidInputException("ids must not be null");
        }
        advance(time, ids, x, y, count);
    }

    private void advance(double time, int[] ids, double[] x, double[] y, int count) {
        checkStep(time, ids, x, y, count);
        stepIndex++;
        double previousTime = lastTime;
        lastTime = time;
        startedCount = 0;
        endedCount = 0;

        finder.find(ids, x, y, count);
        pairCount = finder.pairCount();
        pairA = finder.first();
        pairB = finder.second();
        sortPairs();
        mergeWithOpen();

        for (int k = 0; k < endedCount; k++) {
            listener.contactEnded(PairMap.first(ended[k]), PairMap.second(ended[k]), previousTime);
        }
        for (int k = 0; k < startedCount; k++) {
            listener.contactStarted(PairMap.first(started[k]), PairMap.second(started[k]), time);
        }
        contactsStarted += startedCount;
    }

    /**
     * Ends every open contact at the time of the last step (the last instant it was seen in
     * range). No step may follow.
     */
    public void finish() {
        finish(lastTime);
    }

    /**
     * Ends every open contact at {@code time}, e.g. the end of the observation window when the
     * caller prefers to count a contact open at the last step as lasting until then.
     * No step may follow.
     *
     * @param time seconds, {@code >=} the time of the last step
     */
    public void finish(double time) {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        if (stepIndex < 0) {
            return;
        }
        if (!(time >= lastTime) || Double.isInfinite(time)) {
            throw new InvalidInputException("finish time must be finite and >= the last step time "
                    + lastTime + ", got " + time);
        }
        int n = openCount;
        openCount = 0;
        for (int k = 0; k < n; k++) {
            listener.contactEnded(PairMap.first(open[k]), PairMap.second(open[k]), time);
        }
    }

    private void checkStep(double time, int[] ids, double[] x, double[] y, int count) {
        if (finished) {
            throw new IllegalStateException("step() after finish()");
        }
        if (!Double.isFinite(time) || !(time > lastTime)) {
            throw new InvalidInputException("step time must be finite and greater than the previous step time "
                    + lastTime + ", got " + time);
        }
        int capacity = ids == null ? devices : ids.length;
        if (count < 0 || count > capacity || count > x.length || count > y.length) {
            throw new InvalidInputException("count must be in [0, " + Math.min(capacity, Math.min(x.length, y.length))
                    + "] (the length of ids, x and y), got " + count);
        }
        int next = ++checks;
        for (int k = 0; k < count; k++) {
            int id = ids == null ? k : ids[k];
            if (id < 0 || id >= devices) {
                throw new InvalidInputException("ids[" + k + "] must be a device index in [0, " + (devices - 1)
                        + "], got " + id);
            }
            if (presentAt[id] == next) {
                throw new InvalidInputException("device " + id + " appears twice in the step at time " + time);
            }
            presentAt[id] = next;
            if (!Double.isFinite(x[k]) || !Double.isFinite(y[k])) {
                throw new InvalidInputException("position of device " + id + " at time " + time
                        + " must be finite, got (" + x[k] + ", " + y[k] + ")");
            }
        }
    }

    /**
     * Sorts this step's pairs into {@code current} as keys {@code a << 32 | b}, ascending:
     * a counting sort on {@code a} (linear, sequential writes) then the few {@code b} of each
     * {@code a} sorted in place; with few pairs for many devices, a plain sort is cheaper.
     */
    private void sortPairs() {
        if (current.length < pairCount) {
            current = new long[Math.max(pairCount, current.length * 3 / 2)];
        }
        if ((long) pairCount * 8 < devices) {
            for (int k = 0; k < pairCount; k++) {
                current[k] = (long) pairA[k] << 32 | pairB[k];
            }
            Arrays.sort(current, 0, pairCount);
            return;
        }
        if (rowStart == null) {
            rowStart = new int[devices + 1];
        }
        if (sortedB.length < pairCount) {
            sortedB = new int[current.length];
        }
        Arrays.fill(rowStart, 0);
        for (int k = 0; k < pairCount; k++) {
            rowStart[pairA[k] + 1]++;
        }
        for (int a = 0; a < devices; a++) {
            rowStart[a + 1] += rowStart[a];
        }
        for (int k = pairCount - 1; k >= 0; k--) {
            sortedB[--rowStart[pairA[k] + 1]] = pairB[k];
        }
        // rowStart[a + 1] is now the start of row a.
        int pos = 0;
        for (int a = 0; a < devices; a++) {
            int end = a + 2 <= devices ? rowStart[a + 2] : pairCount;
            if (end - pos > 1) {
                sortRow(pos, end);
            }
            long high = (long) a << 32;
            for (; pos < end; pos++) {
                current[pos] = high | sortedB[pos];
            }
        }
    }

    private void sortRow(int from, int to) {
        if (to - from > 24) {
            Arrays.sort(sortedB, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int v = sortedB[i];
            int j = i - 1;
            while (j >= from && sortedB[j] > v) {
                sortedB[j + 1] = sortedB[j];
                j--;
            }
            sortedB[j + 1] = v;
        }
    }

    /** Merges the sorted open pairs with this step's: the differences are the ends and starts. */
    private void mergeWithOpen() {
        int i = 0;
        int j = 0;
        while (i < openCount && j < pairCount) {
            long o = open[i];
            long c = current[j];
            if (o == c) {
                i++;
                j++;
            } else if (o < c) {
                addEnded(o);
                i++;
            } else {
                addStarted(c);
                j++;
            }
        }
        while (i < openCount) {
            addEnded(open[i++]);
        }
        while (j < pairCount) {
            addStarted(current[j++]);
        }
        long[] swap = open;
        open = current;
        current = swap;
        openCount = pairCount;
    }

    private void addEnded(long key) {
        if (endedCount == ended.length) {
            ended = Arrays.copyOf(ended, ended.length * 2);
        }
        ended[endedCount++] = key;
    }

    private void addStarted(long key) {
        if (startedCount == started.length) {
            started = Arrays.copyOf(started, started.length * 2);
        }
        started[startedCount++] = key;
    }

}
