package org.p2prollout.model.mobility.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.model.mobility.MobilityContacts;
import org.p2prollout.model.mobility.MobilityModel;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/** A synthetic mobility model sampled every {@code step} seconds through contact detection. */
abstract class MobilityWorkload implements Workload {
    private final double range;
    private final double step;
    private final double duration;

    MobilityWorkload(double range, double step, double duration) {
        this.range = range;
        this.step = step;
        this.duration = duration;
    }

    /** A fresh model (its construction is part of the timed work). */
    abstract MobilityModel model();

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        // CPU seconds of this thread besides wall time: the machine is shared, so wall time
        // includes waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        MobilityModel model = model();
        ContactCounter counter = new ContactCounter();
        double last = MobilityContacts.run(model, range, step, duration, counter, progress);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("devices", model.devices());
        facts.put("steps", (long) Math.floor(duration / step) + 1);
        facts.put("stepSeconds", step);
        facts.put("rangeMetres", range);
        facts.put("lastSampleSeconds", last);
        facts.put("contacts", counter.ended);
        facts.put("meanContactSeconds", counter.ended == 0 ? 0 : counter.totalDuration() / counter.ended);
        facts.put("threadCpuSeconds", cpuSeconds);
        facts.put("heapUsedMiB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        return facts;
    }
}
