package org.p2prollout.validation.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.rates.RatesRun;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.TraceReplay;

/**
 * The contacts of a recorded trace, found by the rates pipeline (read, project, resample, detect),
 * shifted so that release is at the start of the observation window: the timeline of
 * {@link org.p2prollout.validation.sim.TraceReplay#of}, the one {@code simulate} replays. Every replication replays
 * the same contacts (replications differ in who holds the update first and in the protocol's own
 * randomness).
 *
 * @param source   the trace path as given
 * @param contacts contacts, seconds since the window start
 * @param devices  devices in the trace
 * @param seconds  length of the observation window, seconds
 */
public record TraceContacts(String source, List<Contact> contacts, int devices, double seconds) implements ContactSupply {
    public TraceContacts {
        contacts = List.copyOf(contacts);
    }

    /** Reads {@code trace} (any format the pipeline knows) and detects its contacts. */
    public static TraceContacts read(Path trace, PipelineOptions options) {
        RatesRun run = new RatesPipeline(options).run(trace, ProgressListener.NONE);
        double seconds = run.summary().to() - run.summary().from();
        // the same timeline as simulate's replay of this trace (one place decides where release is)
        TraceReplay replay = TraceReplay.of(trace.toString(), run, 0, Double.POSITIVE_INFINITY);
        return new TraceContacts(trace.toString(), replay.contacts(), replay.devices(), seconds);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "trace %s: %d devices, %d contacts over %.0f s", source, devices,
                contacts.size(), seconds);
    }

    @Override
    public List<Contact> contacts(long seed, int replication) {
        return contacts;
    }
}
