package org.p2prollout.model.rates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.InvalidInputException;

/**
 * Estimates encounter rates from in-memory contacts: the library entry point shared by the trace
 * pipeline and by validation (which feeds the simulator's own contact log).
 *
 * <ul>
 *   <li>per pair, {@code λ_ij = contacts_ij / T_ij} with {@code T_ij} the time both were observed;</li>
 *   <li>homogeneous λ = Σ contacts / Σ T_ij over observed pairs (MLE; see
 *       {@link EncounterRates.Homogeneous});</li>
 *   <li>C classes by total contact rate with a C×C matrix of pair rates and class sizes;</li>
 *   <li>inter-contact times (censored gaps excluded), KS fit to the exponential per pair with at
 *       least 20 of them, the pooled CCDF, and contact durations.</li>
 * </ul>
 *
 * <p>Cost: O(contacts log contacts) plus, for the pair observation times, a merge of the two
 * devices' observed intervals for each pair whose observation spans overlap (at most N(N−1)/2:
 * fine for thousands of devices observed together; fleets whose members come and go, as in
 * SUMO, only pay for the pairs that coexist). Contacts and observations given are never
 * modified.
 */
public final class EncounterRateEstimator {
    private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    private static final int CCDF_POINTS = 2000;

    private final RateOptions options;

    public EncounterRateEstimator(RateOptions options) {
        this.options = options;
    }

    /** With {@link RateOptions#DEFAULT}. */
    public EncounterRateEstimator() {
        this(RateOptions.DEFAULT);
    }

    /**
     * Convenience: every device observed throughout {@code [from, to]} (seconds), e.g. a
     * simulation's contact log over its horizon.
     */
    public EncounterRates estimate(List<Contact> contacts, int devices, double from, double to) {
        return estimate(contacts, Observation.window(devices, from, to));
    }

    /**
     * Estimates rates from {@code contacts} (device indices below {@code observation.devices()};
     * contacts of a pair must not overlap, though one may start when the previous ends) and the
     * observation times.
     *
     * @throws InvalidInputException when a contact names an unknown device, overlaps another of
     *         its pair, or lies where its two devices were not both observed
     */
    public EncounterRates estimate(List<Contact> contacts, Observation observation) {
        int n = observation.devices();
        if (options.classes() > n) {
            throw new InvalidInputException("classes must be an integer in [1, " + n + "] (the number of devices), got " + options.classes());
        }
        List<IntervalSet> obs = observation.observed();
        Contact[] sorted = contacts.toArray(new Contact[0]);
        for (Contact c : sorted) {
            if (c.b() >= n) {
                throw new InvalidInputException("contact " + c + " names device " + c.b() + "; devices are 0.." + (n - 1));
            }
        }
        sorted = byPairThenStart(sorted, n);

        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        List<EncounterRates.PairRate> pairs = new ArrayList<>();
        double[] deviceRates = new double[n];
        double[] ict = new double[Math.max(0, sorted.length)];
        int ictCount = 0;
        long tested = 0;
        long notRejected = 0;
        for (int s = 0; s < sorted.length; ) {
            int a = sorted[s].a();
            int b = sorted[s].b();
            int e = s;
            while (e < sorted.length && sorted[e].a() == a && sorted[e].b() == b) {
                e++;
            }
            double t = obs.get(a).overlap(obs.get(b));
            if (!(t > 0)) {
                throw new InvalidInputException("contact " + sorted[s] + " lies where devices " + a + " and " + b
                        + " were never observed together");
            }
            int first = ictCount;
            for (int k = s; k + 1 < e; k++) {
                double end = sorted[k].end();
                double next = sorted[k + 1].start();
                if (next < end) {
                    throw new InvalidInputException("contacts " + sorted[k] + " and " + sorted[k + 1] + " of one pair overlap");
                }
                if (obs.get(a).covers(end, next) && obs.get(b).covers(end, next)) {
                    ict[ictCount++] = next - end;
                }
            }
            int m = ictCount - first;
            double mean = Double.NaN;
            double p = Double.NaN;
            if (m > 0) {
                double sum = 0;
                for (int k = first; k < ictCount; k++) {
                    sum += ict[k];
                }
                mean = sum / m;
            }
            if (m >= options.minInterContacts()) {
                double[] sample = Arrays.copyOfRange(ict, first, ictCount);
                p = pValue(ks, sample, mean);
                tested++;
                if (p >= options.ksLevel()) {
                    notRejected++;
                }
            }
            int c = e - s;
            double rate = c / t;
            deviceRates[a] += rate;
            deviceRates[b] += rate;
            pairs.add(new EncounterRates.PairRate(a, b, c, t, rate, m, mean, p));
            s = e;
        }

        int[] deviceClass = classify(deviceRates, options.classes());
        int classes = options.classes();
        double[][] classContacts = new double[classes][classes];
        for (EncounterRates.PairRate pr : pairs) {
            int ca = deviceClass[pr.a()];
            int cb = deviceClass[pr.b()];
            classContacts[ca][cb] += pr.contacts();
            if (ca != cb) {
                classContacts[cb][ca] += pr.contacts();
            }
        }
        double[][] classTime = new double[classes][classes];
        long pairsObserved = 0;
        double pairTime = 0;
        double rateSum = 0;
        for (EncounterRates.PairRate pr : pairs) {
            rateSum += pr.rate();
        }
        // Devices in order of first observation: device i can only overlap the devices after it
        // that start before it ends, so fleets whose members come and go (SUMO) skip most pairs.
        Integer[] byFirst = new Integer[n];
        int observedDevices = 0;
        for (int i = 0; i < n; i++) {
            if (obs.get(i).size() > 0) {
                byFirst[observedDevices++] = i;
            }
        }
        Arrays.sort(byFirst, 0, observedDevices, Comparator.comparingDouble(i -> obs.get(i).first()));
        for (int x = 0; x < observedDevices; x++) {
            int i = byFirst[x];
            IntervalSet oi = obs.get(i);
            double lastI = oi.last();
            for (int y = x + 1; y < observedDevices; y++) {
                int j = byFirst[y];
                IntervalSet oj = obs.get(j);
                if (oj.first() >= lastI) {
                    break;
                }
                double t = oi.overlap(oj);
                if (t > 0) {
                    pairsObserved++;
                    pairTime += t;
                    int ci = deviceClass[i];
                    int cj = deviceClass[j];
                    classTime[ci][cj] += t;
                    if (ci != cj) {
                        classTime[cj][ci] += t;
                    }
                }
            }
        }
        double[][] classRates = new double[classes][classes];
        for (int c = 0; c < classes; c++) {
            for (int d = 0; d < classes; d++) {
                classRates[c][d] = classTime[c][d] > 0 ? classContacts[c][d] / classTime[c][d] : 0;
            }
        }
        int[] sizes = new int[classes];
        for (int c : deviceClass) {
            sizes[c]++;
        }
        EncounterRates.Homogeneous homogeneous = homogeneous(sorted.length, pairTime,
                pairsObserved == 0 ? Double.NaN : rateSum / pairsObserved);
        EncounterRates.ExpFit fit = new EncounterRates.ExpFit(tested, notRejected,
                tested == 0 ? Double.NaN : (double) notRejected / tested, options.ksLevel(), options.minInterContacts());
        return new EncounterRates(n, sorted.length, pairs.size(), pairsObserved, pairTime, homogeneous, pairs,
                new EncounterRates.Classes(sizes, classRates, deviceClass, deviceRates), fit,
                interContact(Arrays.copyOf(ict, ictCount)), durations(sorted));
    }

    /**
     * The contacts sorted by (a, b, start) — a new array. Sorting millions of objects with
     * comparators dominated the run time of multi-week traces, so this sorts primitive keys:
     * a stable order by start first (free when the input is already in start order, as from a
     * tracker or a simulator log), then the packed key {@code pair · m + position}.
     */
    static Contact[] byPairThenStart(Contact[] contacts, int devices) {
        int m = contacts.length;
        Contact[] byStart = contacts.clone();
        boolean inStartOrder = true;
        for (int i = 1; i < m && inStartOrder; i++) {
            inStartOrder = contacts[i - 1].start() <= contacts[i].start();
        }
        if (!inStartOrder) {
            Arrays.sort(byStart, Comparator.comparingDouble(Contact::start)); // stable
        }
        double pairs = (double) devices * devices;
        if (pairs * Math.max(1, m) >= 0x1p62) {
            Arrays.sort(byStart, Comparator.comparingInt(Contact::a).thenComparingInt(Contact::b).thenComparingDouble(Contact::start));
            return byStart;
        }
        long[] packed = new long[m];
        for (int i = 0; i < m; i++) {
            long pair = (long) byStart[i].a() * devices + byStart[i].b();
            packed[i] = pair * m + i;
        }
        Arrays.sort(packed);
        Contact[] out = new Contact[m];
        for (int i = 0; i < m; i++) {
            out[i] = byStart[(int) (packed[i] % m)];
        }
        return out;
    }

    /**
     * KS p-value of {@code sample} against the exponential of mean {@code mean}. Commons Math's
     * p-value costs milliseconds for n ≤ 140 (a matrix power), too slow for the tens of thousands of
     * pairs of a multi-week trace; so the statistic D is Commons Math's, and the p-value is first
     * taken from the asymptotic Kolmogorov distribution with Stephens' small-sample correction
     * {@code (√n + 0.12 + 0.11/√n)·D} (within 0.02 of Commons Math's for n ≥ 20). Only when that lies in
     * [0.005, 0.2], near the decision, is Commons Math's p-value computed and used.
     */
    private double pValue(KolmogorovSmirnovTest ks, double[] sample, double mean) {
        ExponentialDistribution exp = new ExponentialDistribution(null, mean);
        double d = ks.kolmogorovSmirnovStatistic(exp, sample);
        double rootN = Math.sqrt(sample.length);
        double approx = 1 - ks.ksSum((rootN + 0.12 + 0.11 / rootN) * d, 1e-12, 100_000);
        if (approx >= 0.005 && approx <= 0.2) {
            return ks.kolmogorovSmirnovTest(exp, sample);
        }
        return Math.max(0, Math.min(1, approx));
    }

    private EncounterRates.Homogeneous homogeneous(long contacts, double pairTime, double unweighted) {
        if (!(pairTime > 0)) {
            return new EncounterRates.Homogeneous(Double.NaN, Double.NaN, Double.NaN, options.confidence(), unweighted);
        }
        double alpha = 1 - options.confidence();
        double lower = contacts == 0 ? 0
                : new ChiSquaredDistribution(null, 2.0 * contacts).inverseCumulativeProbability(alpha / 2) / (2 * pairTime);
        double upper = new ChiSquaredDistribution(null, 2.0 * contacts + 2).inverseCumulativeProbability(1 - alpha / 2) / (2 * pairTime);
        return new EncounterRates.Homogeneous(contacts / pairTime, lower, upper, options.confidence(), unweighted);
    }

    /**
     * Classes of near-equal size by increasing total rate: device ranks {@code r} (ties broken by
     * index) go to class {@code floor(r·C/N)}.
     */
    static int[] classify(double[] deviceRates, int classes) {
        int n = deviceRates.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> {
            int c = Double.compare(deviceRates[p], deviceRates[q]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        int[] cls = new int[n];
        for (int r = 0; r < n; r++) {
            cls[order[r]] = (int) ((long) r * classes / n);
        }
        return cls;
    }

    private static EncounterRates.InterContact interContact(double[] times) {
        Arrays.sort(times);
        int m = times.length;
        double mean = m == 0 ? Double.NaN : Arrays.stream(times).sum() / m;
        List<double[]> points = new ArrayList<>();
        // One point per distinct value (the CCDF just after it), thinned to about CCDF_POINTS on a log scale.
        double lastLog = Double.NEGATIVE_INFINITY;
        double span = m == 0 ? 0 : Math.log(Math.max(times[m - 1], 1e-9) / Math.max(times[0], 1e-9));
        double minStep = span / CCDF_POINTS;
        for (int i = 0; i < m; i++) {
            if (i + 1 < m && times[i + 1] == times[i]) {
                continue;
            }
            double lg = Math.log(Math.max(times[i], 1e-9));
            if (lg - lastLog >= minStep || i == m - 1) {
                points.add(new double[] {times[i], (double) (m - 1 - i) / m});
                lastLog = lg;
            }
        }
        double[] xs = new double[points.size()];
        double[] ps = new double[points.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = points.get(k)[0];
            ps[k] = points.get(k)[1];
        }
        return new EncounterRates.InterContact(m, mean, xs, ps);
    }

    private static EncounterRates.Durations durations(Contact[] contacts) {
        int m = contacts.length;
        double[] d = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            d[i] = contacts[i].duration();
            sum += d[i];
        }
        Arrays.sort(d);
        Map<String, Double> q = new LinkedHashMap<>();
        for (double p : QUANTILES) {
            q.put(Double.toString(p), m == 0 ? Double.NaN : quantile(d, p));
        }
        return new EncounterRates.Durations(m, m == 0 ? Double.NaN : sum / m, m == 0 ? Double.NaN : d[m - 1], q);
    }

    /** Inverse of the empirical CDF: the smallest value with at least {@code p·n} values at or below it. */
    static double quantile(double[] sorted, double p) {
        int k = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }
}
