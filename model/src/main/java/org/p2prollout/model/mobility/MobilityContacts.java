package org.p2prollout.model.mobility;

import org.p2prollout.model.contact.ContactCollector;
import org.p2prollout.model.contact.ContactListener;
import org.p2prollout.core.Checks;
import org.p2prollout.core.ProgressListener;

/**
 * Runs synthetic mobility through contact detection for a time span: built-in mobility to
 * contacts, for the rates pipeline and for benchmarks.
 */
public final class MobilityContacts {
    private static final int PROGRESS_EVERY = 64;

    private MobilityContacts() {
    }

    /**
     * Samples {@code model} at {@code 0, step, ..., k step <= duration} and returns its
     * contacts for radio range {@code range}; contacts open at the last sample end there. The
     * observation window is {@code [0, last sample]}.
     *
     * @param range    metres, {@code > 0}
     * @param step     seconds, {@code > 0}
     * @param duration seconds, {@code >= 0}
     */
    public static ContactLog collect(MobilityModel model, double range, double step, double duration,
            ProgressListener progress) {
        ContactCollector collector = new ContactCollector();
        double last = run(model, range, step, duration, collector, progress);
        return new ContactLog(model.devices(), 0, last, collector.contacts());
    }

    /**
     * As {@link #collect}, streaming the events to {@code listener} instead of keeping them
     * (e.g. to count them without holding millions of records).
     *
     * @return the time of the last sample, seconds
     */
    public static double run(MobilityModel model, double range, double step, double duration,
            ContactListener listener, ProgressListener progress) {
        Checks.positive("step", step);
        Checks.nonNegative("duration", duration);
        SampledContacts source = new SampledContacts(model, range, step);
        long samples = (long) Math.floor(duration / step) + 1;
        for (long k = 0; k < samples; k += PROGRESS_EVERY) {
            long upTo = Math.min(samples - 1, k + PROGRESS_EVERY - 1);
            source.advance(upTo * step, listener);
            progress.progress(upTo + 1, samples, "mobility steps");
        }
        double last = source.lastSampleTime();
        source.finish(last, listener);
        return last;
    }

    /** The contacts of a contact source over {@code [0, duration]}; open ones end at {@code duration}. */
    public static ContactLog collect(ContactSource source, double duration) {
        Checks.nonNegative("duration", duration);
        ContactCollector collector = new ContactCollector();
        source.advance(duration, collector);
        source.finish(duration, collector);
        return new ContactLog(source.devices(), 0, duration, collector.contacts());
    }
}
