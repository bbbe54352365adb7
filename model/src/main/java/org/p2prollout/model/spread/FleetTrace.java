package org.p2prollout.model.spread;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.contact.ContactTracker;
import org.p2prollout.model.rates.ContactRecorder;
import org.p2prollout.model.rates.IntervalSet;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.resample.PositionSamples;
import org.p2prollout.model.resample.Resampler;
import org.p2prollout.model.resample.Resampling;
import org.p2prollout.model.resample.StepListener;
import org.p2prollout.model.trace.ContactTrace;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.TraceData;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.TraceReaders;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * A fleet's trace, ready for forecasting: its temporal contact network (contacts and presence),
 * its resampled positions when the trace has positions ({@code null} for contact lists), the
 * pipeline options that produced them, and the time zone in which hours of day and calendar days
 * are read.
 *
 * @param source    the path read
 * @param format    the format read
 * @param network   contacts and presence
 * @param positions resampled positions, or {@code null} for a contact-only trace
 * @param options   range, grid step and gap limit used
 * @param zone      time zone of the fleet (hours of day, days)
 */
public record FleetTrace(String source, TraceFormat format, TemporalContacts network, PositionSamples positions,
                         PipelineOptions options, ZoneId zone) {

    /** Default gap that ends a device's presence in a contact-only trace: 2 h. */
    public static final double CONTACT_SESSION_GAP = 7200;

    /**
     * Recording outages ({from, to} seconds): stretches where almost no device reported
     * ({@link org.p2prollout.model.resample.Outages}); none are known for contact lists.
     */
    public List<double[]> outages() {
        return positions == null ? List.of() : org.p2prollout.model.resample.Outages.detect(positions);
    }

    /** True when the trace has positions (a spatial model can be fitted). */
    public boolean hasPositions() {
        return positions != null;
    }

    /**
     * Reads a trace (any format of {@link TraceReaders}). Positions are resampled on the grid Δ and
     * contacts detected at range r, as for {@code rollout rates}; presence is when a device had a
     * resampled position. For contact lists, presence is derived from the contacts themselves
     * (see {@link #contactPresence}).
     *
     * @param zone the fleet's time zone, or {@code null} for the format's default
     *             ({@link #defaultZone})
     */
    public static FleetTrace load(Path path, PipelineOptions options, ZoneId zone, ProgressListener progress) {
        TraceData data = TraceReaders.read(path, options.read(), progress);
        ZoneId z = zone != null ? zone : defaultZone(data.format());
        if (data.devices() < 2) {
            throw new InvalidInputException(path + ": a forecast needs at least 2 devices, the trace has " + data.devices());
        }
        if (data instanceof Trace t) {
            return fromTrace(path.toString(), t, options, z, progress);
        }
        ContactTrace c = (ContactTrace) data;
        List<IntervalSet> presence = contactPresence(c.devices(), c.contacts(), c.from(), c.to(), CONTACT_SESSION_GAP);
        TemporalContacts net = TemporalContacts.of(c.deviceNames(), c.contacts(), presence, c.from(), c.to());
        return new FleetTrace(path.toString(), c.format(), net, null, options, z);
    }

    /** Resamples positions once, detecting contacts and recording positions in the same sweep. */
    public static FleetTrace fromTrace(String source, Trace trace, PipelineOptions options, ZoneId zone,
                                       ProgressListener progress) {
        ContactRecorder log = new ContactRecorder();
        ContactTracker tracker = new ContactTracker(trace.devices(), options.range(), log);
        PositionSamples.Builder positions = new PositionSamples.Builder(options.step(), trace.devices());
        StepListener both = (time, ids, x, y, count) -> {
            tracker.step(time, ids, x, y, count);
            positions.step(time, ids, x, y, count);
        };
        Resampling sweep = new Resampler(options.step(), options.maxGap()).sweep(trace, both, progress);
        tracker.finish();
        List<Contact> contacts = log.contacts();
        TemporalContacts net = TemporalContacts.of(trace.deviceNames(), contacts, sweep.observed(), sweep.firstTime(),
                sweep.lastTime() + options.step());
        return new FleetTrace(source, trace.format(), net, positions.build(), options, zone);
    }

    /**
     * The zone a format's traces are recorded in when the user gives none: the San Francisco cab
     * traces are Pacific time; everything else is read in UTC (say {@code --time-zone} otherwise).
     */
    public static ZoneId defaultZone(TraceFormat format) {
        return format == TraceFormat.CABSPOTTING ? ZoneId.of("America/Los_Angeles") : ZoneId.of("UTC");
    }

    /**
     * Presence of devices in a contact-only trace: a device is present from its first contact to
     * its last within each session, sessions being separated by more than {@code gap} seconds
     * without a contact of that device. (A device seen once is present for an instant.) This is
     * an estimate: a contact list says when devices met, not when they were switched on.
     */
    public static List<IntervalSet> contactPresence(int devices, List<Contact> contacts, double from, double to,
                                                    double gap) {
        Checks.nonNegative("session gap (s)", gap);
        List<List<double[]>> byDevice = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            byDevice.add(new ArrayList<>());
        }
        for (Contact c : contacts) {
            byDevice.get(c.a()).add(new double[] {c.start(), c.end()});
            byDevice.get(c.b()).add(new double[] {c.start(), c.end()});
        }
        List<IntervalSet> out = new ArrayList<>(devices);
        for (List<double[]> l : byDevice) {
            l.sort((p, q) -> Double.compare(p[0], q[0]));
            IntervalSet.Builder b = new IntervalSet.Builder();
            double s = Double.NaN;
            double e = Double.NaN;
            for (double[] iv : l) {
                if (Double.isNaN(s)) {
                    s = iv[0];
                    e = iv[1];
                } else if (iv[0] - e > gap) {
                    b.add(s, e);
                    s = iv[0];
                    e = iv[1];
                } else {
                    e = Math.max(e, iv[1]);
                }
            }
            if (!Double.isNaN(s)) {
                b.add(s, e);
            }
            out.add(b.build());
        }
        return out;
    }
}
