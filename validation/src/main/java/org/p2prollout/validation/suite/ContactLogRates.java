package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.rates.RatesRun;
import org.p2prollout.model.trace.ContactTrace;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;

/**
 * Encounter rates of a simulation measured the way they are measured on real traces: each
 * replication's own contact log goes through the rates pipeline ({@link RatesPipeline#fromContacts},
 * observation window [0, the replication's stop time]); the homogeneous rate pools all
 * replications (total contacts over total pair-observation time, the maximum-likelihood rate of
 * one Poisson process per pair), with the exact Poisson (Garwood) 95 % interval.
 *
 * @param rate              pooled λ, per pair per second
 * @param rateLow           lower end of its 95 % interval, per second
 * @param rateHigh          upper end, per second
 * @param contacts          contacts in all logs
 * @param pairSeconds       pair-observation time in all logs, seconds
 * @param exponentialFit    share of tested pairs whose inter-contact times pass the exponential KS test
 *                          (pooled over replications; NaN when no pair had enough inter-contact times)
 * @param durations         every contact's duration, seconds (for transfer probabilities)
 * @param runs              the pipeline's result per replication
 */
public record ContactLogRates(double rate, double rateLow, double rateHigh, long contacts, double pairSeconds,
                              double exponentialFit, double[] durations, List<RatesRun> runs) {

    public ContactLogRates {
        durations = durations.clone();
        runs = List.copyOf(runs);
    }

    /**
     * Runs the pipeline on each replication's contact log.
     *
     * @throws IllegalStateException when a replication kept no contact log
     */
    public static ContactLogRates of(SimulationResult sim, PipelineOptions options) {
        RatesPipeline pipeline = new RatesPipeline(options);
        int devices = sim.scenario().fleet().devices();
        List<String> names = IntStream.range(0, devices).mapToObj(Integer::toString).toList();
        List<RatesRun> runs = new ArrayList<>();
        long contacts = 0;
        double pairSeconds = 0;
        long tested = 0;
        long notRejected = 0;
        List<Double> durations = new ArrayList<>();
        for (ReplicationResult r : sim.replications()) {
            if (r.contacts() == null) {
                throw new IllegalStateException("replication " + r.replication() + " kept no contact log");
            }
            List<Contact> log = new ArrayList<>(r.contacts().contacts());
            log.sort(java.util.Comparator.comparingDouble(Contact::start));
            ContactTrace trace = new ContactTrace("simulation replication " + r.replication(),
                    TraceFormat.CONTACTS_CSV, false, names, log, 0, r.stopSeconds(), 0, 0);
            RatesRun run = pipeline.fromContacts(trace);
            runs.add(run);
            contacts += run.rates().contacts();
            pairSeconds += run.rates().pairObservedSeconds();
            tested += run.rates().fit().pairsTested();
            notRejected += run.rates().fit().pairsNotRejected();
            log.forEach(c -> durations.add(c.duration()));
        }
        double rate = pairSeconds > 0 ? contacts / pairSeconds : Double.NaN;
        double low = contacts == 0 ? 0
                : new ChiSquaredDistribution(null, 2.0 * contacts).inverseCumulativeProbability(0.025) / 2 / pairSeconds;
        double high = new ChiSquaredDistribution(null, 2.0 * contacts + 2).inverseCumulativeProbability(0.975) / 2
                / pairSeconds;
        return new ContactLogRates(rate, low, high, contacts, pairSeconds,
                tested == 0 ? Double.NaN : (double) notRejected / tested,
                durations.stream().mapToDouble(Double::doubleValue).toArray(), runs);
    }

    /**
     * Share of contacts that lasted at least {@code seconds}: the probability p that a contact is
     * long enough to carry a transfer of that duration (1 for a duration {@code <= 0}).
     */
    public double shareLastingAtLeast(double seconds) {
        if (seconds <= 0 || durations.length == 0) {
            return 1;
        }
        long n = java.util.Arrays.stream(durations).filter(d -> d >= seconds).count();
        return (double) n / durations.length;
    }

    /** Mean contact duration, seconds (NaN when there were no contacts). */
    public double meanDuration() {
        return java.util.Arrays.stream(durations).average().orElse(Double.NaN);
    }

    @Override
    public double[] durations() {
        return durations.clone();
    }
}
