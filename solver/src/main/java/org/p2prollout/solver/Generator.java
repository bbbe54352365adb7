package org.p2prollout.solver;

import java.util.Arrays;
import org.p2prollout.core.InvalidInputException;

/**
 * The infinitesimal generator Q of a continuous-time Markov chain on states {@code 0..n-1},
 * stored as compressed sparse rows of its off-diagonal rates (per second). The diagonal is not
 * stored as entries: {@code Q[s][s] = -exitRate(s)}, computed by the {@link Builder} as the sum of
 * the row's off-diagonal rates. Instances are immutable and safe to share between threads.
 *
 * <p>Within a row, columns are strictly increasing, every rate is finite and {@code > 0}, and no
 * entry lies on the diagonal. Memory: 12 bytes per transition plus 12 bytes per state
 * (the 2,003,001-state, 8,005,000-transition open-swarm chain takes about 120 MB).
 *
 * <p>Entries are read through {@link #rowStart}, {@link #rowEnd}, {@link #column} and
 * {@link #rate}: a loop {@code for (int k = q.rowStart(s); k < q.rowEnd(s); k++)} visits the
 * transitions out of {@code s}. The accessors are final and are inlined by the JIT, so they cost
 * the same as array reads. Incoming transitions (columns of Q, needed for πQ by rows of the
 * transpose and for Gauss–Seidel on πQ = 0) are given by {@link #incoming()}.
 */
public final class Generator {
    private final int states;
    private final int[] rowStart;   // length states + 1
    private final int[] columns;    // length transitions
    private final double[] rates;   // length transitions
    private final double[] exitRates;
    private final double maxExitRate;
    private volatile Incoming incoming;

    private Generator(int states, int[] rowStart, int[] columns, double[] rates) {
        this.states = states;
        this.rowStart = rowStart;
        this.columns = columns;
        this.rates = rates;
        this.exitRates = new double[states];
        double max = 0;
        for (int s = 0; s < states; s++) {
            double sum = 0;
            for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
                sum += rates[k];
            }
            exitRates[s] = sum;
            max = Math.max(max, sum);
        }
        this.maxExitRate = max;
    }

    /** A builder for a generator on {@code states} states ({@code >= 1}). */
    public static Builder builder(int states) {
        return new Builder(states, 16);
    }

    /**
     * A builder that pre-allocates room for {@code expectedTransitions} transitions, which avoids
     * copying while growing for big chains.
     */
    public static Builder builder(int states, int expectedTransitions) {
        return new Builder(states, expectedTransitions);
    }

    /** Number of states n. */
    public int states() {
        return states;
    }

    /** Number of stored off-diagonal non-zero rates. */
    public long transitions() {
        return columns.length;
    }

    /** Total rate out of state {@code s} (per second), {@code = -Q[s][s]}. */
    public double exitRate(int s) {
        return exitRates[s];
    }

    /** The largest exit rate (per second); 0 when no state has a transition. */
    public double maxExitRate() {
        return maxExitRate;
    }

    /** Whether state {@code s} has no outgoing transition (it is absorbing). */
    public boolean isAbsorbing(int s) {
        return rowStart[s] == rowStart[s + 1];
    }

    /** Index of the first transition out of {@code s}. */
    public int rowStart(int s) {
        return rowStart[s];
    }

    /** One past the index of the last transition out of {@code s}. */
    public int rowEnd(int s) {
        return rowStart[s + 1];
    }

    /** Target state of transition {@code k}. */
    public int column(int k) {
        return columns[k];
    }

    /** Rate of transition {@code k} (per second, {@code > 0}). */
    public double rate(int k) {
        return rates[k];
    }

    /** The rate from {@code from} to {@code to} ({@code from != to}), 0 when there is none. */
    public double rate(int from, int to) {
        int k = Arrays.binarySearch(columns, rowStart[from], rowStart[from + 1], to);
        return k >= 0 ? rates[k] : 0.0;
    }

    /** Copy of the exit rates, index = state. */
    public double[] exitRates() {
        return exitRates.clone();
    }

    /**
     * The incoming transitions of every state (the off-diagonal part of Q transposed, in
     * compressed rows of Qᵀ). Computed once on first call and cached.
     */
    public Incoming incoming() {
        Incoming in = incoming;
        if (in == null) {
            synchronized (this) {
                in = incoming;
                if (in == null) {
                    in = new Incoming(this);
                    incoming = in;
                }
            }
        }
        return in;
    }

    /**
     * {@code out = pi Q}: {@code out[j] = sum_i pi[i] Q[i][j]} (per second). {@code pi} is not
     * modified; {@code out} must be a different array of length n.
     */
    public void multiplyLeft(double[] pi, double[] out) {
        checkLengths(pi, out);
        for (int j = 0; j < states; j++) {
            out[j] = -pi[j] * exitRates[j];
        }
        for (int i = 0; i < states; i++) {
            double p = pi[i];
            if (p != 0) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    out[columns[k]] += p * rates[k];
                }
            }
        }
    }

    /**
     * {@code out = Q v}: {@code out[i] = sum_j Q[i][j] v[j]} (e.g. expected rate of change of a
     * reward v). {@code v} is not modified; {@code out} must be a different array of length n.
     */
    public void multiplyRight(double[] v, double[] out) {
        checkLengths(v, out);
        for (int i = 0; i < states; i++) {
            double sum = -exitRates[i] * v[i];
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sum += rates[k] * v[columns[k]];
            }
            out[i] = sum;
        }
    }

    /** The infinity norm of πQ: the largest absolute net probability flow out of one state, per second. */
    public double residual(double[] pi) {
        double[] r = new double[states];
        multiplyLeft(pi, r);
        double max = 0;
        for (double x : r) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /**
     * The uniformised DTMC {@code P = I + Q / lambda}, applied without storing P.
     *
     * @param lambda uniformisation rate per second, {@code >= maxExitRate()} and {@code > 0}
     */
    public Uniformised uniformise(double lambda) {
        return new Uniformised(this, lambda);
    }

    /** The uniformised DTMC with rate {@code maxExitRate()} (or 1 when the chain has no transition). */
    public Uniformised uniformise() {
        return new Uniformised(this, maxExitRate > 0 ? maxExitRate : 1.0);
    }

    private void checkLengths(double[] in, double[] out) {
        if (in.length != states || out.length != states) {
            throw new IllegalArgumentException("vectors must have length " + states + ", got " + in.length
                    + " and " + out.length);
        }
        if (in == out) {
            throw new IllegalArgumentException("input and output must be different arrays");
        }
    }

    @Override
    public String toString() {
        return "Generator[" + states + " states, " + columns.length + " transitions, max exit rate " + maxExitRate + "]";
    }

    /** Incoming transitions: compressed rows of the off-diagonal part of Qᵀ. Immutable. */
    public static final class Incoming {
        private final int[] start;
        private final int[] sources;
        private final double[] rates;

        private Incoming(Generator q) {
            int n = q.states;
            int m = q.columns.length;
            start = new int[n + 1];
            for (int k = 0; k < m; k++) {
                start[q.columns[k] + 1]++;
            }
            for (int j = 0; j < n; j++) {
                start[j + 1] += start[j];
            }
            int[] next = Arrays.copyOf(start, n);
            sources = new int[m];
            rates = new double[m];
            for (int i = 0; i < n; i++) {   // rows in order, so sources are increasing per column
                for (int k = q.rowStart[i]; k < q.rowStart[i + 1]; k++) {
                    int p = next[q.columns[k]]++;
                    sources[p] = i;
                    rates[p] = q.rates[k];
                }
            }
        }

        /** Index of the first transition into {@code s}. */
        public int start(int s) {
            return start[s];
        }

        /** One past the index of the last transition into {@code s}. */
        public int end(int s) {
            return start[s + 1];
        }

        /** Source state of incoming transition {@code k} (increasing within a state). */
        public int source(int k) {
            return sources[k];
        }

        /** Rate of incoming transition {@code k}, per second. */
        public double rate(int k) {
            return rates[k];
        }
    }

    /**
     * The uniformised DTMC {@code P = I + Q / lambda} of a generator: {@code P[s][s] = 1 -
     * exitRate(s)/lambda}, {@code P[s][t] = Q[s][t]/lambda}. Immutable.
     */
    public static final class Uniformised {
        private final Generator q;
        private final double lambda;

        private Uniformised(Generator q, double lambda) {
            if (!(lambda > 0) || Double.isInfinite(lambda) || lambda < q.maxExitRate) {
                throw new IllegalArgumentException("uniformisation rate must be finite, > 0 and >= max exit rate "
                        + q.maxExitRate + ", got " + lambda);
            }
            this.q = q;
            this.lambda = lambda;
        }

        /** The uniformisation rate Λ, per second. */
        public double lambda() {
            return lambda;
        }

        public Generator generator() {
            return q;
        }

        /** Self-loop probability {@code P[s][s]}. */
        public double selfLoop(int s) {
            return 1.0 - q.exitRates[s] / lambda;
        }

        /** Probability {@code P[s][column(k)]} of transition {@code k} of the generator. */
        public double probability(int k) {
            return q.rates[k] / lambda;
        }

        /** {@code out = pi P}. {@code pi} is not modified; {@code out} is a different array of length n. */
        public void multiplyLeft(double[] pi, double[] out) {
            q.checkLengths(pi, out);
            int n = q.states;
            double inv = 1.0 / lambda;
            for (int j = 0; j < n; j++) {
                out[j] = pi[j] * (1.0 - q.exitRates[j] * inv);
            }
            for (int i = 0; i < n; i++) {
                double p = pi[i] * inv;
                if (p != 0) {
                    for (int k = q.rowStart[i]; k < q.rowStart[i + 1]; k++) {
                        out[q.columns[k]] += p * q.rates[k];
                    }
                }
            }
        }

        /** {@code out = P v}. {@code v} is not modified; {@code out} is a different array of length n. */
        public void multiplyRight(double[] v, double[] out) {
            q.checkLengths(v, out);
            int n = q.states;
            double inv = 1.0 / lambda;
            for (int i = 0; i < n; i++) {
                double sum = (1.0 - q.exitRates[i] * inv) * v[i];
                for (int k = q.rowStart[i]; k < q.rowStart[i + 1]; k++) {
                    sum += q.rates[k] * inv * v[q.columns[k]];
                }
                out[i] = sum;
            }
        }
    }

    /**
     * Collects transitions, then freezes them into a {@link Generator}. Rejects negative, NaN
     * and infinite rates, self-loops and states out of range; sums duplicate transitions; drops
     * zero rates. Not thread-safe; use once.
     */
    public static final class Builder {
        private final int states;
        private int[] from;
        private int[] to;
        private double[] rate;
        private int size;
        private boolean built;

        private Builder(int states, int capacity) {
            if (states < 1) {
                throw new InvalidInputException("number of states must be an integer >= 1, got " + states);
            }
            if (capacity < 0) {
                throw new InvalidInputException("expected transitions must be >= 0, got " + capacity);
            }
            this.states = states;
            int c = Math.max(capacity, 4);
            from = new int[c];
            to = new int[c];
            rate = new double[c];
        }

        /** Number of states the generator will have. */
        public int states() {
            return states;
        }

        /**
         * Adds rate {@code rate} (per second) from {@code from} to {@code to}; adds to any rate
         * already given for the same pair. A zero rate is accepted and ignored.
         *
         * @throws InvalidInputException for a state out of range, a self-loop, or a rate that
         *                               is negative, NaN or infinite
         */
        public Builder add(int from, int to, double rate) {
            if (built) {
                throw new IllegalStateException("builder already used");
            }
            if (from < 0 || from >= states || to < 0 || to >= states) {
                throw new InvalidInputException("transition " + from + " -> " + to + ": states must be in [0, "
                        + (states - 1) + "]");
            }
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new InvalidInputException("transition " + from + " -> " + to
                        + ": rate must be a finite number >= 0, got " + rate);
            }
            if (from == to) {
                throw new InvalidInputException("transition " + from + " -> " + to + " with rate " + rate
                        + ": self-loops are not allowed in a generator (the diagonal is computed)");
            }
            if (rate == 0) {
                return this;
            }
            if (size == this.from.length) {
                int c = (int) Math.min(Integer.MAX_VALUE - 8L, this.from.length * 2L);
                if (c == size) {
                    throw new InvalidInputException("too many transitions (more than " + size + ")");
                }
                this.from = Arrays.copyOf(this.from, c);
                this.to = Arrays.copyOf(this.to, c);
                this.rate = Arrays.copyOf(this.rate, c);
            }
            this.from[size] = from;
            this.to[size] = to;
            this.rate[size] = rate;
            size++;
            return this;
        }

        /** Freezes the transitions added so far into a generator. The builder cannot be used after. */
        public Generator build() {
            if (built) {
                throw new IllegalStateException("builder already used");
            }
            built = true;
            int[] start = new int[states + 1];
            boolean sorted = true;
            for (int k = 0; k < size; k++) {
                start[from[k] + 1]++;
                if (k > 0 && (from[k] < from[k - 1] || (from[k] == from[k - 1] && to[k] <= to[k - 1]))) {
                    sorted = false;
                }
            }
            for (int s = 0; s < states; s++) {
                start[s + 1] += start[s];
            }
            int[] cols;
            double[] vals;
            if (sorted) {   // common case (generated in order): no copy of the triplets needed
                cols = size == to.length ? to : Arrays.copyOf(to, size);
                vals = size == rate.length ? rate : Arrays.copyOf(rate, size);
            } else {
                cols = new int[size];
                vals = new double[size];
                int[] next = Arrays.copyOf(start, states);
                for (int k = 0; k < size; k++) {
                    int p = next[from[k]]++;
                    cols[p] = to[k];
                    vals[p] = rate[k];
                }
                from = null;
                to = null;
                rate = null;
                // sort each row by column and sum duplicates, compacting in place
                int write = 0;
                int rowBegin = 0;
                for (int s = 0; s < states; s++) {
                    int end = start[s + 1];
                    sortRow(cols, vals, rowBegin, end);
                    int newStart = write;
                    for (int k = rowBegin; k < end; k++) {
                        if (write > newStart && cols[write - 1] == cols[k]) {
                            vals[write - 1] += vals[k];
                        } else {
                            cols[write] = cols[k];
                            vals[write] = vals[k];
                            write++;
                        }
                    }
                    rowBegin = end;
                    start[s] = newStart;
                }
                start[states] = write;
                if (write != size) {
                    cols = Arrays.copyOf(cols, write);
                    vals = Arrays.copyOf(vals, write);
                }
                for (int k = 0; k < write; k++) {
                    if (Double.isInfinite(vals[k])) {
                        throw new InvalidInputException("summed duplicate transitions overflow to an infinite rate");
                    }
                }
            }
            from = null;
            to = null;
            rate = null;
            return new Generator(states, start, cols, vals);
        }

        private static void sortRow(int[] cols, double[] vals, int begin, int end) {
            int len = end - begin;
            if (len < 2) {
                return;
            }
            if (len <= 32) {
                for (int i = begin + 1; i < end; i++) {
                    int c = cols[i];
                    double v = vals[i];
                    int j = i - 1;
                    while (j >= begin && cols[j] > c) {
                        cols[j + 1] = cols[j];
                        vals[j + 1] = vals[j];
                        j--;
                    }
                    cols[j + 1] = c;
                    vals[j + 1] = v;
                }
                return;
            }
            long[] keys = new long[len];
            for (int i = 0; i < len; i++) {
                keys[i] = ((long) cols[begin + i] << 32) | i;   // columns are >= 0, so keys sort by column
            }
            Arrays.sort(keys);
            double[] v = Arrays.copyOfRange(vals, begin, end);
            for (int i = 0; i < len; i++) {
                cols[begin + i] = (int) (keys[i] >>> 32);
                vals[begin + i] = v[(int) (keys[i] & 0xffffffffL)];
            }
        }
    }
}
