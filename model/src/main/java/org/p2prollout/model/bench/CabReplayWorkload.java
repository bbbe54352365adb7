package org.p2prollout.model.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.rates.RatesRun;
import org.p2prollout.model.trace.CabspottingReader;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.bench.Workload;

/**
 * The rates pipeline end to end (read, project, filter, resample, detect, estimate) on the one-day
 * cab set replayed {@code days} times, each copy shifted by one more day (untimed preparation
 * writes the replay to a temporary directory; 1 day reads the shared set directly). Cost should
 * grow linearly with the number of fixes.
 */
abstract class CabReplayWorkload implements Workload {
    private static final long DAY = 86_400;
    private final String name;
    private final int days;
    private Path input;
    private Path temporary;

    CabReplayWorkload(String name, int days) {
        this.name = name;
        this.days = days;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "rates pipeline end to end on cabspotting-day (490 cabs, 469,254 fixes)"
                + (days == 1 ? "; goal < 5 s on 2 cores" : " replayed " + days + " days (" + days + " x fixes); goal: linear in fixes");
    }

    @Override
    public void prepare() throws IOException {
        Path day = SharedData.locate("cabspotting-day");
        if (days == 1) {
            input = day;
            return;
        }
        temporary = Files.createTempDirectory("rollout-cab-replay-" + days + "d-");
        Runtime.getRuntime().addShutdownHook(new Thread(this::deleteTemporary));
        for (Path f : CabspottingReader.files(day)) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            try (BufferedWriter w = Files.newBufferedWriter(temporary.resolve(f.getFileName()), StandardCharsets.UTF_8)) {
                // Newest first, like the original: the latest copy first.
                for (int k = days - 1; k >= 0; k--) {
                    for (String line : lines) {
                        int sp = line.lastIndexOf(' ');
                        if (sp < 0) {
                            continue;
                        }
                        long t = Long.parseLong(line.substring(sp + 1).strip()) + k * DAY;
                        w.write(line, 0, sp + 1);
                        w.write(Long.toString(t));
                        w.write('\n');
                    }
                }
            }
        }
        input = temporary;
    }

    private void deleteTemporary() {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(temporary)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Object> run(ProgressListener progress) {
        RatesRun r = new RatesPipeline(PipelineOptions.DEFAULT).run(input, progress);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("days", days);
        facts.put("devices", r.summary().devices());
        facts.put("fixes", r.summary().fixes());
        facts.put("contacts", r.summary().contacts());
        facts.put("meanRate", r.summary().meanRate());
        Runtime rt = Runtime.getRuntime();
        facts.put("heapUsedMiB", (rt.totalMemory() - rt.freeMemory()) >> 20);
        facts.put("maxHeapMiB", rt.maxMemory() >> 20);
        return facts;
    }
}
