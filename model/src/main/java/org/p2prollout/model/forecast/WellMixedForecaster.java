package org.p2prollout.model.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.model.rates.EncounterRateEstimator;
import org.p2prollout.model.rates.EncounterRates;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.rates.Observation;
import org.p2prollout.model.rates.RateOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.ReleasePlan;
import org.p2prollout.model.spread.TimeSample;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.RolloutScenario;
import org.p2prollout.model.swarm.TimeDistribution;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * The well-mixed chains of PRODUCT.md §4.2–4.3 on a trace: every device present all the time,
 * pairs meeting as Poisson processes at the rates estimated from the training windows (per pair of
 * co-present seconds), one rate ({@link ForecastModel#HOMOGENEOUS}) or classes by total contact rate
 * ({@link ForecastModel#CLASSES}). Kept to show how far they are off on real mobility; the
 * forecast's warnings say so. The fleet is the devices a forecast counts (present within the
 * horizon), and the distribution of T_q is the model's own (one release; no release-time effect).
 */
public final class WellMixedForecaster implements Forecaster {
    private static final int ATOMS = 400;
    private final ForecastModel kind;
    private final int classes;

    /**
     * @param kind    {@link ForecastModel#HOMOGENEOUS} or {@link ForecastModel#CLASSES}
     * @param classes classes for {@code CLASSES}, {@code >= 2}
     */
    public WellMixedForecaster(ForecastModel kind, int classes) {
        if (kind != ForecastModel.HOMOGENEOUS && kind != ForecastModel.CLASSES) {
            throw new IllegalArgumentException("well-mixed forecaster for homogeneous or classes, got " + kind);
        }
        this.kind = kind;
        this.classes = classes;
    }

    @Override
    public ForecastModel model() {
        return kind;
    }

    @Override
    public Forecast forecast(FleetTrace trace, List<double[]> training, ForecastQuestion q, ProgressListener progress) {
        if (q.transfer() > 0) {
            throw new InvalidInputException("the well-mixed chains take a transfer probability, not a transfer time;"
                    + " use 'model' replay for 'bandwidth'");
        }
        var net = trace.network();
        List<IntervalSet> presence = Windows.presence(net, training);
        // a contact of a device seen only for an instant has no co-present time to be a rate of (contact
        // lists: presence comes from the contacts themselves); such contacts are left out of the rate
        List<Contact> contacts = new ArrayList<>();
        int instantaneous = 0;
        for (Contact c : Windows.contacts(net, training)) {
            if (presence.get(c.a()).overlap(presence.get(c.b())) > 0) {
                contacts.add(c);
            } else {
                instantaneous++;
            }
        }
        Observation obs = new Observation(net.devices(), presence, training.get(0)[0], training.get(training.size() - 1)[1]);
        EncounterRates rates = new EncounterRateEstimator(RateOptions.DEFAULT.withClasses(kind == ForecastModel.CLASSES
                ? Math.min(classes, net.devices()) : 1)).estimate(contacts, obs);
        double fleet = net.meanPresentWithin(training, q.horizon()) * q.fleetScale();
        long n = Math.max(2, Math.round(fleet));
        if (!(rates.homogeneous().rate() > 0)) {
            throw new InvalidInputException("the training window holds no contacts: no encounter rate to fit");
        }
        double lambda = rates.homogeneous().rate() * q.rangeFactor();
        RolloutScenario sc;
        if (kind == ForecastModel.HOMOGENEOUS) {
            sc = RolloutScenario.homogeneous(n, lambda, q.serverRate(), q.initialHolders(), 1);
        } else {
            int[] sizes = rates.classes().sizes();
            long[] scaled = scale(sizes, n);
            double[][] cr = rates.classes().rates();
            double[][] r = new double[cr.length][];
            for (int i = 0; i < cr.length; i++) {
                r[i] = cr[i].clone();
                for (int j = 0; j < r[i].length; j++) {
                    r[i][j] *= q.rangeFactor();
                }
            }
            sc = new RolloutScenario(n, lambda, scaled, r, 0, q.serverRate(), q.initialHolders(), 1, 1, 1,
                    PiecePolicy.RANDOM, org.p2prollout.model.swarm.HeterogeneousModel.DEFAULT_MAX_STATES, 1);
        }
        RolloutModel model = sc.model(progress);
        double[] levels = q.levels();
        Map<String, TimeSample> samples = new LinkedHashMap<>();
        Map<String, LevelTimes> times = new LinkedHashMap<>();
        String method = null;
        for (double level : levels) {
            var p = model.predict(level);
            method = p.method().label();
            TimeDistribution d = model.timeDistribution(level);
            double[] v = new double[ATOMS];
            for (int i = 0; i < ATOMS; i++) {
                double pr = (i + 0.5) / ATOMS;
                v[i] = p.sdTime() == 0 ? p.meanTime() : d.quantile(pr);
                if (v[i] > q.horizon()) {
                    v[i] = Double.NaN;
                }
            }
            TimeSample s = TimeSample.of(v);
            String key = ReleasePlan.key(level);
            samples.put(key, s);
            times.put(key, new LevelTimes(p.meanTime(), p.sdTime() == 0 ? p.meanTime() : d.quantile(0.5), p.meanTime(),
                    p.meanTime(), s.reachedShare()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nodes", n);
        details.put("rate", lambda);
        details.put("contacts", contacts.size());
        details.put("contactsWithoutCoPresence", instantaneous);
        if (kind == ForecastModel.CLASSES) {
            details.put("classSizes", rates.classes().sizes());
        }
        return new Forecast(kind, method + " (" + (kind == ForecastModel.CLASSES ? rates.classes().sizes().length
                + " classes" : "one rate") + ", " + n + " devices)", times, samples, fleet,
                "none: a model answer, exact for the model (its error on real mobility is the warning)",
                List.of("every device present all the time", "pairs meet as Poisson processes, well mixed: a device is as"
                        + " likely to meet any other at any hour", "rate = contacts / co-present pair-seconds of the"
                        + " training window (" + String.format(Locale.ROOT, "%.3g", lambda) + " per s)"),
                new ArrayList<>(List.of("well mixed: ignores co-location, time of day and presence; on the cab trace"
                        + " such chains are 10-40x too fast (docs/MODELS.md)")), details);
    }

    static long[] scale(int[] sizes, long n) {
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        long[] out = new long[sizes.length];
        long used = 0;
        for (int i = 0; i < sizes.length; i++) {
            out[i] = Math.max(1, (long) Math.floor((double) sizes[i] * n / total));
            used += out[i];
        }
        int i = 0;
        while (used < n) {
            out[i++ % sizes.length]++;
            used++;
        }
        while (used > n) {
            int k = 0;
            for (int j = 1; j < out.length; j++) {
                if (out[j] > out[k]) {
                    k = j;
                }
            }
            out[k]--;
            used--;
        }
        return out;
    }
}
