package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.mobility.DistrictWeek;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.Track;

/** {@code rollout predict --trace}: the JSON contract and every bad input of issue 10 (exit 2, no output). */
class TracePredictTest {
    @TempDir
    Path dir;

    /** 24 devices, 3 days (Sunday 2026-01-04 to Tuesday 06) of the synthetic district fleet, ONE format. */
    private Path fleet() throws IOException {
        Trace t = DistrictWeek.generate(DistrictWeek.Parameters.DEFAULT.withDevices(24).withDays(3), 3);
        List<double[]> rows = new ArrayList<>();
        for (Track tr : t.tracks()) {
            for (int i = 0; i < tr.size(); i++) {
                rows.add(new double[] {tr.times()[i], tr.device(), tr.xs()[i], tr.ys()[i]});
            }
        }
        rows.sort(Comparator.comparingDouble(r -> r[0]));
        Path p = dir.resolve("fleet.one");
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write(String.format(Locale.ROOT, "%.0f %.0f 0 20000 0 3000%n", rows.get(0)[0], rows.get(rows.size() - 1)[0]));
            for (double[] r : rows) {
                w.write(String.format(Locale.ROOT, "%.0f d%d %.1f %.1f%n", r[0], (int) r[1], r[2], r[3]));
            }
        }
        return p;
    }

    /** Contacts among 6 devices on 2026-01-05 and 07 (epoch 1767571200 = Monday 00:00 UTC), none on the 6th. */
    private Path contactsWithAnEmptyDay() throws IOException {
        StringBuilder b = new StringBuilder("a,b,start,end\n");
        for (int day : new int[] {0, 2}) {
            long base = 1767571200L + day * 86_400L + 36_000;
            for (int k = 0; k < 60; k++) {
                int a = k % 6;
                int c = (k * 7 + 1) % 6;
                if (a != c) {
                    b.append(a).append(',').append(c).append(',').append(base + 500L * k).append(',')
                            .append(base + 500L * k + 60).append('\n');
                }
            }
        }
        return Files.writeString(dir.resolve("gap.csv"), b.toString());
    }

    @Test
    void jsonCarriesModelMethodAndRolloutTimesWithIntervalsAndTheHeldOutTruth() throws IOException {
        RolloutTest.Run r = RolloutTest.run("predict", "--trace", fleet().toString(), "--train", "2026-01-05",
                "--test", "2026-01-06", "--releases", "200", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("spatial", j.get("model").asText(), "positions: the spatial chain is the default");
        assertTrue(j.get("method").asText().contains("mean-field"), j.get("method").asText());
        for (String level : new String[] {"0.5", "0.9", "0.99"}) {
            JsonNode t = j.get("rolloutTimes").get(level);
            for (String k : new String[] {"mean", "median", "low", "high", "reached"}) {
                assertTrue(t.has(k), level + " lacks " + k);
            }
            double reached = t.get("reached").asDouble();
            assertTrue(reached >= 0 && reached <= 1, level + " reached " + reached);
            if (t.get("mean").isNumber()) {
                assertTrue(t.get("low").asDouble() <= t.get("mean").asDouble()
                        && t.get("mean").asDouble() <= t.get("high").asDouble(), t.toString());
            }
        }
        assertTrue(j.get("test").get("truth").get("0.5").get("mean").asDouble() > 0);
        assertTrue(j.get("adequacy").size() > 0);
    }

    private static void badInput(String expected, String... args) {
        RolloutTest.Run r = RolloutTest.run(args);
        assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
        assertEquals("", r.out(), "nothing written on bad input");
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void badWindowsAndModelsExitTwoWithTheReasonAndWriteNothing() throws IOException {
        String f = fleet().toString();
        badInput("lies outside the trace", "predict", "--trace", f, "--train", "2030-01-01");
        // the last shifts end on Wednesday by 1 pm at the latest: at most 13 h of these 36 h are in the trace
        badInput("the trace covers only", "predict", "--trace", f, "--train", "2026-01-05", "--test", "2026-01-07T00:00..2026-01-08T12:00");
        badInput("overlaps --train", "predict", "--trace", f, "--train", "2026-01-05", "--test", "2026-01-05T12:00..2026-01-05T18:00");
        badInput("ends before it starts", "predict", "--trace", f, "--train", "2026-01-05..2026-01-04");
        badInput("--model must be", "predict", "--trace", f, "--model", "psychic");
        String c = contactsWithAnEmptyDay().toString();
        badInput("holds no device", "predict", "--trace", c, "--train", "1767657600..1767744000");
        badInput("needs positions", "predict", "--trace", c, "--train", "1767571200..1767657600", "--model", "spatial");
    }
}
