package org.p2prollout.model.contact;

import java.util.Arrays;

/**
 * Finds the pairs of devices within range at one step with a uniform grid of cells of side
 * {@code range} (a hair more), never comparing all pairs: each device is compared with its own
 * cell and the four forward neighbouring cells (E, NW, N, NE), so each pair is seen once.
 * The grid is dense over the devices' bounding box when that box has at most ~4 cells per
 * device, hashed into ~2 buckets per device otherwise. Scratch arrays are reused between steps.
 */
final class GridPairFinder {
    /**
     * Cells are a hair wider than the range so that rounding in {@code x / cell} can never put
     * two devices at distance exactly {@code range} two cells apart.
     */
    private static final double CELL_SLACK = 1 + 1e-6;

    private final double rangeSquared;
    private final double cell;

    private long[] cellX = new long[0];
    private long[] cellY = new long[0];
    private int[] bucketOf = new int[0];
    private int[] bucketStart = new int[0];
    private int[] sortedId = new int[0];
    /** Positions in grid order, x and y interleaved: one cache line serves both. */
    private double[] sortedXY = new double[0];
    private long[] sortedCellX = new long[0];
    private long[] sortedCellY = new long[0];
    private boolean dense;
    private int gridWidth;
    private int bucketCount;
    private int[] pairA = new int[64];
    private int[] pairB = new int[64];
    private int pairCount;

    GridPairFinder(double range) {
        this.rangeSquared = range * range;
        this.cell = range * CELL_SLACK;
    }

    /**
     * Finds the pairs in range among the {@code count} devices given (ids null: device k is
     * entry k). Positions must be finite; ids distinct.
     */
    void find(int[] ids, double[] x, double[] y, int count) {
        sortIntoGrid(ids, x, y, count);
        findPairsInRange();
    }

    /** Number of pairs found by the last {@link #find}. */
    int pairCount() {
        return pairCount;
    }

    /** Smaller device of each pair, entries {@code 0..pairCount()-1}; reused by the next find. */
    int[] first() {
        return pairA;
    }

    /** Larger device of each pair, parallel to {@link #first()}. */
    int[] second() {
        return pairB;
    }

    /**
     * Sorts the present devices by grid cell (counting sort). The grid is dense, one bucket per
     * cell of the bounding box with a margin of one cell, when that box has at most a few cells
     * per device; otherwise cells are hashed into about two buckets per device, and a bucket
     * may then hold several cells.
     */
    private void sortIntoGrid(int[] ids, double[] x, double[] y, int count) {
        ensureDeviceScratch(count);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            minX = Math.min(minX, x[k]);
            maxX = Math.max(maxX, x[k]);
            minY = Math.min(minY, y[k]);
            maxY = Math.max(maxY, y[k]);
        }
        // Cells relative to the box corner: small numbers, so x / cell loses no precision.
        long spanX = count == 0 ? 0 : (long) Math.floor((maxX - minX) / cell);
        long spanY = count == 0 ? 0 : (long) Math.floor((maxY - minY) / cell);
        long denseLimit = 4L * count + 64;
        // Test the sides first: their product could overflow for far-flung positions.
        dense = spanX <= denseLimit && spanY <= denseLimit && (spanX + 3) * (spanY + 2) <= denseLimit;
        long denseCells = dense ? (spanX + 3) * (spanY + 2) : 0;
        int buckets;
        if (dense) {
            gridWidth = (int) (spanX + 3);
            buckets = (int) denseCells;
        } else {
            buckets = Integer.highestOneBit(Math.max(16, 2 * count - 1)) << 1;
        }
        if (bucketStart.length < buckets + 1) {
            bucketStart = new int[Math.max(buckets + 1, bucketStart.length * 3 / 2)];
        }
        bucketCount = buckets;
        Arrays.fill(bucketStart, 0, buckets + 1, 0);
        int mask = buckets - 1;
        // Offsets from the box corner are >= 0, so the cast truncates like floor.
        if (dense) {
            for (int k = 0; k < count; k++) {
                long cx = (long) ((x[k] - minX) / cell);
                long cy = (long) ((y[k] - minY) / cell);
                int b = (int) (cx + 1 + cy * gridWidth);
                bucketOf[k] = b;
                bucketStart[b + 1]++;
            }
        } else {
            for (int k = 0; k < count; k++) {
                long cx = (long) ((x[k] - minX) / cell);
                long cy = (long) ((y[k] - minY) / cell);
                cellX[k] = cx;
                cellY[k] = cy;
                int b = hashedBucket(cx, cy, mask);
                bucketOf[k] = b;
                bucketStart[b + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        // Fill each bucket from its back, leaving bucketStart[b + 1] at the start of bucket b.
        for (int k = count - 1; k >= 0; k--) {
            int b = bucketOf[k];
            int pos = --bucketStart[b + 1];
            sortedId[pos] = ids == null ? k : ids[k];
            sortedXY[2 * pos] = x[k];
            sortedXY[2 * pos + 1] = y[k];
            if (!dense) {
                sortedCellX[pos] = cellX[k];
                sortedCellY[pos] = cellY[k];
            }
        }
        System.arraycopy(bucketStart, 1, bucketStart, 0, buckets);
        bucketStart[buckets] = count;
    }

    /** Appends every pair in range, each once, to pairA/pairB (smaller index first). */
    private void findPairsInRange() {
        pairCount = 0;
        if (dense) {
            // One bucket per cell: whole cells against their forward half-neighbourhood.
            int w = gridWidth;
            for (int c = 0; c < bucketCount; c++) {
                int from = bucketStart[c];
                int to = bucketStart[c + 1];
                if (from == to) {
                    continue;
                }
                int eastEnd = bucketStart[c + 2];
                int northFrom = bucketStart[c + w - 1];
                int northTo = bucketStart[c + w + 2];
                for (int p = from; p < to; p++) {
                    // The rest of this cell and cell E are consecutive buckets, and so are cells
                    // NW, N, NE; the margin of the grid keeps these indices valid.
                    compare(p, p + 1, eastEnd);
                    compare(p, northFrom, northTo);
                }
            }
            return;
        }
        int mask = bucketCount - 1;
        for (int b = 0; b < bucketCount; b++) {
            int end = bucketStart[b + 1];
            for (int p = bucketStart[b]; p < end; p++) {
                long cx = sortedCellX[p];
                long cy = sortedCellY[p];
                compareInCell(p, p + 1, end, cx, cy);
                compareInCell(p, cx + 1, cy, mask);
                compareInCell(p, cx + 1, cy + 1, mask);
                compareInCell(p, cx, cy + 1, mask);
                compareInCell(p, cx - 1, cy + 1, mask);
            }
        }
    }

    private void compareInCell(int p, long cx, long cy, int mask) {
        int b = hashedBucket(cx, cy, mask);
        compareInCell(p, bucketStart[b], bucketStart[b + 1], cx, cy);
    }

    /** Hashed grid: compares position p with positions [from, to) that lie in cell (cx, cy). */
    private void compareInCell(int p, int from, int to, long cx, long cy) {
        double px = sortedXY[2 * p];
        double py = sortedXY[2 * p + 1];
        for (int q = from; q < to; q++) {
            if (sortedCellX[q] == cx && sortedCellY[q] == cy) {
                double dx = sortedXY[2 * q] - px;
                double dy = sortedXY[2 * q + 1] - py;
                if (dx * dx + dy * dy <= rangeSquared) {
                    addPair(sortedId[p], sortedId[q]);
                }
            }
        }
    }

    /**
     * Dense grid: compares position p with positions [from, to). Writes every candidate and
     * advances the count only when in range: no unpredictable branch in the hot loop.
     */
    private void compare(int p, int from, int to) {
        if (from >= to) {
            return;
        }
        if (pairCount + (to - from) > pairA.length) {
            growPairs(pairCount + (to - from));
        }
        double px = sortedXY[2 * p];
        double py = sortedXY[2 * p + 1];
        int id = sortedId[p];
        int n = pairCount;
        int[] as = pairA;
        int[] bs = pairB;
        for (int q = from; q < to; q++) {
            double dx = sortedXY[2 * q] - px;
            double dy = sortedXY[2 * q + 1] - py;
            int other = sortedId[q];
            as[n] = Math.min(id, other);
            bs[n] = Math.max(id, other);
            n += dx * dx + dy * dy <= rangeSquared ? 1 : 0;
        }
        pairCount = n;
    }

    private void growPairs(int needed) {
        int size = Math.max(needed, pairA.length * 2);
        pairA = Arrays.copyOf(pairA, size);
        pairB = Arrays.copyOf(pairB, size);
    }

    private void addPair(int i, int j) {
        if (pairCount == pairA.length) {
            growPairs(pairCount + 1);
        }
        pairA[pairCount] = Math.min(i, j);
        pairB[pairCount] = Math.max(i, j);
        pairCount++;
    }

    private void ensureDeviceScratch(int count) {
        if (cellX.length < count) {
            int n = Math.max(count, 16);
            cellX = new long[n];
            cellY = new long[n];
            bucketOf = new int[n];
            sortedId = new int[n];
            sortedXY = new double[2 * n];
            sortedCellX = new long[n];
            sortedCellY = new long[n];
        }
    }


    private static int hashedBucket(long cx, long cy, int mask) {
        long h = cx * 0x9E3779B97F4A7C15L + cy * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }
}
