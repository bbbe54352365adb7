package org.p2prollout.validation.sim;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.rates.RatesRun;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.TraceData;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.TraceReaders;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The contacts of a recorded trace, found by the rates pipeline's readers and detector (the same
 * resampling on the grid {@code mobility.stepSeconds}, range {@code radio.rangeMeters}), shifted
 * so that the release (time 0) is the start of the trace's observation window, and cut at
 * {@code mobility.durationSeconds}. The one timeline of a trace: {@code simulate} and {@code sweep}
 * (through {@link #load}) and {@code validate} (through {@link #of}, by the suite's
 * {@code TraceContacts}) replay the same contacts at the same times.
 *
 * @param source   the trace path
 * @param devices  devices in the replay (the trace's, or the first {@code traceMaxDevices})
 * @param contacts contacts in seconds since release
 */
public record TraceReplay(String source, int devices, List<Contact> contacts) implements Serializable {

    public TraceReplay {
        contacts = List.copyOf(contacts);
    }

    /** Reads the scenario's trace ({@code mobility.trace}, format {@code mobility.traceFormat}). */
    public static TraceReplay load(Scenario sc, ProgressListener progress) {
        Scenario.Mobility m = sc.mobility();
        Path path = Path.of(m.trace());
        if (!Files.exists(path)) {
            throw new InvalidInputException("mobility.trace: no such file or folder: " + path);
        }
        TraceFormat format = m.traceFormat().equals("auto") ? null : TraceFormat.fromCliName(m.traceFormat());
        PipelineOptions options = PipelineOptions.DEFAULT.withRange(sc.radio().rangeMeters()).withStep(m.stepSeconds())
                .withRead(ReadOptions.DEFAULT.withFormat(format));
        TraceData data = TraceReaders.read(path, options.read(), progress);
        if (data.devices() < 2) {
            throw new InvalidInputException("mobility.trace " + path + " must hold at least 2 devices, got " + data.devices());
        }
        // the pipeline also estimates rates; its class count must not exceed the devices
        options = options.withRates(options.rates().withClasses(Math.min(options.rates().classes(), data.devices())));
        RatesRun run = new RatesPipeline(options).run(data, progress);
        return of(path.toString(), run, m.traceMaxDevices(), m.durationSeconds());
    }

    /**
     * The replay of a rates run: contacts shifted by the start of its observation window
     * ({@code run.summary().from()}), those among the first {@code maxDevices} devices (0: all) that
     * start within {@code durationSeconds} of it.
     */
    public static TraceReplay of(String source, RatesRun run, int maxDevices, double durationSeconds) {
        int devices = run.deviceNames().size();
        if (maxDevices > 0) {
            devices = Math.min(devices, maxDevices);
        }
        if (devices < 1) {
            throw new InvalidInputException("mobility.trace " + source + " holds no devices");
        }
        double origin = run.summary().from();
        List<Contact> kept = new ArrayList<>();
        for (Contact c : run.contacts()) {
            if (c.b() < devices && c.start() - origin <= durationSeconds) {
                kept.add(new Contact(c.a(), c.b(), c.start() - origin, c.end() - origin));
            }
        }
        return new TraceReplay(source, devices, kept);
    }
}
