package org.p2prollout.model.rates;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.contact.ContactTracker;
import org.p2prollout.model.resample.Resampler;
import org.p2prollout.model.resample.Resampling;
import org.p2prollout.model.trace.ContactTrace;
import org.p2prollout.model.trace.FixCounts;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.TraceData;
import org.p2prollout.model.trace.TraceReaders;
import org.p2prollout.core.ProgressListener;

/**
 * Trace to encounter rates, end to end (PRODUCT.md §4.1): read (any format), project, filter,
 * resample on the grid Δ without crossing gaps longer than G, detect contacts within range r with
 * a {@link ContactTracker} (spatial grid, no all-pairs loop), then estimate rates with
 * {@link EncounterRateEstimator}. Contact lists skip resampling and detection.
 */
public final class RatesPipeline {
    private final PipelineOptions options;

    public RatesPipeline(PipelineOptions options) {
        this.options = options;
    }

    /** Reads {@code path} and runs the pipeline. */
    public RatesRun run(Path path, ProgressListener progress) {
        return run(TraceReaders.read(path, options.read(), progress), progress);
    }

    /** Runs the pipeline on data already read. */
    public RatesRun run(TraceData data, ProgressListener progress) {
        if (data instanceof Trace t) {
            return fromTrace(t, progress);
        }
        return fromContacts((ContactTrace) data);
    }

    /** Positions: resample, detect contacts, estimate. */
    public RatesRun fromTrace(Trace trace, ProgressListener progress) {
        ContactRecorder log = new ContactRecorder();
        ContactTracker tracker = new ContactTracker(trace.devices(), options.range(), log);
        Resampling sweep = new Resampler(options.step(), options.maxGap()).sweep(trace, tracker::step, progress);
        tracker.finish();
        List<Contact> contacts = log.contacts();
        Observation observation = new Observation(trace.devices(), sweep.observed(), sweep.firstTime(),
                sweep.lastTime() + options.step());
        EncounterRates rates = new EncounterRateEstimator(options.rates()).estimate(contacts, observation);
        String unit = options.read().timeUnit() == null ? "s" : options.read().timeUnit().cliName();
        RatesSummary summary = summary(rates, trace.format().cliName(), trace.detected(), trace.counts(), observation,
                unit, null, 0, 0, List.of());
        return new RatesRun(trace.deviceNames(), contacts, rates, summary, observation);
    }

    /**
     * In-memory contacts (e.g. a simulator's contact log) over devices {@code 0..devices-1}, each
     * observed throughout {@code [from, to]} (seconds): the same {@link RatesRun} and
     * {@link RatesSummary} (format {@code "contacts"}) as for a trace, so that
     * {@link RatesFiles#write} gives a {@code summary.json} that {@code rollout predict --rates}
     * reads. Device names are the indices.
     */
    public RatesRun fromContacts(List<Contact> contacts, int devices, double from, double to) {
        return fromContacts(contacts, Observation.window(devices, from, to));
    }

    /** In-memory contacts with per-device observed intervals; device names are the indices. */
    public RatesRun fromContacts(List<Contact> contacts, Observation observation) {
        EncounterRates rates = new EncounterRateEstimator(options.rates()).estimate(contacts, observation);
        RatesSummary summary = summary(rates, "contacts", false, new FixCounts(0, 0, 0, 0, 0), observation,
                "s", null, 0, 0, List.of());
        List<String> names = java.util.stream.IntStream.range(0, observation.devices()).mapToObj(Integer::toString).toList();
        return new RatesRun(names, contacts, rates, summary, observation);
    }

    /** A contact list: every device observed throughout the window. */
    public RatesRun fromContacts(ContactTrace list) {
        Observation observation = Observation.window(list.devices(), list.from(), list.to());
        EncounterRates rates = new EncounterRateEstimator(options.rates()).estimate(list.contacts(), observation);
        RatesSummary summary = summary(rates, list.format().cliName(), list.detected(), new FixCounts(0, 0, 0, 0, list.malformedLines()),
                observation, list.timeUnit().cliName(), list.deviceFilter(), list.devicesDropped(), list.contactsDropped(),
                list.warnings());
        return new RatesRun(list.deviceNames(), list.contacts(), rates, summary, observation);
    }

    private RatesSummary summary(EncounterRates r, String format, boolean detected, FixCounts counts,
                                 Observation observation, String timeUnit, String deviceFilter, int devicesDropped,
                                 long contactsDropped, List<String> warnings) {
        EncounterRates.Homogeneous h = r.homogeneous();
        Map<String, Double> q = new LinkedHashMap<>();
        r.durations().quantiles().forEach((k, v) -> q.put(k, RatesSummary.orNull(v)));
        return new RatesSummary(r.devices(), counts.read(), counts.dropped(), r.contacts(), r.pairsWithContact(), r.pairsObserved(),
                RatesSummary.orNull(h.rate()), r.classes().sizes(), r.classes().rates(),
                RatesSummary.orNull(r.fit().share()), RatesSummary.orNull(r.durations().mean()), observation.seconds(),
                format, detected, counts.malformedLines(), RatesSummary.orNull(h.lower()), RatesSummary.orNull(h.upper()),
                h.confidence(), RatesSummary.orNull(h.unweightedMean()), r.fit().pairsTested(), r.interContact().count(),
                RatesSummary.orNull(r.interContact().mean()), q, options.range(), options.step(), options.maxGap(),
                observation.from(), observation.to(), counts.droppedRegion(), counts.droppedSpeed(), counts.droppedDuplicate(),
                timeUnit, deviceFilter, devicesDropped, contactsDropped, warnings);
    }
}
