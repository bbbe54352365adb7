package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.p2prollout.solver.Generator;

/**
 * The iterates {@code v_{k+1} = v_k P} of the uniformised chain {@code P = I + Q/Λ}, computed by
 * rows of Pᵀ (the generator's incoming transitions, read in place: no copy of the matrix) in
 * blocks of {@value #BLOCK} states, in parallel over blocks. Owns the two iterate buffers.
 *
 * <p>Why blocks: a transient distribution from one state is zero on most of a big chain for
 * many steps, so the stepper keeps the list of blocks where the current iterate may be non-zero
 * and computes only the blocks those feed (found from block dependency lists). The result is
 * bit-for-bit the same as the full product. Values below the drop threshold are set to 0 and
 * their mass is counted ({@link Stats#dropped}); because P is stochastic, {@code ‖zP‖₁ <= ‖z‖₁},
 * so the error this causes in any later iterate is at most the total mass dropped.
 */
final class UniformisedStepper implements AutoCloseable {
    static final int BLOCK = 1024;
    /** Below this many blocks of work a step runs in the calling thread (fork/join costs more). */
    private static final int PARALLEL_MIN_BLOCKS = 16;

    private final Generator q;
    private final Generator.Incoming in;
    private final double inv;
    private final int n;
    private final int blocks;
    /** Row blocks fed by each column block (itself included), CSR; null when all blocks are always computed. */
    private final int[] feedStart;
    private final int[] feeds;
    private final ForkJoinPool pool;
    private final double dropThreshold;
    private final double[] blockDiff;
    private final double[] blockDropped;

    private double[] x;
    private double[] y;
    private boolean[] xActive;
    private boolean[] yActive;
    private int[] xList;
    private int xCount;
    private int[] yList;
    private int yCount;
    private final int[] stamp;
    private int iteration;
    private final int[] work;

    /** Reads a block of the current iterate (e.g. to accumulate it); called from worker threads, once per non-zero block. */
    interface BlockVisitor {
        void visit(int block, int from, int to, double[] v);
    }

    /**
     * Totals of one step: {@code diff = ‖v_{k+1} − v_k‖₁} (0 when not asked), the mass dropped,
     * and the blocks of {@code v_k} that were visited.
     */
    record Stats(double diff, double dropped, int[] visited, int visitedCount) {
    }

    /** @param initial the starting iterate; the stepper keeps (and overwrites) this array */
    UniformisedStepper(Generator q, double lambda, double dropThreshold, int threads, double[] initial) {
        this.q = q;
        this.in = q.incoming();
        this.inv = 1.0 / lambda;
        this.n = q.states();
        this.blocks = (n + BLOCK - 1) / BLOCK;
        this.dropThreshold = dropThreshold;
        this.blockDiff = new double[blocks];
        this.blockDropped = new double[blocks];
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        int[][] d = feeds();
        this.feedStart = d == null ? null : d[0];
        this.feeds = d == null ? null : d[1];
        this.x = initial;
        this.y = new double[n];
        this.xActive = new boolean[blocks];
        this.yActive = new boolean[blocks];
        this.xList = new int[blocks];
        this.yList = new int[blocks];
        this.stamp = new int[blocks];
        this.work = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            boolean any = false;
            for (int j = b * BLOCK, to = Math.min(n, j + BLOCK); j < to && !any; j++) {
                any = x[j] != 0;
            }
            if (any) {
                xActive[b] = true;
                xList[xCount++] = b;
            }
        }
    }

    int blocks() {
        return blocks;
    }

    /** The current iterate v_k. Read only. */
    double[] current() {
        return x;
    }

    /** Forward block dependencies; null when longer than a quarter of the transitions. */
    private int[][] feeds() {
        long limit = Math.max(4L * blocks, q.transitions() / 4);
        int[] start = new int[blocks + 1];
        int[] list = new int[Math.max(16, blocks * 4)];
        int size = 0;
        int[] seen = new int[blocks];
        Arrays.fill(seen, -1);
        for (int b = 0; b < blocks; b++) {
            seen[b] = b;
            if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
            }
            list[size++] = b;
            for (int s = b * BLOCK, to = Math.min(n, s + BLOCK); s < to; s++) {
                for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
                    int rb = q.column(k) / BLOCK;
                    if (seen[rb] != b) {
                        seen[rb] = b;
                        if (size == list.length) {
                            list = Arrays.copyOf(list, size * 2);
                        }
                        list[size++] = rb;
                        if (size > limit) {
                            return null;
                        }
                    }
                }
            }
            start[b + 1] = size;
        }
        return new int[][] {start, Arrays.copyOf(list, size)};
    }

    /**
     * Visits the non-zero blocks of {@code v_k}, computes {@code v_{k+1} = v_k P} (then drops
     * small values) and makes it current.
     *
     * @param wantDiff whether to compute {@code ‖v_{k+1} − v_k‖₁}
     * @param visitor  called on every non-zero block of {@code v_k} before it is overwritten, or null
     */
    Stats step(boolean wantDiff, BlockVisitor visitor) {
        int count;
        if (feedStart == null) {
            count = blocks;
            for (int b = 0; b < blocks; b++) {
                work[b] = b;
            }
        } else {
            int it = ++iteration;
            count = 0;
            for (int i = 0; i < xCount; i++) {
                int a = xList[i];
                for (int p = feedStart[a]; p < feedStart[a + 1]; p++) {
                    int r = feeds[p];
                    if (stamp[r] != it) {
                        stamp[r] = it;
                        work[count++] = r;
                    }
                }
            }
            for (int i = 0; i < yCount; i++) {   // stale values in blocks that will not be recomputed
                int b = yList[i];
                if (stamp[b] != it) {
                    Arrays.fill(y, b * BLOCK, Math.min(n, b * BLOCK + BLOCK), 0.0);
                    yActive[b] = false;
                }
            }
        }
        final int c = count;
        final double[] src = x;
        final double[] dst = y;
        if (pool == null || c < PARALLEL_MIN_BLOCKS) {
            for (int i = 0; i < c; i++) {
                block(work[i], src, dst, wantDiff, visitor);
            }
        } else {
            pool.submit(() -> IntStream.range(0, c).parallel().forEach(i -> block(work[i], src, dst, wantDiff, visitor))).join();
        }
        double d = 0;
        double dropped = 0;
        int[] visited = xList;
        int visitedCount = xCount;
        // the new iterate's non-zero blocks; the old iterate's become the stale list
        int[] newList = yList;
        int newCount = 0;
        for (int i = 0; i < c; i++) {
            int b = work[i];
            d += blockDiff[b];
            dropped += blockDropped[b];
            if (yActive[b]) {
                newList[newCount++] = b;
            }
        }
        yList = xList;
        yCount = xCount;
        xList = newList;
        xCount = newCount;
        double[] t = x;
        x = y;
        y = t;
        boolean[] ta = xActive;
        xActive = yActive;
        yActive = ta;
        return new Stats(d, dropped, visited, visitedCount);
    }

    private void block(int b, double[] src, double[] dst, boolean wantDiff, BlockVisitor visitor) {
        int from = b * BLOCK;
        int to = Math.min(n, from + BLOCK);
        if (visitor != null && xActive[b]) {
            visitor.visit(b, from, to, src);
        }
        final Generator.Incoming inc = in;
        final double scale = inv;
        final double tau = dropThreshold;
        double d = 0;
        double dropped = 0;
        boolean any = false;
        for (int j = from; j < to; j++) {
            double xj = src[j];
            double s = 0;
            for (int k = inc.start(j), e = inc.end(j); k < e; k++) {
                s += inc.rate(k) * src[inc.source(k)];
            }
            double v = xj + (s - q.exitRate(j) * xj) * scale;
            if (v < tau) {   // also clips rounding negatives when P[j][j] = 0
                dropped += Math.abs(v);
                v = 0;
            }
            if (wantDiff) {
                d += Math.abs(v - xj);
            }
            any |= v != 0;
            dst[j] = v;
        }
        blockDiff[b] = d;
        blockDropped[b] = dropped;
        yActive[b] = any;
    }

    /** Calls {@code visitor} on every non-zero block of the current iterate; returns those blocks (a copy). */
    int[] visit(BlockVisitor visitor) {
        int[] list = Arrays.copyOf(xList, xCount);
        final double[] src = x;
        if (pool == null || list.length < PARALLEL_MIN_BLOCKS) {
            for (int b : list) {
                visitor.visit(b, b * BLOCK, Math.min(n, b * BLOCK + BLOCK), src);
            }
        } else {
            pool.submit(() -> IntStream.of(list).parallel()
                    .forEach(b -> visitor.visit(b, b * BLOCK, Math.min(n, b * BLOCK + BLOCK), src))).join();
        }
        return list;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
