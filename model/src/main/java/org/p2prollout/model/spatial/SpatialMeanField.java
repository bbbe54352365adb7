package org.p2prollout.model.spatial;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;

/**
 * The time-inhomogeneous mean-field ODE of a {@link SpatialModel}, started from a stochastic early
 * phase. Expected devices per state {@code n_i(t)} solve the linear forward equation of the
 * movement chain; expected holders per state {@code h_i(t)} solve
 * <pre>
 *   dh_i/dt = (h Q_s)_i + (β_i g_s h_i + μ) (n_i + d_i − h_i)     (i a zone)
 *   dh_a/dt = (h Q_s)_a                                    (a an absent state: no contacts, no server)
 * </pre>
 * in slot s, where d (sum zero, {@code d' = d Q_s}) is what the holders' known positions at the
 * start add to the mean occupancy: non-holders are spread as the fleet is, so d(0) = h(0) − (H/N) n(0).
 * While fewer than {@link SpatialOptions#earlyHolders()} devices hold the update, holders
 * are followed one by one instead (each moves by the chain and passes the update to the expected
 * non-holders of its zone, a density that starts spread as the fleet is, moves with the chain and
 * loses a device in the zone of each contact), because the mean of a few holders' random spread
 * reaches a level earlier than the spread typically does; the ODE takes over from the holders'
 * zones at that moment. This is a large-N approximation (devices well mixed within a zone; the
 * non-holders of a zone taken at their mean): the forecast reports its error on held-out days, not a
 * bound.
 *
 * <p>Integrated by classical Runge–Kutta 4 with a fixed step h that divides the slot (no stage
 * straddles a change of rates), the occupancy n(t) precomputed on the periodic orbit of the
 * movement chain at half steps. Cost per release: (time to the last level / h) × 4 sparse products.
 * Instances are immutable and thread-safe.
 */
public final class SpatialMeanField {
    private final SpatialModel model;
    private final double mu;
    private final double h;
    private final int period;        // half steps per period
    private final int halfStepsPerSlot;
    private final int states;
    private final int zones;
    private final int early;
    private final double fleet;        // N: expected devices over all states (constant along the orbit)
    private final float[][] occupancy; // [half step j of the period][state]
    private final double[] zoneRate;   // β_i
    private final Generator[] gen;
    private final double[] slotFactor;
    private final double[][][] absentBlock; // per slot, generator block among absent states
    // per slot, the generator by columns (incoming transitions), for a fused field kernel
    private final int[][] inStart;
    private final int[][] inSource;
    private final double[][] inRate;
    private final double[][] exit;

    /**
     * @param model       the fitted chain
     * @param serverRate  μ, per second of presence, {@code >= 0}
     * @param fleetScale  fleet size as a multiple of the fitted fleet at the same density per zone
     *                    ({@code > 0}; 2 = twice the devices in every zone)
     * @param rangeFactor factor on every zone's encounter rate ({@code > 0}; a radio range r' instead
     *                    of r scales it by about r'/r for moving devices)
     */
    public SpatialMeanField(SpatialModel model, double serverRate, double fleetScale, double rangeFactor) {
        if (!(serverRate >= 0) || !(fleetScale > 0) || !(rangeFactor > 0)) {
            throw new InvalidInputException("mean field needs mu >= 0, fleet scale > 0, range factor > 0; got " + serverRate
                    + ", " + fleetScale + ", " + rangeFactor);
        }
        this.model = model;
        this.mu = serverRate;
        this.h = model.options().odeStep();
        this.early = model.options().earlyHolders();
        double ratio = DayClock.SLOT_SECONDS / h;
        if (Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
            throw new InvalidInputException("the ODE step must divide an hour, got " + h + " s");
        }
        halfStepsPerSlot = (int) Math.rint(2 * ratio);
        int slots = model.clock().slots();
        period = halfStepsPerSlot * slots;
        zones = model.zoneCount();
        states = model.states();
        gen = new Generator[slots];
        slotFactor = new double[slots];
        for (int s = 0; s < slots; s++) {
            gen[s] = model.movement(s);
            slotFactor[s] = model.slotFactor(s);
        }
        double fastest = 0;
        for (Generator q : gen) {
            for (int i = 0; i < states; i++) {
                fastest = Math.max(fastest, q.exitRate(i));
            }
        }
        if (fastest * h > RK4_STABLE) {
            // classical RK4 diverges on the movement chain's fastest mode beyond h × rate ≈ 2.785
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "the ODE step %.4g s is too long for"
                    + " the fastest movement rate %.4g /s (step x rate must be <= %.1f for RK4 to be stable); use a step"
                    + " <= %.4g s", h, fastest, RK4_STABLE, RK4_STABLE / fastest));
        }
        zoneRate = new double[zones];
        for (int i = 0; i < zones; i++) {
            zoneRate[i] = model.encounterRate(i) * rangeFactor;
        }
        occupancy = periodicOccupancy(fleetScale);
        double sum = 0;
        for (float v : occupancy[0]) {
            sum += v;
        }
        fleet = sum;
        absentBlock = absentBlocks(gen, zones, states);
        inStart = new int[slots][];
        inSource = new int[slots][];
        inRate = new double[slots][];
        exit = new double[slots][];
        for (int sl = 0; sl < slots; sl++) {
            Generator q = gen[sl];
            int[] start = new int[states + 1];
            for (int r = 0; r < states; r++) {
                for (int k = q.rowStart(r); k < q.rowEnd(r); k++) {
                    start[q.column(k) + 1]++;
                }
            }
            for (int c = 0; c < states; c++) {
                start[c + 1] += start[c];
            }
            int[] fill = java.util.Arrays.copyOf(start, states);
            int[] src = new int[start[states]];
            double[] rate = new double[start[states]];
            for (int r = 0; r < states; r++) {
                for (int k = q.rowStart(r); k < q.rowEnd(r); k++) {
                    int at = fill[q.column(k)]++;
                    src[at] = r;
                    rate[at] = q.rate(k);
                }
            }
            inStart[sl] = start;
            inSource[sl] = src;
            inRate[sl] = rate;
            exit[sl] = q.exitRates();
        }
    }

    private float[][] periodicOccupancy(double scale) {
        double[] n = model.meanOccupancy(0);
        for (int i = 0; i < n.length; i++) {
            n[i] *= scale;
        }
        double hh = h / 2;
        double[] k1 = new double[states];
        double[] k2 = new double[states];
        double[] k3 = new double[states];
        double[] k4 = new double[states];
        double[] tmp = new double[states];
        float[][] out = new float[period][];
        for (int rep = 0; rep < 3; rep++) {
            for (int j = 0; j < period; j++) {
                if (rep == 2) {
                    out[j] = toFloat(n);
                }
                Generator q = gen[j / halfStepsPerSlot];
                q.multiplyLeft(n, k1);
                axpy(n, k1, hh / 2, tmp);
                q.multiplyLeft(tmp, k2);
                axpy(n, k2, hh / 2, tmp);
                q.multiplyLeft(tmp, k3);
                axpy(n, k3, hh, tmp);
                q.multiplyLeft(tmp, k4);
                for (int i = 0; i < states; i++) {
                    n[i] = Math.max(0, n[i] + hh / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
                }
            }
        }
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] axpy(double[] y, double[] k, double a, double[] out) {
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + a * k[i];
        }
        return out;
    }

    /** Half steps in a period (the grid of release phases). */
    public int periodHalfSteps() {
        return period;
    }

    /** ODE step, seconds. */
    public double step() {
        return h;
    }

    /** The model solved. */
    public SpatialModel model() {
        return model;
    }

    /** Expected devices in each state at phase {@code j} (half steps since the period start; a copy). */
    public double[] occupancy(int j) {
        float[] f = occupancy[Math.floorMod(j, period)];
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Expected devices present (in a zone) at phase {@code j}. */
    public double present(int j) {
        float[] f = occupancy[Math.floorMod(j, period)];
        double p = 0;
        for (int i = 0; i < zones; i++) {
            p += f[i];
        }
        return p;
    }

    /**
     * Expected devices counted by a forecast released at phase {@code j}: those present at the release
     * plus those absent then that appear within the horizon (absent devices that stay absent
     * throughout solve the movement chain restricted to the absent states).
     */
    public double eligible(int j, double horizon) {
        int a = states - zones;
        float[] n0 = occupancy[Math.floorMod(j, period)];
        double present = 0;
        for (int i = 0; i < zones; i++) {
            present += n0[i];
        }
        double[] u = new double[a];
        double start = 0;
        for (int i = 0; i < a; i++) {
            u[i] = n0[zones + i];
            start += u[i];
        }
        double[] k1 = new double[a];
        double[] k2 = new double[a];
        double[] k3 = new double[a];
        double[] k4 = new double[a];
        double[] tmp = new double[a];
        int steps = (int) Math.round(horizon / h);
        for (int k = 0; k < steps; k++) {
            double[][] q = absentBlock[slotOfHalfStep(j + 2 * k)];
            absentOnly(q, u, k1);
            axpy(u, k1, h / 2, tmp);
            absentOnly(q, tmp, k2);
            axpy(u, k2, h / 2, tmp);
            absentOnly(q, tmp, k3);
            axpy(u, k3, h, tmp);
            absentOnly(q, tmp, k4);
            for (int i = 0; i < a; i++) {
                u[i] = Math.max(0, u[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
            }
        }
        double stayed = 0;
        for (double v : u) {
            stayed += v;
        }
        return present + start - stayed;
    }

    /** du = u B, with B the absent-to-absent block of the generator (its diagonal the full exit rates). */
    private static void absentOnly(double[][] b, double[] u, double[] du) {
        int a = u.length;
        for (int c = 0; c < a; c++) {
            double s = 0;
            for (int r = 0; r < a; r++) {
                s += u[r] * b[r][c];
            }
            du[c] = s;
        }
    }

    private static double[][][] absentBlocks(Generator[] gen, int zones, int states) {
        int a = states - zones;
        double[][][] out = new double[gen.length][a][a];
        for (int s = 0; s < gen.length; s++) {
            Generator q = gen[s];
            for (int r = 0; r < a; r++) {
                out[s][r][r] = -q.exitRate(zones + r);
                for (int k = q.rowStart(zones + r); k < q.rowEnd(zones + r); k++) {
                    int c = q.column(k);
                    if (c >= zones) {
                        out[s][r][c - zones] += q.rate(k);
                    }
                }
            }
        }
        return out;
    }

    private int slotOfHalfStep(int j) {
        return Math.floorMod(j, period) / halfStepsPerSlot;
    }

    /**
     * One release: {@code holders} devices in zone {@code source} at phase {@code j}, the stochastic
     * early phase drawn from {@code rng}, then the mean field.
     *
     * @param targets holder counts whose first crossing times to report, ascending
     * @param horizon seconds to follow
     * @return per target, seconds from release to the crossing, or NaN when not reached
     */
    public double[] release(int j, int source, int holders, double[] targets, double horizon, SplittableRandom rng) {
        return release(j, source, holders, targets, horizon, rng, null);
    }

    /**
     * Like {@link #release(int, int, int, double[], double, SplittableRandom)}; when {@code switchTime} is
     * not null, its first element receives the seconds from release to the end of the stochastic phase
     * (the mean field's start), or NaN when every target was reached before (or the phase never ended).
     */
    public double[] release(int j, int source, int holders, double[] targets, double horizon, SplittableRandom rng,
                            double[] switchTime) {
        double[] out = new double[targets.length];
        Arrays.fill(out, Double.NaN);
        if (switchTime != null) {
            switchTime[0] = Double.NaN;
        }
        if (holders >= early) {
            double[] y = new double[states];
            y[source] = holders;
            if (switchTime != null) {
                switchTime[0] = 0;
            }
            return crossingTimes(j, 0, y, displacement(j, y, spread(j, holders)), targets, horizon, out);
        }
        int[] inState = new int[states];
        double[] x = new double[states];
        int k = earlyPhase(j, source, holders, targets, horizon, rng, out, inState, x);
        if (k < 0) {
            return out;
        }
        double hh = h / 2;
        if (switchTime != null) {
            switchTime[0] = k * hh;
        }
        double[] y = new double[states];
        for (int s = 0; s < states; s++) {
            y[s] = inState[s];
        }
        return crossingTimes(j + k, k * hh, y, displacement(j + k, y, x), targets, horizon - k * hh, out);
    }

    /**
     * Seconds from release until the stochastic phase hands over to the mean field (its first
     * {@link SpatialOptions#earlyHolders()} holders), or NaN when it does not within the horizon:
     * a cheap draw used as a control variate on the early phase's randomness.
     */
    public double earlyPhaseSeconds(int j, int source, int holders, double horizon, SplittableRandom rng) {
        if (holders >= early) {
            return 0;
        }
        int[] inState = new int[states];
        int k = earlyPhase(j, source, holders, new double[] {Double.POSITIVE_INFINITY}, horizon, rng,
                new double[] {Double.NaN}, inState, new double[states]);
        return k < 0 ? Double.NaN : k * h / 2;
    }

    /**
     * The stochastic phase: fills {@code out} with targets reached during it and {@code inState} with
     * the holders per state at its end; returns the half step at which the mean field takes over, or
     * -1 when every target was reached or the horizon passed.
     */
    private int earlyPhase(int j, int source, int holders, double[] targets, double horizon, SplittableRandom rng,
                           double[] out, int[] inState, double[] x) {
        int[] where = new int[Math.max(early, 1) + 1];
        int count = holders;
        // non-holders as a density: spread as the fleet is at the release, moved by the chain, one
        // device taken out of the zone where each contact happens
        float[] n0 = occupancy[Math.floorMod(j, period)];
        for (int i = 0; i < states; i++) {
            x[i] = n0[i] * (fleet - holders) / fleet;
        }
        double[] m1 = new double[states];
        double[] m2 = new double[states];
        double[] m3 = new double[states];
        double[] m4 = new double[states];
        double[] mt = new double[states];
        for (int i = 0; i < holders; i++) {
            where[i] = source;
        }
        inState[source] = holders;
        int next = 0;
        while (next < targets.length && count >= targets[next]) {
            out[next++] = 0;
        }
        int halfSteps = (int) Math.round(2 * horizon / h);
        double hh = h / 2;
        int k = 0;
        for (; k < halfSteps && next < targets.length && count < early; k++) {
            int jj = j + k;
            int slot = slotOfHalfStep(jj);
            Generator q = gen[slot];
            double g = slotFactor[slot];
            double t = 0;
            while (count < early) {
                // total rate: moves of holders, their contacts with non-holders, server downloads
                double total = 0;
                for (int i = 0; i < count; i++) {
                    int s = where[i];
                    total += q.exitRate(s);
                    if (s < zones) {
                        total += zoneRate[s] * g * Math.max(0, x[s]);
                    }
                }
                double serverTotal = 0;
                if (mu > 0) {
                    for (int z = 0; z < zones; z++) {
                        serverTotal += mu * Math.max(0, x[z]);
                    }
                }
                total += serverTotal;
                if (!(total > 0)) {
                    break;
                }
                t += -Math.log(1 - rng.nextDouble()) / total;
                if (t > hh) {
                    break;
                }
                double u = rng.nextDouble() * total;
                int newHolder = -1;
                if (u < serverTotal) {
                    for (int z = 0; z < zones; z++) {
                        u -= mu * Math.max(0, x[z]);
                        if (u <= 0 || z == zones - 1) {
                            newHolder = z;
                            break;
                        }
                    }
                } else {
                    u -= serverTotal;
                    for (int i = 0; i < count; i++) {
                        int s = where[i];
                        double move = q.exitRate(s);
                        if (u < move) {
                            int to = pick(q, s, u);
                            inState[s]--;
                            inState[to]++;
                            where[i] = to;
                            break;
                        }
                        u -= move;
                        if (s < zones) {
                            double inf = zoneRate[s] * g * Math.max(0, x[s]);
                            if (u < inf) {
                                newHolder = s;
                                break;
                            }
                            u -= inf;
                        }
                        if (i == count - 1) { // rounding: the last holder's contact
                            newHolder = s < zones ? s : -1;
                        }
                    }
                }
                if (newHolder >= 0) {
                    where[count++] = newHolder;
                    inState[newHolder]++;
                    deplete(x, newHolder);
                    while (next < targets.length && count >= targets[next]) {
                        out[next++] = k * hh + t;
                    }
                }
            }
            // the non-holders move on with the chain over this half step (RK4, as the ODE)
            move(slot, x, m1);
            move(slot, axpy(x, m1, hh / 2, mt), m2);
            move(slot, axpy(x, m2, hh / 2, mt), m3);
            move(slot, axpy(x, m3, hh, mt), m4);
            for (int i = 0; i < states; i++) {
                x[i] += hh / 6 * (m1[i] + 2 * m2[i] + 2 * m3[i] + m4[i]);
            }
        }
        if (next >= targets.length || k >= halfSteps) {
            return -1;
        }
        return k;
    }

    /**
     * One non-holder of zone {@code z} became a holder: take a device out of the zone's non-holder
     * density; when the zone held less than one (a sparse zone), the rest is taken from every other
     * state in proportion, so the density still sums to N − holders.
     */
    private void deplete(double[] x, int z) {
        double rest = 1 - Math.max(0, x[z]);
        x[z] = Math.max(0, x[z] - 1);
        if (rest <= 0) {
            return;
        }
        double other = 0;
        for (double v : x) {
            other += Math.max(0, v);
        }
        if (other <= 0) {
            return;
        }
        double keep = Math.max(0, 1 - rest / other);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, x[i]) * keep;
        }
    }

    /**
     * What the known holders {@code y} and the non-holders' density {@code x} add to the fleet's mean
     * occupancy n at phase {@code j}: d = x + y − n (sum zero). The ODE counts the non-holders of a
     * state as n + d − h; d moves with the chain and fades as the early phase is forgotten.
     */
    private double[] displacement(int j, double[] y, double[] x) {
        float[] n = occupancy[Math.floorMod(j, period)];
        double[] d = new double[states];
        for (int i = 0; i < states; i++) {
            d[i] = x[i] + y[i] - n[i];
        }
        return d;
    }

    /** Non-holders spread as the fleet is at phase {@code j}, {@code holders} devices holding. */
    private double[] spread(int j, double holders) {
        float[] n = occupancy[Math.floorMod(j, period)];
        double[] x = new double[states];
        for (int i = 0; i < states; i++) {
            x[i] = n[i] * (fleet - holders) / fleet;
        }
        return x;
    }

    /** Largest step × exit rate accepted: inside RK4's real stability interval (−2.785, 0) with a margin. */
    static final double RK4_STABLE = 2.5;

    /** The holders' displacement is dropped once its total is below this share of the fleet. */
    private static final double FORGOTTEN = 1e-3;

    private static int pick(Generator q, int s, double u) {
        for (int k = q.rowStart(s); k < q.rowEnd(s); k++) {
            u -= q.rate(k);
            if (u < 0) {
                return q.column(k);
            }
        }
        return q.column(q.rowEnd(s) - 1);
    }

    /** The mean field from {@code y} at phase {@code j}, {@code offset} seconds after the release. */
    private double[] crossingTimes(int j, double offset, double[] y, double[] d, double[] targets, double horizon,
                                   double[] out) {
        double[] d1 = new double[states];
        double[] d2 = new double[states];
        double[] d3 = new double[states];
        double[] d4 = new double[states];
        double[] dTmp = new double[states];
        double[] k1 = new double[states];
        double[] k2 = new double[states];
        double[] k3 = new double[states];
        double[] k4 = new double[states];
        double[] tmp = new double[states];
        int next = 0;
        while (next < targets.length && !Double.isNaN(out[next])) {
            next++;
        }
        double total = 0;
        for (double v : y) {
            total += v;
        }
        while (next < targets.length && total >= targets[next]) {
            out[next++] = offset;
        }
        int steps = (int) Math.floor(horizon / h + 1e-9);
        for (int k = 0; k < steps && next < targets.length; k++) {
            int j0 = j + 2 * k;
            int slot = slotOfHalfStep(j0);
            float[] n0 = occupancy[Math.floorMod(j0, period)];
            float[] n1 = occupancy[Math.floorMod(j0 + 1, period)];
            float[] n2 = occupancy[Math.floorMod(j0 + 2, period)];
            if (d != null) {
                // the displacement d moves with the chain alone; one fused pass per stage computes both
                fieldAndMove(slot, y, n0, d, k1, d1);
                fieldAndMove(slot, axpy(y, k1, h / 2, tmp), n1, axpy(d, d1, h / 2, dTmp), k2, d2);
                fieldAndMove(slot, axpy(y, k2, h / 2, tmp), n1, axpy(d, d2, h / 2, dTmp), k3, d3);
                fieldAndMove(slot, axpy(y, k3, h, tmp), n2, axpy(d, d3, h, dTmp), k4, d4);
                double size = 0;
                for (int i = 0; i < states; i++) {
                    d[i] += h / 6 * (d1[i] + 2 * d2[i] + 2 * d3[i] + d4[i]);
                    size += Math.abs(d[i]);
                }
                if (size < FORGOTTEN * fleet) {
                    d = null;
                }
            } else {
                field(slot, y, n0, null, k1);
                field(slot, axpy(y, k1, h / 2, tmp), n1, null, k2);
                field(slot, axpy(y, k2, h / 2, tmp), n1, null, k3);
                field(slot, axpy(y, k3, h, tmp), n2, null, k4);
            }
            double newTotal = 0;
            for (int i = 0; i < states; i++) {
                y[i] = Math.max(0, y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
                newTotal += y[i];
            }
            while (next < targets.length && newTotal >= targets[next]) {
                double w = newTotal > total ? (targets[next] - total) / (newTotal - total) : 1;
                out[next++] = offset + (k + w) * h;
            }
            total = newTotal;
        }
        return out;
    }

    /** {@link #field} for y with devices n + d, and dd = d Q_slot, in one pass over the generator. */
    private void fieldAndMove(int slot, double[] y, float[] n, double[] d, double[] dy, double[] dd) {
        int[] start = inStart[slot];
        int[] src = inSource[slot];
        double[] rate = inRate[slot];
        double[] out = exit[slot];
        double g = slotFactor[slot];
        for (int i = 0; i < states; i++) {
            double sy = -out[i] * y[i];
            double sd = -out[i] * d[i];
            for (int k = start[i]; k < start[i + 1]; k++) {
                int from = src[k];
                sy += rate[k] * y[from];
                sd += rate[k] * d[from];
            }
            if (i < zones) {
                double free = n[i] + d[i] - y[i];
                if (free > 0) {
                    sy += (zoneRate[i] * g * y[i] + mu) * free;
                }
            }
            dy[i] = sy;
            dd[i] = sd;
        }
    }

    /** dv = v Q_slot: movement only. */
    private void move(int slot, double[] v, double[] dv) {
        int[] start = inStart[slot];
        int[] src = inSource[slot];
        double[] rate = inRate[slot];
        double[] out = exit[slot];
        for (int i = 0; i < states; i++) {
            double s = -out[i] * v[i];
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += rate[k] * v[src[k]];
            }
            dv[i] = s;
        }
    }

    /** dy of the holders; the devices per state are n + d ({@code d} null: n). */
    private void field(int slot, double[] y, float[] n, double[] d, double[] dy) {
        int[] start = inStart[slot];
        int[] src = inSource[slot];
        double[] rate = inRate[slot];
        double[] out = exit[slot];
        double g = slotFactor[slot];
        for (int i = 0; i < states; i++) {
            double s = -out[i] * y[i];
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += rate[k] * y[src[k]];
            }
            if (i < zones) {
                double free = n[i] + (d == null ? 0 : d[i]) - y[i];
                if (free > 0) {
                    s += (zoneRate[i] * g * y[i] + mu) * free;
                }
            }
            dy[i] = s;
        }
    }
}
