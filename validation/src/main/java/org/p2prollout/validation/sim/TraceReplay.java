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
 * so that the first contact starts at 0 (the release) and cut at {@code mobility.durationSeconds}.
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
        int devices = run.deviceNames().size();
        if (m.traceMaxDevices() > 0) {
            devices = Math.min(devices, m.traceMaxDevices());
        }
        double origin = run.contacts().stream().mapToDouble(Contact::start).min().orElse(0);
        List<Contact> kept = new ArrayList<>();
        for (Contact c : run.contacts()) {
            if (c.b() < devices && c.start() - origin <= m.durationSeconds()) {
                kept.add(new Contact(c.a(), c.b(), c.start() - origin, c.end() - origin));
            }
        }
        if (devices < 1) {
            throw new InvalidInputException("mobility.trace " + path + " holds no devices");
        }
        return new TraceReplay(path.toString(), devices, kept);
    }
}
