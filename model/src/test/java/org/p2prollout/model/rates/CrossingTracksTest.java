package org.p2prollout.model.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.core.ProgressListener;

/**
 * Two devices crossing at known times, end to end from a ONE movement file: device "a" stands at
 * the origin; "b" moves along the x axis at 5 m/s, passing within 100 m of "a" three times, and
 * is off (no fixes) from 800 s to 1400 s. Fixes every 20 s; the grid step is 30 s.
 */
class CrossingTracksTest {
    @TempDir
    Path dir;

    private static double bx(double t) {
        if (t <= 400) {
            return 1000 - 5 * t;           // in range for t in [180, 220]
        }
        if (t <= 800) {
            return -1000 + 5 * (t - 400);  // in range for t in [580, 620]
        }
        return 1000 - 5 * (t - 1400);      // from 1400 on: in range for t in [1580, 1620]
    }

    private Path write() throws IOException {
        StringBuilder s = new StringBuilder("0 1800 -2000 2000 -2000 2000\n");
        for (int t = 0; t <= 1800; t += 20) {
            s.append(t).append(" a 0 0\n");
            if (t <= 800 || t >= 1400) {
                s.append(t).append(" b ").append(bx(t)).append(" 0\n");
            }
        }
        Path f = dir.resolve("crossing.txt");
        Files.writeString(f, s);
        return f;
    }

    @Test
    void contactsAreTheGridStepsInRange() throws IOException {
        RatesRun run = new RatesPipeline(PipelineOptions.DEFAULT.withRates(RateOptions.DEFAULT.withClasses(1)))
                .run(write(), ProgressListener.NONE);
        // Grid steps (multiples of 30 s) in range: {180, 210}, {600}, {1590, 1620}.
        assertEquals(List.of(new Contact(0, 1, 180, 210), new Contact(0, 1, 600, 600), new Contact(0, 1, 1590, 1620)),
                run.contacts());
        EncounterRates r = run.rates();
        // a is observed on [0, 1830]; b on [0, 810] (last sample 780) and [1410, 1830] (first sample 1410).
        double together = 810 + 420;
        assertEquals(together, r.pairObservedSeconds(), 1e-9);
        assertEquals(3 / together, r.homogeneous().rate(), 1e-15);
        // Only the gap 210 -> 600 was observed throughout; 600 -> 1590 spans b's absence.
        assertEquals(1, r.interContact().count());
        assertEquals(390, r.interContact().mean(), 1e-9);
        assertEquals((30 + 0 + 30) / 3.0, r.durations().mean(), 1e-12);
        RatesSummary s = run.summary();
        assertEquals(2, s.devices());
        assertEquals(91 + 41 + 21, s.fixes());
        assertEquals(0, s.droppedFixes());
        assertEquals("one-movement", s.format());
        assertEquals(1830, s.observedSeconds(), 1e-9);
    }

    @Test
    void aTimeWindowKeepsOnlyItsFixes() throws IOException {
        // Fixes in [500, 1800] only: the first crossing is outside; b is observed on [510, 810] and [1410, 1830].
        RatesRun run = new RatesPipeline(PipelineOptions.DEFAULT.withRates(RateOptions.DEFAULT.withClasses(1))
                .withRead(org.p2prollout.model.trace.ReadOptions.DEFAULT.withWindow(500, 1800)))
                .run(write(), ProgressListener.NONE);
        assertEquals(List.of(new Contact(0, 1, 600, 600), new Contact(0, 1, 1590, 1620)), run.contacts());
        // a: 500, 520, ..., 1800 (66 fixes); b: 500..800 (16) and 1400..1800 (21).
        assertEquals(66 + 16 + 21, run.summary().fixes());
        assertEquals(2 / (300 + 420.0), run.rates().homogeneous().rate(), 1e-15);
    }

    @Test
    void aLargerRangeLengthensEachContact() throws IOException {
        // r = 250 m: in range for |x| <= 250, i.e. t in [150, 250], [550, 650], [1550, 1650].
        RatesRun run = new RatesPipeline(PipelineOptions.DEFAULT.withRange(250).withRates(RateOptions.DEFAULT.withClasses(1)))
                .run(write(), ProgressListener.NONE);
        assertEquals(List.of(new Contact(0, 1, 150, 240), new Contact(0, 1, 570, 630), new Contact(0, 1, 1560, 1650)),
                run.contacts());
    }
}
