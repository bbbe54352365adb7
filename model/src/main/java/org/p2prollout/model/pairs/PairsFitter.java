package org.p2prollout.model.pairs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.spatial.DayClock;
import org.p2prollout.model.spread.TemporalContacts;
import org.p2prollout.core.InvalidInputException;

/**
 * Fits a {@link PairsModel} from a trace's contacts and presence over training windows
 * (PRODUCT.md §4.7, contact-only traces). All estimates are maximum-likelihood for the model's
 * Poisson and Markov assumptions, with the stated priors:
 * <ul>
 *   <li><b>presence</b>: per device and slot, the share of the slot's training seconds the device was
 *       present; its switching rates = sessions starting (ending) in the slot / seconds absent (present)
 *       in the slot, each with {@code presencePrior} pseudo-seconds at the device's all-day rate; the
 *       ends of the training windows are censoring, not switches;</li>
 *   <li><b>encounters</b>: contacts starting in the windows, a pair's contacts less than
 *       {@code mergeGap} apart merged into one encounter;</li>
 *   <li><b>rates and activity</b>: the Poisson log-linear model {@code λ_ij × f(s)} fitted by iterative
 *       proportional fitting on the encounters per pair and per slot against co-present pair-seconds
 *       per slot; f has {@code activityPrior} pseudo-encounters at 1 per slot and mean 1 over
 *       co-presence; it is applied to the model only with {@link PairsOptions#activity()} (else
 *       measured and reported, and λ_ij = n_ij / E_ij);</li>
 *   <li><b>contact shares</b>: per pair, the time its contacts cover over its co-present time, shrunk
 *       towards the block's pooled share with {@code graphPrior} pseudo-seconds (at most 0.95): the chance
 *       that a device receiving the update is in contact with that peer at that moment;</li>
 *   <li><b>communities</b>: Louvain on the graph with weights {@code n_ij / (E_ij + graphPrior)}
 *       (E_ij the pair's activity-weighted co-present seconds);</li>
 *   <li><b>shrinkage</b>: each pair's rate is the posterior mean under a gamma prior fitted to its
 *       community block (c, d) by the method of moments (Poisson–gamma empirical Bayes):
 *       {@code λ_ij = (n_ij + m_cd T_cd) / (E_ij + T_cd)}; pairs never co-present in training take the
 *       block's rate m_cd; a block without dispersion pools completely.</li>
 * </ul>
 */
public final class PairsFitter {
    /** Largest contact share kept (a pair always in contact would make the chain instantaneous). */
    static final double MAX_SHARE = 0.95;

    private final PairsOptions options;

    public PairsFitter(PairsOptions options) {
        this.options = options;
    }

    public PairsFitter() {
        this(PairsOptions.DEFAULT);
    }

    /**
     * @param net     contacts and presence of the trace
     * @param windows training windows {from, to}, seconds, sorted and disjoint
     * @param zone    the fleet's time zone (slots are local hours)
     */
    public PairsFit fit(TemporalContacts net, List<double[]> windows, ZoneId zone) {
        if (windows.isEmpty()) {
            throw new InvalidInputException("the pairs model needs at least one training window");
        }
        DayClock clock = new DayClock(zone, options.slots());
        int slots = clock.slots();
        int n = net.devices();
        Timeline line = new Timeline(windows, clock);
        double[] windowSlot = new double[slots];
        for (double[] w : windows) {
            line.pieces(w[0], w[1], (s, sec) -> windowSlot[s] += sec);
        }
        double trainingSeconds = Arrays.stream(windowSlot).sum();
        // presence, clipped to the windows
        List<IntervalSet> presence = new ArrayList<>(n);
        double[][] present = new double[n][slots];
        double[][] starts = new double[n][slots];
        double[][] ends = new double[n][slots];
        for (int d = 0; d < n; d++) {
            IntervalSet p = clip(net.presence(d), windows);
            presence.add(p);
            for (int k = 0; k < p.size(); k++) {
                double a = p.start(k);
                double b = p.end(k);
                double[] row = present[d];
                line.pieces(a, b, (s, sec) -> row[s] += sec);
                if (!atWindowStart(windows, a)) {
                    starts[d][clock.slot(a)]++;
                }
                if (!atWindowEnd(windows, b)) {
                    ends[d][clock.slot(b - 1e-3)]++; // a session ending at 20:00 ends in the 19h slot
                }
            }
        }
        // session starts (appearances) per device, the ends of training windows excepted
        double[][] arrivalsAt = new double[n][];
        for (int d = 0; d < n; d++) {
            IntervalSet p = presence.get(d);
            double[] a = new double[p.size()];
            int k = 0;
            for (int i = 0; i < p.size(); i++) {
                if (!atWindowStart(windows, p.start(i))) {
                    a[k++] = p.start(i);
                }
            }
            arrivalsAt[d] = Arrays.copyOf(a, k);
        }
        // co-presence per pair and slot
        int pairs = n * (n - 1) / 2;
        double[][] co = new double[pairs][];
        long coPresent = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                IntervalSet both = intersect(presence.get(i), presence.get(j));
                if (both.measure() > 0) {
                    double[] row = new double[slots];
                    for (int k = 0; k < both.size(); k++) {
                        line.pieces(both.start(k), both.end(k), (s, sec) -> row[s] += sec);
                    }
                    co[index(i, j, n)] = row;
                    coPresent++;
                }
            }
        }
        if (options.independentPresence() && !options.replayPresence()) {
            // the simulation draws each device's presence independently: measure exposure as the
            // co-presence independent devices would have, W(s) a_i(s) a_j(s), so that each pair keeps its
            // encounters per hour (pairs that are always present together would otherwise lose most)
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double[] row = new double[slots];
                    double sum = 0;
                    for (int s = 0; s < slots; s++) {
                        if (windowSlot[s] > 0) {
                            row[s] = Math.min(present[i][s], windowSlot[s]) * Math.min(present[j][s], windowSlot[s])
                                    / windowSlot[s];
                            sum += row[s];
                        }
                    }
                    co[index(i, j, n)] = sum > 0 ? row : null;
                }
            }
        }
        // encounters
        List<Contact> contacts = new ArrayList<>();
        for (Contact c : net.contactList()) {
            if (inWindows(windows, c.start())) {
                contacts.add(c);
            }
        }
        contacts.sort((p, q) -> p.a() != q.a() ? Integer.compare(p.a(), q.a()) : p.b() != q.b()
                ? Integer.compare(p.b(), q.b()) : Double.compare(p.start(), q.start()));
        double[] count = new double[pairs];
        double[] slotCount = new double[slots];
        long encounters = 0;
        int lastA = -1;
        int lastB = -1;
        double lastEnd = Double.NEGATIVE_INFINITY;
        double[][] opened = new double[n][n]; // appearances of i that began with a contact with present j
        long arrivalEncounters = 0;
        for (Contact c : contacts) {
            boolean samePair = c.a() == lastA && c.b() == lastB;
            if (!samePair || c.start() > lastEnd + options.mergeGap()) {
                int p = index(c.a(), c.b(), n);
                boolean aArrives = arrivesAt(arrivalsAt[c.a()], c.start()) && presence.get(c.b()).contains(c.start());
                boolean bArrives = arrivesAt(arrivalsAt[c.b()], c.start()) && presence.get(c.a()).contains(c.start());
                if (options.arrivals() && (aArrives || bArrives)) {
                    // a contact list's presence begins with a contact: this encounter is the appearance itself,
                    // not a Poisson event within co-presence (it would inflate the rate of a short session)
                    opened[c.a()][c.b()] += aArrives ? 1 : 0;
                    opened[c.b()][c.a()] += bArrives ? 1 : 0;
                    arrivalEncounters++;
                } else {
                    count[p]++;
                    if (co[p] != null) {
                        slotCount[clock.slot(c.start())]++;
                    }
                }
                encounters++;
                lastEnd = c.end();
            } else {
                lastEnd = Math.max(lastEnd, c.end());
            }
            lastA = c.a();
            lastB = c.b();
        }
        // time in contact per pair: the union of its contacts
        double[] inContact = new double[pairs];
        lastA = -1;
        lastB = -1;
        double runStart = 0;
        double runEnd = Double.NEGATIVE_INFINITY;
        for (Contact c : contacts) {
            boolean samePair = c.a() == lastA && c.b() == lastB;
            if (!samePair || c.start() > runEnd) {
                if (lastA >= 0) {
                    inContact[index(lastA, lastB, n)] += runEnd - runStart;
                }
                runStart = c.start();
                runEnd = c.end();
            } else {
                runEnd = Math.max(runEnd, c.end());
            }
            lastA = c.a();
            lastB = c.b();
        }
        if (lastA >= 0) {
            inContact[index(lastA, lastB, n)] += runEnd - runStart;
        }
        if (encounters == 0) {
            throw new InvalidInputException("the training window holds no contacts: no encounter rate to fit");
        }
        // rates x activity by iterative proportional fitting
        double[] f = new double[slots];
        Arrays.fill(f, 1);
        double[] coSlot = new double[slots];
        for (double[] row : co) {
            if (row != null) {
                for (int s = 0; s < slots; s++) {
                    coSlot[s] += row[s];
                }
            }
        }
        double coTotal = Arrays.stream(coSlot).sum();
        double[] raw = new double[pairs];
        double[] exposure = new double[pairs];
        for (int iter = 0; iter < 50; iter++) {
            exposures(co, f, exposure);
            for (int p = 0; p < pairs; p++) {
                raw[p] = exposure[p] > 0 ? count[p] / exposure[p] : 0;
            }
            double[] expected = new double[slots];
            for (int p = 0; p < pairs; p++) {
                if (co[p] != null && raw[p] > 0) {
                    for (int s = 0; s < slots; s++) {
                        expected[s] += raw[p] * co[p][s];
                    }
                }
            }
            double k = options.activityPrior();
            double weighted = 0;
            for (int s = 0; s < slots; s++) {
                f[s] = expected[s] + k > 0 ? (slotCount[s] + k) / (expected[s] + k) : 1;
                weighted += f[s] * coSlot[s];
            }
            if (weighted > 0 && coTotal > 0) {
                for (int s = 0; s < slots; s++) {
                    f[s] *= coTotal / weighted;
                }
            }
        }
        double[] measured = f.clone();
        if (!options.activity()) {
            // the profile is measured and reported, not applied: rates per co-present second of any hour
            Arrays.fill(f, 1);
        }
        exposures(co, f, exposure);
        // communities on the damped pair-rate graph
        double[][] graph = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int p = index(i, j, n);
                double w = count[p] / (exposure[p] + options.graphPrior());
                graph[i][j] = Double.isFinite(w) ? w : 0;
                graph[j][i] = graph[i][j];
            }
        }
        Communities communities = Communities.louvain(graph, options.seed());
        int[] member = communities.membership();
        int cs = communities.count();
        // pooled rates within, between, overall
        double[] within = new double[2];
        double[] between = new double[2];
        double[][] blockN = new double[cs][cs];
        double[][] blockE = new double[cs][cs];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int p = index(i, j, n);
                if (exposure[p] <= 0) {
                    continue;
                }
                double[] acc = member[i] == member[j] ? within : between;
                acc[0] += count[p];
                acc[1] += exposure[p];
                int c = Math.min(member[i], member[j]);
                int d = Math.max(member[i], member[j]);
                blockN[c][d] += count[p];
                blockE[c][d] += exposure[p];
            }
        }
        double pooled = (within[1] + between[1]) > 0 ? (within[0] + between[0]) / (within[1] + between[1]) : 0;
        double withinRate = within[1] > 0 ? within[0] / within[1] : Double.NaN;
        double betweenRate = between[1] > 0 ? between[0] / between[1] : Double.NaN;
        double[][] blockMean = new double[cs][cs];
        double[][] blockPrior = new double[cs][cs]; // pseudo-seconds T_cd; +Infinity = pooled completely
        for (int c = 0; c < cs; c++) {
            for (int d = c; d < cs; d++) {
                double m = blockE[c][d] > 0 ? blockN[c][d] / blockE[c][d]
                        : (c == d ? (Double.isNaN(withinRate) ? pooled : withinRate)
                        : (Double.isNaN(betweenRate) ? pooled : betweenRate));
                blockMean[c][d] = m;
                blockMean[d][c] = m;
            }
        }
        double[][] dev = new double[cs][cs];
        double[][] sq = new double[cs][cs];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int p = index(i, j, n);
                if (exposure[p] <= 0) {
                    continue;
                }
                int c = Math.min(member[i], member[j]);
                int d = Math.max(member[i], member[j]);
                double r = count[p] - blockMean[c][d] * exposure[p];
                dev[c][d] += r * r;
                sq[c][d] += exposure[p] * exposure[p];
            }
        }
        for (int c = 0; c < cs; c++) {
            for (int d = c; d < cs; d++) {
                double m = blockMean[c][d];
                double v = sq[c][d] > 0 ? (dev[c][d] - m * blockE[c][d]) / sq[c][d] : 0;
                double t0 = v > 0 && m > 0 ? m / v : Double.POSITIVE_INFINITY;
                blockPrior[c][d] = t0;
                blockPrior[d][c] = t0;
            }
        }
        // contact shares, shrunk towards their block's pooled share with graphPrior pseudo-seconds
        double[][] blockContact = new double[cs][cs];
        double[][] blockCo = new double[cs][cs];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int p = index(i, j, n);
                if (co[p] == null) {
                    continue;
                }
                int c = Math.min(member[i], member[j]);
                int d = Math.max(member[i], member[j]);
                blockContact[c][d] += inContact[p];
                blockCo[c][d] += Arrays.stream(co[p]).sum();
            }
        }
        double[][] contactShare = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int p = index(i, j, n);
                int c = Math.min(member[i], member[j]);
                int d = Math.max(member[i], member[j]);
                double prior = blockCo[c][d] > 0 ? blockContact[c][d] / blockCo[c][d] : 0;
                double coSeconds = co[p] == null ? 0 : Arrays.stream(co[p]).sum();
                double k = options.graphPrior();
                double share = coSeconds + k > 0 ? (inContact[p] + prior * k) / (coSeconds + k) : prior;
                contactShare[i][j] = Math.min(MAX_SHARE, Math.max(0, share));
                contactShare[j][i] = contactShare[i][j];
            }
        }
        double[][] rates = new double[n][n];
        long withEncounter = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int p = index(i, j, n);
                int c = member[i];
                int d = member[j];
                double m = blockMean[c][d];
                double t0 = blockPrior[c][d];
                double r = Double.isInfinite(t0) ? m : (count[p] + m * t0) / (exposure[p] + t0);
                rates[i][j] = r;
                rates[j][i] = r;
                withEncounter += count[p] > 0 ? 1 : 0;
            }
        }
        // presence probabilities and switching rates
        double[][] prob = new double[n][slots];
        double[][] on = new double[n][slots];
        double[][] off = new double[n][slots];
        double[] shares = new double[n];
        int seen = 0;
        double prior = options.presencePrior();
        // the fleet's switching rates per slot: the prior of each device's (behaviour is sharply hourly:
        // nobody leaves at noon, nobody appears at 3 am, so an all-day rate would be the wrong prior)
        double[] fleetOn = new double[slots];
        double[] fleetOff = new double[slots];
        for (int s = 0; s < slots; s++) {
            double st = 0;
            double en = 0;
            double pr = 0;
            double ab = 0;
            for (int d = 0; d < n; d++) {
                if (presence.get(d).size() == 0) {
                    continue;
                }
                double ps = Math.min(present[d][s], windowSlot[s]);
                st += starts[d][s];
                en += ends[d][s];
                pr += Math.max(ps, 60 * ends[d][s]);
                ab += windowSlot[s] - ps;
            }
            fleetOn[s] = ab > 0 ? st / ab : 0;
            fleetOff[s] = pr > 0 ? en / pr : 0;
        }
        for (int d = 0; d < n; d++) {
            double presentAll = Arrays.stream(present[d]).sum();
            double absentAll = trainingSeconds - presentAll;
            double startsAll = Arrays.stream(starts[d]).sum();
            double endsAll = Arrays.stream(ends[d]).sum();
            double share = trainingSeconds > 0 ? presentAll / trainingSeconds : 0;
            boolean everSeen = presence.get(d).size() > 0;
            if (everSeen) {
                shares[seen++] = share;
            }
            double onAll = absentAll > 0 ? startsAll / absentAll : 0;
            // a device seen only for instants leaves at once: a minute per session at least
            double offAll = endsAll > 0 ? endsAll / Math.max(presentAll, 60 * endsAll) : 0;
            for (int s = 0; s < slots; s++) {
                double ws = windowSlot[s];
                if (ws <= 0) {
                    prob[d][s] = share;
                    on[d][s] = everSeen ? onAll : 0;
                    off[d][s] = offAll;
                    continue;
                }
                double ps = Math.min(present[d][s], ws);
                prob[d][s] = Math.min(1, ps / ws);
                double absentDen = ws - ps + prior;
                double presentDen = Math.max(ps, 60 * ends[d][s]) + prior;
                on[d][s] = everSeen && absentDen > 0 ? (starts[d][s] + prior * fleetOn[s]) / absentDen : 0;
                off[d][s] = presentDen > 0 ? (ends[d][s] + prior * fleetOff[s]) / presentDen : 0;
            }
        }
        double median = seen == 0 ? 0 : median(Arrays.copyOf(shares, seen));
        double[][] arrival = new double[n][n];
        if (options.arrivals()) {
            for (int i = 0; i < n; i++) {
                for (double t : arrivalsAt[i]) {
                    for (int j = 0; j < n; j++) {
                        if (j != i && presence.get(j).contains(t)) {
                            arrival[i][j]++; // appearances of i while j was present
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    arrival[i][j] = arrival[i][j] > 0 ? Math.min(MAX_SHARE, opened[i][j] / arrival[i][j]) : 0;
                }
            }
        }
        PairsModel model = new PairsModel(net.names(), rates, contactShare, arrival, f, prob, on, off, member,
                DayClock.SLOT_SECONDS);
        double[][] blockOut = new double[cs][cs];
        for (int c = 0; c < cs; c++) {
            blockOut[c] = blockMean[c].clone();
        }
        List<PresenceDay> days = options.replayPresence() ? presenceDays(presence, windows, zone, slots) : List.of();
        return new PairsFit(model, options, communities, blockOut, contacts.size(), encounters, withEncounter, coPresent,
                pooled, withinRate, betweenRate, trainingSeconds, median, days, measured);
    }

    /**
     * The training windows cut at local midnights, each day with the presence of every device on it
     * and on the next training day (the following calendar day when it is a training day, else the
     * next training day in order, cyclically), on the cycle clock.
     */
    static List<PresenceDay> presenceDays(List<IntervalSet> presence, List<double[]> windows, ZoneId zone, int slots) {
        List<double[]> days = new ArrayList<>(); // {from, to, midnight}
        for (double[] w : windows) {
            double a = w[0];
            while (a < w[1]) {
                java.time.LocalDate d = java.time.Instant.ofEpochSecond((long) Math.floor(a)).atZone(zone).toLocalDate();
                double midnight = d.atStartOfDay(zone).toEpochSecond();
                double b = Math.min(w[1], d.plusDays(1).atStartOfDay(zone).toEpochSecond());
                if (b <= a) {
                    b = w[1];
                }
                days.add(new double[] {a, b, midnight});
                a = b;
            }
        }
        List<PresenceDay> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            double[] day = days.get(i);
            double[] second = null;
            for (double[] other : days) {
                if (Math.abs(other[2] - (day[2] + DAY_SECONDS)) < 7200) { // the next calendar day (DST: 23 or 25 h)
                    second = other;
                }
            }
            if (second == null) {
                second = days.get((i + 1) % days.size());
            }
            double offset = 0;
            if (slots == 168) {
                java.time.DayOfWeek dow = java.time.Instant.ofEpochSecond((long) day[2]).atZone(zone).getDayOfWeek();
                offset = (dow.getValue() - 1) * DAY_SECONDS;
            }
            double[][] schedule = new double[presence.size()][];
            for (int dev = 0; dev < presence.size(); dev++) {
                List<Double> iv = new ArrayList<>();
                append(iv, presence.get(dev), day[0], day[1], offset - day[2]);
                append(iv, presence.get(dev), second[0], second[1], offset + DAY_SECONDS - second[2]);
                double[] flat = new double[iv.size()];
                for (int k = 0; k < flat.length; k++) {
                    flat[k] = iv.get(k);
                }
                schedule[dev] = flat;
            }
            out.add(new PresenceDay(day[2], offset, schedule));
        }
        return out;
    }

    private static final double DAY_SECONDS = 86_400;

    /** Appends the parts of {@code p} within [a, b), shifted by {@code shift}, keeping the list sorted. */
    private static void append(List<Double> iv, IntervalSet p, double a, double b, double shift) {
        for (int k = 0; k < p.size(); k++) {
            double s = Math.max(a, p.start(k));
            double e = Math.min(b, p.end(k));
            if (e > s || (e == s && p.start(k) >= a && p.end(k) < b)) {
                double from = s + shift;
                double to = e + shift;
                if (!iv.isEmpty() && from < iv.get(iv.size() - 1)) {
                    from = iv.get(iv.size() - 1); // never out of order (a DST day's rounding)
                    to = Math.max(from, to);
                }
                iv.add(from);
                iv.add(to);
            }
        }
    }

    private static void exposures(double[][] co, double[] f, double[] exposure) {
        for (int p = 0; p < co.length; p++) {
            double e = 0;
            if (co[p] != null) {
                for (int s = 0; s < f.length; s++) {
                    e += f[s] * co[p][s];
                }
            }
            exposure[p] = e;
        }
    }

    static int index(int i, int j, int n) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return a * (2 * n - a - 1) / 2 + (b - a - 1);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    /** True when {@code t} is within a second of one of the sorted appearance times. */
    private static boolean arrivesAt(double[] sorted, double t) {
        int k = Arrays.binarySearch(sorted, t);
        if (k >= 0) {
            return true;
        }
        int i = -k - 1;
        return (i < sorted.length && sorted[i] - t <= 1) || (i > 0 && t - sorted[i - 1] <= 1);
    }

    private static boolean inWindows(List<double[]> windows, double t) {
        for (double[] w : windows) {
            if (t >= w[0] && t < w[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean atWindowStart(List<double[]> windows, double t) {
        for (double[] w : windows) {
            if (Math.abs(t - w[0]) < 1e-6) {
                return true;
            }
        }
        return false;
    }

    private static boolean atWindowEnd(List<double[]> windows, double t) {
        for (double[] w : windows) {
            if (Math.abs(t - w[1]) < 1e-6) {
                return true;
            }
        }
        return false;
    }

    static IntervalSet clip(IntervalSet set, List<double[]> windows) {
        IntervalSet.Builder b = new IntervalSet.Builder();
        for (double[] w : windows) {
            for (int i = 0; i < set.size(); i++) {
                double a = Math.max(set.start(i), w[0]);
                double e = Math.min(set.end(i), w[1]);
                if (e > a || (e == a && set.start(i) >= w[0] && set.end(i) <= w[1])) {
                    b.add(a, e);
                }
            }
        }
        return b.build();
    }

    static IntervalSet intersect(IntervalSet x, IntervalSet y) {
        return x.intersect(y);
    }

    /** Receives a piece of an interval lying in one slot. */
    private interface PieceSink {
        void piece(int slot, double seconds);
    }

    /** The training span cut at local slot boundaries, for splitting intervals by slot quickly. */
    private static final class Timeline {
        private final double[] start;
        private final int[] slot;

        Timeline(List<double[]> windows, DayClock clock) {
            double from = windows.get(0)[0];
            double to = windows.get(windows.size() - 1)[1];
            List<double[]> segs = new ArrayList<>();
            double t = from;
            while (t < to) {
                int off = clock.offsetSeconds(t);
                double next = (Math.floor((t + off) / DayClock.SLOT_SECONDS) + 1) * DayClock.SLOT_SECONDS - off;
                if (next <= t) {
                    next = t + DayClock.SLOT_SECONDS;
                }
                segs.add(new double[] {t, clock.slot(t)});
                t = next;
            }
            segs.add(new double[] {to, -1});
            start = new double[segs.size()];
            slot = new int[segs.size()];
            for (int i = 0; i < segs.size(); i++) {
                start[i] = segs.get(i)[0];
                slot[i] = (int) segs.get(i)[1];
            }
        }

        void pieces(double a, double b, PieceSink sink) {
            if (!(b > a)) {
                return;
            }
            int k = Arrays.binarySearch(start, a);
            if (k < 0) {
                k = -k - 2;
            }
            k = Math.max(0, k);
            while (k < start.length - 1 && start[k] < b) {
                double lo = Math.max(a, start[k]);
                double hi = Math.min(b, start[k + 1]);
                if (hi > lo) {
                    sink.piece(slot[k], hi - lo);
                }
                k++;
            }
        }
    }
}
