package org.p2prollout.model.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.spread.TemporalContacts;

/** The fit's presence, exposure and activity estimates on traces drawn from known values. */
class PairsFitterTest {
    private static final double DAY = 86_400;

    /**
     * Devices 0 and 1 come together on even days only, 08:00-20:00, meeting at rate λ then; devices 2
     * and 3 are present throughout and meet at rate λ. 40 days.
     */
    private static TemporalContacts together(double lambda, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Contact> c = new ArrayList<>();
        List<IntervalSet.Builder> p = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            p.add(new IntervalSet.Builder());
        }
        int days = 40;
        for (int d = 0; d < days; d++) {
            double a = d * DAY + 8 * 3600;
            double b = d * DAY + 20 * 3600;
            if (d % 2 == 0) {
                p.get(0).add(a, b);
                p.get(1).add(a, b);
                for (double t = a - Math.log(1 - rng.nextDouble()) / lambda; t < b; t -= Math.log(1 - rng.nextDouble()) / lambda) {
                    c.add(new Contact(0, 1, t, t + 1));
                }
            }
        }
        for (double t = -Math.log(1 - rng.nextDouble()) / lambda; t < days * DAY - 1; t -= Math.log(1 - rng.nextDouble()) / lambda) {
            c.add(new Contact(2, 3, t, t + 1));
        }
        p.get(2).add(0, days * DAY);
        p.get(3).add(0, days * DAY);
        List<IntervalSet> presence = p.stream().map(IntervalSet.Builder::build).toList();
        return TemporalContacts.of(List.of("a", "b", "c", "d"), c, presence, 0, days * DAY);
    }

    @Test
    void devicesThatComeTogetherKeepTheirEncountersUnderIndependentPresence() {
        double lambda = 1.0 / 1800;
        TemporalContacts net = together(lambda, 2);
        List<double[]> train = List.of(new double[] {0, 40 * DAY});
        PairsOptions exact = PairsOptions.DEFAULT.withMergeGap(0).withReplayPresence(false);
        PairsFit observed = new PairsFitter(exact.withIndependentPresence(false)).fit(net, train, ZoneOffset.UTC);
        PairsFit independent = new PairsFitter(exact).fit(net, train, ZoneOffset.UTC);
        // 20 days x 12 h x 2 per hour = 480 encounters: rates to about 5 %; 3 sd = 15 %
        assertEquals(lambda, observed.model().rate(0, 1), 0.15 * lambda);
        // drawn independently, each is present half of those hours: together a quarter, so twice the rate
        assertEquals(2 * lambda, independent.model().rate(0, 1), 0.3 * lambda);
        assertEquals(lambda, independent.model().rate(2, 3), 0.1 * lambda);
        // replayed presence keeps them together: the rate per observed co-present second, and one
        // presence day per training day
        PairsFit replayed = new PairsFitter(PairsOptions.DEFAULT.withMergeGap(0)).fit(net, train, ZoneOffset.UTC);
        assertEquals(lambda, replayed.model().rate(0, 1), 0.15 * lambda);
        assertEquals(40, replayed.days().size());
        // presence: half of the 08-20 hours, none at night; nobody leaves at noon
        double[][] a = independent.model().presence();
        assertEquals(0.5, a[0][12], 1e-9);
        assertEquals(0, a[0][3], 1e-9);
        assertEquals(1, a[2][3], 1e-9);
        assertEquals(0, independent.model().offRates()[0][12], 1e-12);
        assertTrue(independent.model().offRates()[0][19] > 0, "devices 0, 1 leave at 20:00 (slot 19 ends there)");
        assertTrue(independent.model().onRates()[0][8] > 1.0 / 7200, "and arrive at 08:00");
    }
}
