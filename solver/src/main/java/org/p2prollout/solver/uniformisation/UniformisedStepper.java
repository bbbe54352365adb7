package org.p2prollout.solver.uniformisation;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.p2prollout.solver.Generator;

/**
 * One step {@code y = x P} of the uniformised chain {@code P = I + Q/Λ}, computed by rows of
 * Pᵀ (the generator's incoming transitions, read in place: no copy of the matrix) in blocks of
 * {@value #BLOCK} states, in parallel over blocks.
 *
 * <p>Why blocks: a transient distribution from one state is zero on most of a big chain for
 * many steps, so the stepper keeps a flag per block saying whether {@code x} may be non-zero
 * there, and computes only blocks that read a non-zero block. The result is bit-for-bit the
 * same as the full product. Values below the drop threshold are set to 0 and their mass is
 * counted ({@link Stats#dropped}); because P is stochastic, {@code ‖zP‖₁ <= ‖z‖₁}, so the error
 * this causes in any later iterate is at most the total mass dropped.
 */
final class UniformisedStepper implements AutoCloseable {
    static final int BLOCK = 1024;

    private final Generator q;
    private final Generator.Incoming in;
    private final double inv;
    private final int n;
    private final int blocks;
    /** Column blocks read by each row block (CSR), or null when tracking would cost too much. */
    private final int[] depStart;
    private final int[] deps;
    private final ForkJoinPool pool;
    private final double dropThreshold;
    private final double[] blockDiff;
    private final double[] blockDropped;

    /** Reads an input block (e.g. to accumulate it); called from worker threads, once per non-zero block. */
    interface BlockVisitor {
        void visit(int block, int from, int to, double[] x);
    }

    /** Totals of one step. */
    record Stats(double diff, double dropped, int blocksComputed) {
    }

    UniformisedStepper(Generator q, double lambda, double dropThreshold, int threads) {
        this.q = q;
        this.in = q.incoming();
        this.inv = 1.0 / lambda;
        this.n = q.states();
        this.blocks = (n + BLOCK - 1) / BLOCK;
        this.dropThreshold = dropThreshold;
        this.blockDiff = new double[blocks];
        this.blockDropped = new double[blocks];
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        int[][] d = dependencies();
        this.depStart = d == null ? null : d[0];
        this.deps = d == null ? null : d[1];
    }

    int blocks() {
        return blocks;
    }

    /** Block dependency lists; null when they would be longer than a quarter of the transitions. */
    private int[][] dependencies() {
        long limit = Math.max(4L * blocks, q.transitions() / 4);
        int[] start = new int[blocks + 1];
        int[] list = new int[Math.max(16, blocks * 4)];
        int size = 0;
        int[] seen = new int[blocks];
        Arrays.fill(seen, -1);
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            seen[b] = b;
            if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
            }
            list[size++] = b;
            for (int j = from; j < to; j++) {
                for (int k = in.start(j); k < in.end(j); k++) {
                    int cb = in.source(k) / BLOCK;
                    if (seen[cb] != b) {
                        seen[cb] = b;
                        if (size == list.length) {
                            list = Arrays.copyOf(list, size * 2);
                        }
                        list[size++] = cb;
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

    /** Marks the blocks of {@code x} holding a non-zero value. */
    void markActive(double[] x, boolean[] active) {
        for (int b = 0; b < blocks; b++) {
            boolean any = false;
            for (int j = b * BLOCK, to = Math.min(n, j + BLOCK); j < to && !any; j++) {
                any = x[j] != 0;
            }
            active[b] = any;
        }
    }

    /**
     * {@code y = x P} (then small values dropped). {@code yActive} says on entry which blocks of
     * {@code y} may hold stale non-zeros and on exit which hold non-zeros of the result.
     *
     * @param diff    whether to compute {@code ‖y − x‖₁} (returned in Stats; else 0)
     * @param visitor called on every non-zero block of {@code x} before it is read, or null
     */
    Stats step(double[] x, boolean[] xActive, double[] y, boolean[] yActive, boolean diff, BlockVisitor visitor) {
        int[] work = new int[blocks];
        int count = 0;
        boolean[] need = new boolean[blocks];
        for (int b = 0; b < blocks; b++) {
            boolean nb;
            if (depStart == null) {
                nb = true;
            } else {
                nb = false;
                for (int i = depStart[b]; i < depStart[b + 1] && !nb; i++) {
                    nb = xActive[deps[i]];
                }
            }
            need[b] = nb;
            if (nb || yActive[b] || xActive[b]) {
                work[count++] = b;
            }
        }
        int[] list = Arrays.copyOf(work, count);
        Runnable all = () -> {
            IntStream s = IntStream.of(list);
            if (pool != null) {
                s = s.parallel();
            }
            s.forEach(b -> block(b, x, xActive, y, yActive, need[b], diff, visitor));
        };
        if (pool != null) {
            pool.submit(all).join();
        } else {
            all.run();
        }
        double d = 0;
        double dropped = 0;
        for (int b : list) {
            d += blockDiff[b];
            dropped += blockDropped[b];
        }
        return new Stats(d, dropped, count);
    }

    private void block(int b, double[] x, boolean[] xActive, double[] y, boolean[] yActive, boolean need,
                       boolean wantDiff, BlockVisitor visitor) {
        int from = b * BLOCK;
        int to = Math.min(n, from + BLOCK);
        if (visitor != null && xActive[b]) {
            visitor.visit(b, from, to, x);
        }
        if (!need) {
            if (yActive[b]) {
                Arrays.fill(y, from, to, 0.0);
                yActive[b] = false;
            }
            blockDiff[b] = 0;
            blockDropped[b] = 0;
            return;
        }
        final Generator.Incoming inc = in;
        final double scale = inv;
        final double tau = dropThreshold;
        double d = 0;
        double dropped = 0;
        boolean any = false;
        for (int j = from; j < to; j++) {
            double xj = x[j];
            double s = 0;
            for (int k = inc.start(j), e = inc.end(j); k < e; k++) {
                s += inc.rate(k) * x[inc.source(k)];
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
            y[j] = v;
        }
        blockDiff[b] = d;
        blockDropped[b] = dropped;
        yActive[b] = any;
    }

    /** Calls {@code visitor} on every non-zero block of {@code x}, in parallel. */
    void visit(double[] x, boolean[] xActive, BlockVisitor visitor) {
        int[] list = IntStream.range(0, blocks).filter(b -> xActive[b]).toArray();
        Runnable all = () -> {
            IntStream s = IntStream.of(list);
            if (pool != null) {
                s = s.parallel();
            }
            s.forEach(b -> visitor.visit(b, b * BLOCK, Math.min(n, b * BLOCK + BLOCK), x));
        };
        if (pool != null) {
            pool.submit(all).join();
        } else {
            all.run();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
