package org.p2prollout.model.contact;

import java.util.Arrays;
import org.p2prollout.solver.Checks;
import org.p2prollout.solver.InvalidInputException;

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
 * A hashed uniform grid of cells of side {@code range} (no all-pairs loop): each device is
 * compared only with devices of its own and the four forward neighbouring cells, so a step costs
 * O(devices present + pairs in range). Open contacts live in a primitive open-addressing table
 * (16 bytes per pair). Memory: about 80 bytes per device plus 16 bytes per open contact.
 * Not thread-safe; one tracker per stream of positions.
 */
public final class ContactTracker {
    /**
     * Cells are a hair wider than the range so that rounding in {@code x / cell} can never put
     * two devices at distance exactly {@code range} two cells apart.
     */
    private static final double CELL_SLACK = 1 + 1e-9;

    private final int devices;
    private final double range;
    private final double rangeSquared;
    private final double cell;
    private final ContactListener listener;

    /** Open contacts: pair key to the index of the last step at which the pair was in range. */
    private final PairMap open = new PairMap();
    /** Step index at which each device was last present, to reject duplicates within a step. */
    private final int[] presentAt;

    private int stepIndex = -1;
    private double lastTime = Double.NEGATIVE_INFINITY;
    private boolean finished;
    private long contactsStarted;

    // Per-step scratch, grown on demand and reused so that a step allocates nothing.
    private long[] cellX = new long[0];
    private long[] cellY = new long[0];
    private int[] bucketOf = new int[0];
    private int[] bucketStart = new int[0];
    private int[] sortedId = new int[0];
    private double[] sortedX = new double[0];
    private double[] sortedY = new double[0];
    private long[] sortedCellX = new long[0];
    private long[] sortedCellY = new long[0];
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
        this.rangeSquared = range * range;
        this.cell = range * CELL_SLACK;
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
        return open.size();
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

        sortIntoGrid(ids, x, y, count);
        findPairsInRange(count);
        collectEnded();

        Arrays.sort(ended, 0, endedCount);
        for (int k = 0; k < endedCount; k++) {
            listener.contactEnded(PairMap.first(ended[k]), PairMap.second(ended[k]), previousTime);
        }
        Arrays.sort(started, 0, startedCount);
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
        endedCount = 0;
        for (int s = 0; s < open.capacity(); s++) {
            long key = open.keyAt(s);
            if (key >= 0) {
                addEnded(key);
            }
        }
        Arrays.sort(ended, 0, endedCount);
        open.clear();
        for (int k = 0; k < endedCount; k++) {
            listener.contactEnded(PairMap.first(ended[k]), PairMap.second(ended[k]), time);
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
        int next = stepIndex + 1;
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

    /** Counting sort of the present devices by hashed grid cell. */
    private void sortIntoGrid(int[] ids, double[] x, double[] y, int count) {
        ensureDeviceScratch(count);
        int buckets = bucketStart.length - 1;
        int mask = buckets - 1;
        Arrays.fill(bucketStart, 0);
        for (int k = 0; k < count; k++) {
            long cx = (long) Math.floor(x[k] / cell);
            long cy = (long) Math.floor(y[k] / cell);
            cellX[k] = cx;
            cellY[k] = cy;
            int b = bucket(cx, cy, mask);
            bucketOf[k] = b;
            bucketStart[b + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        // Fill from the back of each bucket so that bucketStart ends up as the bucket starts.
        for (int k = count - 1; k >= 0; k--) {
            int b = bucketOf[k];
            int pos = --bucketStart[b + 1];
            sortedId[pos] = ids == null ? k : ids[k];
            sortedX[pos] = x[k];
            sortedY[pos] = y[k];
            sortedCellX[pos] = cellX[k];
            sortedCellY[pos] = cellY[k];
        }
        // Now bucketStart[b + 1] is the start of bucket b; shift to the usual layout.
        System.arraycopy(bucketStart, 1, bucketStart, 0, buckets);
        bucketStart[buckets] = count;
    }

    private void findPairsInRange(int count) {
        int buckets = bucketStart.length - 1;
        int mask = buckets - 1;
        for (int b = 0; b < buckets; b++) {
            int end = bucketStart[b + 1];
            for (int p = bucketStart[b]; p < end; p++) {
                long cx = sortedCellX[p];
                long cy = sortedCellY[p];
                // Same cell: later positions of the same bucket only, so each pair once.
                scan(p, p + 1, end, cx, cy);
                // Forward half of the 8-neighbourhood: every adjacent pair of cells once.
                scanCell(p, cx + 1, cy, mask);
                scanCell(p, cx + 1, cy + 1, mask);
                scanCell(p, cx, cy + 1, mask);
                scanCell(p, cx - 1, cy + 1, mask);
            }
        }
    }

    private void scanCell(int p, long cx, long cy, int mask) {
        int b = bucket(cx, cy, mask);
        scan(p, bucketStart[b], bucketStart[b + 1], cx, cy);
    }

    /** Compares device at sorted position p with positions [from, to) that lie in cell (cx, cy). */
    private void scan(int p, int from, int to, long cx, long cy) {
        double px = sortedX[p];
        double py = sortedY[p];
        for (int q = from; q < to; q++) {
            if (sortedCellX[q] != cx || sortedCellY[q] != cy) {
                continue;
            }
            double dx = sortedX[q] - px;
            double dy = sortedY[q] - py;
            if (dx * dx + dy * dy <= rangeSquared) {
                inRange(sortedId[p], sortedId[q]);
            }
        }
    }

    private void inRange(int i, int j) {
        long key = i < j ? PairMap.key(i, j) : PairMap.key(j, i);
        int slot = open.find(key);
        if (slot >= 0) {
            open.setValueAt(slot, stepIndex);
        } else {
            open.put(key, stepIndex);
            if (startedCount == started.length) {
                started = Arrays.copyOf(started, started.length * 2);
            }
            started[startedCount++] = key;
        }
    }

    /** Open contacts not refreshed at this step have ended; removes them from the table. */
    private void collectEnded() {
        for (int s = 0; s < open.capacity(); s++) {
            long key = open.keyAt(s);
            if (key >= 0 && open.valueAt(s) < stepIndex) {
                addEnded(key);
            }
        }
        for (int k = 0; k < endedCount; k++) {
            open.remove(ended[k]);
        }
    }

    private void addEnded(long key) {
        if (endedCount == ended.length) {
            ended = Arrays.copyOf(ended, ended.length * 2);
        }
        ended[endedCount++] = key;
    }

    private void ensureDeviceScratch(int count) {
        if (cellX.length < count) {
            int n = Math.max(count, 16);
            cellX = new long[n];
            cellY = new long[n];
            bucketOf = new int[n];
            sortedId = new int[n];
            sortedX = new double[n];
            sortedY = new double[n];
            sortedCellX = new long[n];
            sortedCellY = new long[n];
        }
        // About two buckets per device keeps buckets short without a large table to clear.
        int buckets = Integer.highestOneBit(Math.max(16, 2 * count - 1)) << 1;
        if (bucketStart.length != buckets + 1) {
            bucketStart = new int[buckets + 1];
        }
    }

    private static int bucket(long cx, long cy, int mask) {
        long h = cx * 0x9E3779B97F4A7C15L + cy * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }
}
