package org.p2prollout.model.rates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.InvalidInputException;

/**
 * Contact lists drawn as independent Poisson processes per pair (seeded), with known rates: the
 * estimates must land within their stated statistical bounds.
 */
class PoissonContactsTest {
    private static final double T = 100_000;

    /** Instantaneous contacts of each pair at the event times of a Poisson process of rate {@code rate(i, j)} * 1e-3. */
    private static List<Contact> poisson(int n, IntBinaryOperator milliRate, long seed) {
        RandomGenerator rnd = new Well19937c(seed);
        List<Contact> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double rate = milliRate.applyAsInt(i, j) * 1e-3;
                double t = -Math.log(rnd.nextDouble()) / rate;
                while (t < T) {
                    out.add(new Contact(i, j, t, t));
                    t += -Math.log(rnd.nextDouble()) / rate;
                }
            }
        }
        return out;
    }

    @Test
    void homogeneousRateLiesInItsConfidenceIntervalAndWithinFourSigma() {
        int n = 30;
        double lambda = 1e-3;
        List<Contact> contacts = poisson(n, (i, j) -> 1, 11);
        EncounterRates r = new EncounterRateEstimator().estimate(contacts, n, 0, T);
        EncounterRates.Homogeneous h = r.homogeneous();
        assertTrue(h.lower() <= lambda && lambda <= h.upper(), "λ=" + lambda + " outside CI [" + h.lower() + ", " + h.upper() + "]");
        double pairTime = n * (n - 1) / 2.0 * T;
        double sigma = Math.sqrt(lambda * pairTime) / pairTime;
        assertEquals(lambda, h.rate(), 4 * sigma);
        assertEquals(contacts.size() / pairTime, h.rate(), 1e-18);
        // All pairs observed equally long: the unweighted mean equals the pooled one.
        assertEquals(h.rate(), h.unweightedMean(), 1e-15);
        assertEquals(n * (n - 1) / 2, r.pairsObserved());
        // The CI half-width is about 1.96 sigma.
        assertEquals(2 * 1.96 * sigma, h.upper() - h.lower(), 0.05 * 2 * 1.96 * sigma);
    }

    @Test
    void exponentialInterContactTimesAreMostlyNotRejected() {
        int n = 30;
        EncounterRates r = new EncounterRateEstimator().estimate(poisson(n, (i, j) -> 1, 12), n, 0, T);
        // About 100 inter-contact times per pair, so every pair is tested; under H0 about 95 %
        // (more: the estimated mean makes the test conservative) are not rejected. 435 pairs:
        // a share below 0.88 is 4 standard deviations below 0.95.
        assertEquals(435, r.fit().pairsTested());
        assertTrue(r.fit().share() >= 0.88, "share " + r.fit().share());
        // Pooled inter-contact mean of an exponential with rate 1e-3: 1000 s, within 4 % (43,000 samples).
        assertEquals(1000, r.interContact().mean(), 40);
        // CCDF at the mean is about exp(-1).
        double[] x = r.interContact().ccdfSeconds();
        double[] p = r.interContact().ccdf();
        int k = 0;
        while (x[k] < 1000) {
            k++;
        }
        assertEquals(Math.exp(-1), p[k], 0.01);
    }

    @Test
    void pairPValuesAgreeWithCommonsMathAndGiveTheSameDecisions() {
        int n = 8;
        List<Contact> contacts = poisson(n, (i, j) -> 1, 14);
        EncounterRates r = new EncounterRateEstimator().estimate(contacts, n, 0, T);
        org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest ks = new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest();
        for (EncounterRates.PairRate p : r.pairs()) {
            double[] starts = contacts.stream().filter(c -> c.a() == p.a() && c.b() == p.b()).mapToDouble(Contact::start).sorted().toArray();
            double[] gaps = new double[starts.length - 1];
            for (int k = 0; k < gaps.length; k++) {
                gaps[k] = starts[k + 1] - starts[k];
            }
            double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
            double exact = ks.kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.ExponentialDistribution(null, mean), gaps);
            assertEquals(gaps.length, p.interContacts());
            assertEquals(exact, p.ksPValue(), 0.02, "pair " + p.a() + "-" + p.b());
            assertEquals(exact >= 0.05, p.ksPValue() >= 0.05, "decision of pair " + p.a() + "-" + p.b());
        }
    }

    @Test
    void periodicContactsAreRejected() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                for (double t = 500 + i + j; t < T; t += 1000) {
                    contacts.add(new Contact(i, j, t, t + 10));
                }
            }
        }
        EncounterRates r = new EncounterRateEstimator().estimate(contacts, 10, 0, T);
        assertEquals(45, r.fit().pairsTested());
        assertEquals(0, r.fit().share(), 0);
        assertEquals(10, r.durations().mean(), 1e-9);
        assertEquals(990, r.interContact().mean(), 1e-9);
    }

    @Test
    void twoClassesAreRecoveredWithTheirRateMatrix() {
        // Devices 10..19 are social: 4e-3 among themselves, 1e-3 with everyone else.
        int n = 20;
        List<Contact> contacts = poisson(n, (i, j) -> i >= 10 && j >= 10 ? 4 : 1, 13);
        EncounterRates r = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(2)).estimate(contacts, n, 0, T);
        assertArrayEquals(new int[] {10, 10}, r.classes().sizes());
        for (int i = 0; i < n; i++) {
            assertEquals(i >= 10 ? 1 : 0, r.classes().deviceClass()[i], "device " + i);
        }
        double[][] expected = {{1e-3, 1e-3}, {1e-3, 4e-3}};
        double[] pairs = {45 * T, 100 * T, 45 * T}; // pair time within class 0, across, within class 1
        double[][] l = r.classes().rates();
        assertEquals(expected[0][0], l[0][0], 4 * Math.sqrt(expected[0][0] / pairs[0]));
        assertEquals(expected[0][1], l[0][1], 4 * Math.sqrt(expected[0][1] / pairs[1]));
        assertEquals(expected[1][1], l[1][1], 4 * Math.sqrt(expected[1][1] / pairs[2]));
        assertEquals(l[0][1], l[1][0], 0);
    }

    @Test
    void pairTimeIsTheOverlapOfObservedIntervals() {
        // Device 2 observed only on [0, 400] and [600, 1000]; 0 and 1 throughout [0, 1000].
        IntervalSet all = IntervalSet.of(0, 1000);
        IntervalSet gappy = new IntervalSet.Builder().add(0, 400).add(600, 1000).build();
        Observation obs = new Observation(3, List.of(all, all, gappy), 0, 1000);
        List<Contact> c = List.of(new Contact(0, 2, 100, 110), new Contact(0, 2, 300, 310), new Contact(0, 2, 700, 700),
                new Contact(0, 1, 50, 60));
        EncounterRates r = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1)).estimate(c, obs);
        assertEquals(1000 + 800 + 800, r.pairObservedSeconds(), 1e-9);
        assertEquals(4 / 2600.0, r.homogeneous().rate(), 1e-15);
        EncounterRates.PairRate p02 = r.pairs().stream().filter(p -> p.b() == 2).findFirst().orElseThrow();
        assertEquals(3 / 800.0, p02.rate(), 1e-15);
        // 110 -> 300 observed throughout, 310 -> 700 crosses device 2's gap: censored.
        assertEquals(1, p02.interContacts());
        assertEquals(190, p02.meanInterContact(), 1e-12);
        assertEquals(3, r.pairsObserved());
        assertEquals(2, r.pairsWithContact());
        // Unweighted mean over the three observed pairs: (1/1000 + 3/800 + 0) / 3.
        assertEquals((1 / 1000.0 + 3 / 800.0) / 3, r.homogeneous().unweightedMean(), 1e-15);
    }

    @Test
    void onlyPairsObservedTogetherCount() {
        // 0 on [0, 100], 1 on [50, 150], 2 on [200, 300], 3 on [0, 300]: pairs 0-1 (50 s), 0-3, 1-3, 2-3 (100 s each).
        Observation obs = new Observation(4, List.of(IntervalSet.of(0, 100), IntervalSet.of(50, 150), IntervalSet.of(200, 300),
                IntervalSet.of(0, 300)), 0, 300);
        EncounterRates r = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1))
                .estimate(List.of(new Contact(0, 1, 60, 70), new Contact(2, 3, 250, 250)), obs);
        assertEquals(4, r.pairsObserved());
        assertEquals(350, r.pairObservedSeconds(), 1e-12);
        assertEquals(2 / 350.0, r.homogeneous().rate(), 1e-15);
        assertEquals((1 / 50.0 + 1 / 100.0) / 4, r.homogeneous().unweightedMean(), 1e-15);
    }

    @Test
    void durationQuantilesInvertTheEmpiricalCdf() {
        List<Contact> c = new ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            c.add(new Contact(0, 1, 100.0 * k, 100.0 * k + k)); // durations 1..20
        }
        EncounterRates r = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1)).estimate(c, 2, 0, 3000);
        assertEquals(10.5, r.durations().mean(), 1e-12);
        assertEquals(1.0, r.durations().quantiles().get("0.05"));
        assertEquals(5.0, r.durations().quantiles().get("0.25"));
        assertEquals(10.0, r.durations().quantiles().get("0.5"));
        assertEquals(19.0, r.durations().quantiles().get("0.95"));
        assertEquals(20.0, r.durations().max());
    }

    @Test
    void rejectsOverlappingContactsAndUnknownDevices() {
        assertThrows(InvalidInputException.class, () -> new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1))
                .estimate(List.of(new Contact(0, 1, 0, 10), new Contact(0, 1, 5, 20)), 2, 0, 100));
        assertThrows(InvalidInputException.class, () -> new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1))
                .estimate(List.of(new Contact(0, 5, 0, 10)), 2, 0, 100));
        assertThrows(InvalidInputException.class, () -> new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(3))
                .estimate(List.of(new Contact(0, 1, 0, 10)), 2, 0, 100));
    }

    @Test
    void pipelineEntryForInMemoryContactsGivesTheSameRatesAndASummary() {
        int n = 12;
        List<Contact> contacts = poisson(n, (i, j) -> 2, 15);
        RatesRun run = new RatesPipeline(PipelineOptions.DEFAULT.withRates(RateOptions.DEFAULT.withClasses(2)))
                .fromContacts(contacts, n, 0, T);
        EncounterRates direct = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(2)).estimate(contacts, n, 0, T);
        assertEquals(direct.homogeneous().rate(), run.summary().meanRate(), 0);
        assertEquals(contacts.size(), run.summary().contacts());
        assertEquals(n * (n - 1) / 2, run.summary().pairsObserved());
        assertEquals(T, run.summary().observedSeconds(), 0);
        assertEquals(0, run.summary().fixes());
        assertEquals("contacts", run.summary().format());
        assertEquals("11", run.deviceNames().get(11));
    }

    @Test
    void aContactMayStartWhenThePreviousEnds() {
        EncounterRates r = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1))
                .estimate(List.of(new Contact(0, 1, 0, 10), new Contact(0, 1, 10, 20)), 2, 0, 100);
        assertEquals(2, r.contacts());
        assertEquals(0, r.interContact().mean(), 0);
    }

    @Test
    void inputListIsNotModified() {
        List<Contact> c = new ArrayList<>(List.of(new Contact(0, 1, 50, 50), new Contact(0, 1, 10, 10)));
        List<Contact> copy = List.copyOf(c);
        new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(1)).estimate(c, 2, 0, 100);
        assertEquals(copy, c);
    }
}
