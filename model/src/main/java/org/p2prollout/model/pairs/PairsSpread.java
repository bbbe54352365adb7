package org.p2prollout.model.pairs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.p2prollout.core.Checks;

/**
 * The exact stochastic simulation (Gillespie's direct method) of one release over a
 * {@link PairsModel}: a present device lacking the update receives it at rate
 * {@code p × f(s) × Σ_j λ_ij} over present holders j (p the transfer probability, f(s) the slot's
 * activity) plus μ (the server), and every device switches presence at its slot's on- or off-rate.
 * A device that receives the update (an initial holder at release too) passes it at once to each
 * present peer lacking it with probability {@code p × min(0.95, f(s) π_ij)}, the chance that they are
 * in contact at that moment, and so on down the chain: a contact in progress passes the update as
 * soon as either side holds it, as in the trace truth. A device appearing (by its chain, or on a
 * replayed schedule of a training day's presence) appears in contact with each present peer with
 * probability {@code p α_ij}, and the update passes between them if one holds it.
 * Rates are constant between events within a slot, so the next event is exponential; at a slot
 * boundary the clock is simply restarted (memorylessness). No approximation beyond the model's own.
 *
 * <p>Cost per release: O(N) per event, about N infections plus the presence switches. Instances
 * are immutable and safe to share between threads; randomness comes only from the caller's generator.
 */
public final class PairsSpread {
    private final PairsModel model;
    private final double[][] rates;
    private final double[][] shares;
    private final double[][] arrivals;
    private final double[] selfRates;
    private final double[] selfShares;
    private final double[] activity;
    private final double[][] presence;
    private final double[][] on;
    private final double[][] off;
    private final double slotSeconds;
    private final int slots;
    private final double serverRate;
    private final double transferProbability;
    private final double rateFactor;

    /**
     * @param model               the fitted model
     * @param serverRate          μ, per second of presence, {@code >= 0}
     * @param transferProbability p, chance that an encounter passes the update, in [0, 1]
     * @param rateFactor          factor on every encounter rate (a radio-range what-if), {@code >= 0}
     */
    public PairsSpread(PairsModel model, double serverRate, double transferProbability, double rateFactor) {
        this.model = model;
        this.rates = model.rates();
        this.shares = model.contactShare();
        this.arrivals = model.arrivalShare();
        this.activity = model.activity();
        this.presence = model.presence();
        this.on = model.onRates();
        this.off = model.offRates();
        this.slotSeconds = model.slotSeconds();
        this.slots = model.slots();
        this.serverRate = Checks.nonNegative("server rate (per s)", serverRate);
        this.transferProbability = Checks.probability("transfer probability", transferProbability);
        this.rateFactor = Checks.nonNegative("rate factor", rateFactor);
        this.selfRates = withinCommunityMeans(model, rates);
        this.selfShares = withinCommunityMeans(model, shares);
    }

    /** The model simulated. */
    public PairsModel model() {
        return model;
    }

    /**
     * One release's outcome.
     *
     * @param times      acquisition times, seconds since release, ascending (initial holders at 0)
     * @param fromServer per acquisition (same order), true when the server delivered it
     * @param eligible   devices present at some time within the horizon (the devices T_q counts)
     * @param devices    devices simulated
     */
    public record Outcome(double[] times, boolean[] fromServer, int eligible, int devices) {
        public Outcome {
            times = times.clone();
            fromServer = fromServer.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public boolean[] fromServer() {
            return fromServer.clone();
        }

        /** Holders reached within the horizon (initial holders included). */
        public int reached() {
            return times.length;
        }

        /** The time at which {@code k} devices held the update, seconds since release, or NaN when never. */
        public double timeOf(int k) {
            return k >= 1 && k <= times.length ? times[k - 1] : Double.NaN;
        }

        /** Server deliveries among the first {@code k} acquisitions. */
        public int serverDeliveries(int k) {
            int c = 0;
            for (int i = 0; i < Math.min(k, fromServer.length); i++) {
                c += fromServer[i] ? 1 : 0;
            }
            return c;
        }
    }

    /**
     * Simulates one release.
     *
     * @param phase   seconds since the start of the model's cycle at release (e.g. seconds since local
     *                midnight), {@code >= 0}
     * @param initial initial holders, drawn uniformly among the devices present at release, {@code >= 1}
     * @param horizon seconds followed, {@code > 0}; +Infinity for a static model (runs until nothing can happen)
     * @param origin  the model device each simulated device copies (a fleet-scale what-if: copies of one
     *                device meet at their community's mean within-community rate), or null for the
     *                model's devices once each
     * @param rng     the release's generator
     * @return the outcome, or null when fewer than {@code initial} devices are present at release
     */
    public Outcome release(double phase, int initial, double horizon, int[] origin, SplittableRandom rng) {
        return release(phase, initial, horizon, origin, null, rng);
    }

    /**
     * Simulates one release with presence replayed from a schedule instead of the devices' hourly
     * chains: device k is present exactly within {@code schedule[origin[k]]}'s intervals.
     *
     * @param schedule per model device, its presence as flattened {@code [start0, end0, start1, end1, ...]}
     *                 sorted, seconds on the model's cycle clock (the clock of {@code phase}); null for
     *                 the hourly presence chains
     */
    public Outcome release(double phase, int initial, double horizon, int[] origin, double[][] schedule,
                           SplittableRandom rng) {
        int n = origin == null ? model.devices() : origin.length;
        int[] o = origin;
        if (o == null) {
            o = new int[n];
            for (int k = 0; k < n; k++) {
                o[k] = k;
            }
        }
        long slotIndex = (long) Math.floor(phase / slotSeconds);
        double boundary = (slotIndex + 1) * slotSeconds - phase; // seconds since release of the next slot change
        int s = (int) Math.floorMod(slotIndex, (long) slots);
        boolean[] present = new boolean[n];
        boolean[] ever = new boolean[n];
        boolean[] holder = new boolean[n];
        double[] pressure = new double[n]; // Σ λ_kj over present holders j
        int count = 0;
        int[] here = new int[n];
        int[] next = schedule == null ? null : new int[n]; // index of the device's next switch in its schedule
        for (int k = 0; k < n; k++) {
            if (schedule == null) {
                double a = presence[o[k]][s];
                present[k] = a >= 1 || (a > 0 && rng.nextDouble() < a);
            } else {
                double[] iv = schedule[o[k]];
                int i = 0;
                while (i < iv.length && iv[i] <= phase) {
                    i++;
                }
                // i even: before interval i/2 (absent, next switch is its start); i odd: inside (next is its end)
                present[k] = i % 2 == 1 && phase <= iv[i];
                if (i % 2 == 1 && !present[k]) {
                    i++;
                }
                next[k] = i;
                ever[k] = present[k] || presentWithin(iv, phase, phase + horizon);
            }
            ever[k] |= present[k];
            if (present[k]) {
                here[count++] = k;
            }
        }
        if (count < initial) {
            return null;
        }
        double[] times = new double[n];
        boolean[] server = new boolean[n];
        int got = 0;
        for (int i = 0; i < initial; i++) {
            int j = i + rng.nextInt(count - i);
            int tmp = here[i];
            here[i] = here[j];
            here[j] = tmp;
            int k = here[i];
            holder[k] = true;
            times[got++] = 0;
            addPressure(k, o, pressure, 1);
        }
        int[] queue = new int[n];
        got = cascade(here, initial, 0, s, o, present, holder, pressure, times, server, got, queue, rng);
        double t = 0;
        double[] weight = new double[n];
        int idle = 0; // slots in a row in which nothing could happen
        while (got < n) {
            double f = activity[s] * rateFactor * transferProbability;
            double infection = 0;
            double switching = 0;
            for (int k = 0; k < n; k++) {
                double w = 0;
                if (present[k] && !holder[k]) {
                    w = f * Math.max(0, pressure[k]) + serverRate;
                    infection += w;
                }
                weight[k] = w;
                if (schedule == null) {
                    switching += present[k] ? off[o[k]][s] : on[o[k]][s];
                }
            }
            double total = infection + switching;
            double end = Math.min(boundary, horizon);
            double switchAt = Double.POSITIVE_INFINITY; // seconds since release of the next scheduled switch
            if (schedule != null) {
                for (int k = 0; k < n; k++) {
                    double[] iv = schedule[o[k]];
                    if (next[k] < iv.length) {
                        switchAt = Math.min(switchAt, iv[next[k]] - phase);
                    }
                }
            }
            double dt = total > 0 ? -Math.log(1 - rng.nextDouble()) / total : Double.POSITIVE_INFINITY;
            if (switchAt < end && t + dt >= switchAt) {
                // the next scheduled switch comes first: apply every switch due then (rates are memoryless)
                t = Math.max(t, switchAt);
                for (int k = 0; k < n; k++) {
                    double[] iv = schedule[o[k]];
                    while (next[k] < iv.length && iv[next[k]] - phase <= t) {
                        boolean was = present[k];
                        present[k] = next[k] % 2 == 0;
                        next[k]++;
                        if (holder[k] && was != present[k]) {
                            addPressure(k, o, pressure, present[k] ? 1 : -1);
                        }
                        if (present[k] && !was) {
                            got = arrive(k, t, s, o, present, holder, pressure, times, server, got, queue, rng);
                        }
                    }
                }
                idle = 0;
                continue;
            }
            idle = total > 0 ? 0 : idle + 1;
            if (t + dt >= end) {
                if (end >= horizon || (idle > slots && switchAt == Double.POSITIVE_INFINITY)) {
                    break; // horizon reached, or a whole cycle in which nothing can happen: nothing ever will
                }
                t = end;
                slotIndex++;
                boundary += slotSeconds;
                s = (int) Math.floorMod(slotIndex, (long) slots);
                continue;
            }
            t += dt;
            double u = rng.nextDouble() * total;
            if (u < infection) {
                int k = pick(weight, u, n);
                holder[k] = true;
                double peers = f * Math.max(0, pressure[k]);
                server[got] = serverRate > 0 && rng.nextDouble() * (peers + serverRate) >= peers;
                times[got++] = t;
                addPressure(k, o, pressure, 1);
                queue[0] = k;
                got = cascade(queue, 1, t, s, o, present, holder, pressure, times, server, got, queue, rng);
            } else {
                u -= infection;
                int k = n - 1;
                for (int j = 0; j < n; j++) {
                    double w = present[j] ? off[o[j]][s] : on[o[j]][s];
                    if (u < w) {
                        k = j;
                        break;
                    }
                    u -= w;
                }
                present[k] = !present[k];
                ever[k] |= present[k];
                if (holder[k]) {
                    addPressure(k, o, pressure, present[k] ? 1 : -1);
                }
                if (present[k]) {
                    got = arrive(k, t, s, o, present, holder, pressure, times, server, got, queue, rng);
                }
            }
        }
        int eligible = 0;
        if (Double.isInfinite(horizon)) {
            eligible = n;
        } else {
            for (int k = 0; k < n; k++) {
                eligible += ever[k] ? 1 : 0;
            }
        }
        return new Outcome(Arrays.copyOf(times, got), Arrays.copyOf(server, got), eligible, n);
    }

    /**
     * Passes the update from the first {@code count} devices of {@code from} (new holders at time t) over
     * contacts in progress, breadth first; returns the new number of holders.
     */
    private int cascade(int[] from, int count, double t, int s, int[] o, boolean[] present, boolean[] holder,
                        double[] pressure, double[] times, boolean[] server, int got, int[] queue, SplittableRandom rng) {
        int head = 0;
        int tail = 0;
        for (int i = 0; i < count; i++) {
            queue[tail++] = from[i];
        }
        double f = activity[s] * rateFactor;
        int n = present.length;
        while (head < tail) {
            int x = queue[head++];
            int ox = o[x];
            double[] row = shares[ox];
            for (int j = 0; j < n; j++) {
                if (!present[j] || holder[j]) {
                    continue;
                }
                double share = o[j] == ox ? selfShares[ox] : row[o[j]];
                if (share > 0 && rng.nextDouble() < transferProbability * Math.min(0.95, f * share)) {
                    holder[j] = true;
                    server[got] = false;
                    times[got++] = t;
                    addPressure(j, o, pressure, 1);
                    queue[tail++] = j;
                }
            }
        }
        return got;
    }

    /**
     * Device k appears at time t: with probability p α_kj it appears in contact with present peer j,
     * and the update passes between them if one holds it (then on down the chain of contacts in
     * progress). Returns the new number of holders.
     */
    private int arrive(int k, double t, int s, int[] o, boolean[] present, boolean[] holder, double[] pressure,
                       double[] times, boolean[] server, int got, int[] queue, SplittableRandom rng) {
        int ok = o[k];
        double[] row = arrivals[ok];
        int n = present.length;
        for (int j = 0; j < n; j++) {
            if (j == k || !present[j] || holder[j] == holder[k] || o[j] == ok) {
                continue;
            }
            double a = row[o[j]];
            if (a > 0 && rng.nextDouble() < transferProbability * a) {
                int to = holder[k] ? j : k;
                holder[to] = true;
                server[got] = false;
                times[got++] = t;
                addPressure(to, o, pressure, 1);
                queue[0] = to;
                got = cascade(queue, 1, t, s, o, present, holder, pressure, times, server, got, queue, rng);
            }
        }
        return got;
    }

    /** True when a flattened interval list meets {@code [a, b]}. */
    private static boolean presentWithin(double[] iv, double a, double b) {
        for (int i = 0; i + 1 < iv.length; i += 2) {
            if (iv[i] <= b && iv[i + 1] >= a) {
                return true;
            }
        }
        return false;
    }

    private static int pick(double[] weight, double u, int n) {
        int last = -1;
        for (int k = 0; k < n; k++) {
            if (weight[k] > 0) {
                last = k;
                if (u < weight[k]) {
                    return k;
                }
                u -= weight[k];
            }
        }
        return last; // rounding: the last candidate
    }

    private void addPressure(int k, int[] o, double[] pressure, int sign) {
        int ok = o[k];
        double[] row = rates[ok];
        for (int j = 0; j < pressure.length; j++) {
            if (j != k) {
                pressure[j] += sign * (o[j] == ok ? selfRates[ok] : row[o[j]]);
            }
        }
    }

    /** Per device, the mean of {@code r} over the other pairs of its community (0 for a community of one). */
    static double[] withinCommunityMeans(PairsModel m, double[][] r) {
        int n = m.devices();
        int[] c = m.community();
        int cs = m.communities();
        double[] sum = new double[cs];
        long[] pairs = new long[cs];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (c[i] == c[j]) {
                    sum[c[i]] += r[i][j];
                    pairs[c[i]]++;
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = pairs[c[i]] == 0 ? 0 : sum[c[i]] / pairs[c[i]];
        }
        return out;
    }
}
