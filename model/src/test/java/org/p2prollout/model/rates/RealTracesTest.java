package org.p2prollout.model.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.trace.CoordinateKind;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.Trace;
import org.p2prollout.model.trace.TraceReaders;
import org.p2prollout.model.trace.Track;
import org.p2prollout.core.ProgressListener;

/** The pipeline on the real traces of ../shared/data (skipped when absent). */
class RealTracesTest {
    @TempDir
    Path tmp;

    private static Path shared(String name) {
        String root = System.getProperty("rollout.sharedData");
        Path p = root == null ? null : Path.of(root, name);
        Assumptions.assumeTrue(p != null && Files.exists(p), "shared data " + name + " absent (system property rollout.sharedData)");
        return p;
    }

    private static RatesRun run(Path p) {
        return new RatesPipeline(PipelineOptions.DEFAULT).run(p, ProgressListener.NONE);
    }

    /** Writes a copy of every cab file with its lines reversed and/or CRLF endings. */
    private Path variant(Path cabs, String name, boolean reverse, boolean crlf) throws IOException {
        Path out = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> files = Files.list(cabs)) {
            for (Path f : files.toList()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(f));
                if (reverse) {
                    Collections.reverse(lines);
                }
                Files.writeString(out.resolve(f.getFileName()), String.join(crlf ? "\r\n" : "\n", lines) + (crlf ? "\r\n" : "\n"));
            }
        }
        return out;
    }

    @Test
    void cabContactsAreCanonicalWithoutSelfContactsAndStableUnderReversalAndCrlf() throws IOException {
        Path cabs = shared("cabspotting-2h");
        RatesRun base = run(cabs);
        List<Contact> contacts = base.contacts();
        assertTrue(contacts.size() > 1000, "contacts " + contacts.size());
        long[] perDevice = new long[base.summary().devices()];
        Contact previous = null;
        List<Contact> byPair = new ArrayList<>(contacts);
        byPair.sort((p, q) -> p.a() != q.a() ? Integer.compare(p.a(), q.a())
                : p.b() != q.b() ? Integer.compare(p.b(), q.b()) : Double.compare(p.start(), q.start()));
        for (Contact c : byPair) {
            assertTrue(c.a() < c.b(), "self or non-canonical contact " + c);
            perDevice[c.a()]++;
            perDevice[c.b()]++;
            if (previous != null && previous.a() == c.a() && previous.b() == c.b()) {
                // Maximal runs: consecutive contacts of a pair are separated by at least one step out of range.
                assertTrue(c.start() >= previous.end() + 2 * 30, previous + " then " + c);
            }
            previous = c;
        }
        // Symmetry: each contact counts once for each of its two devices.
        assertEquals(2L * contacts.size(), java.util.Arrays.stream(perDevice).sum());
        double[][] l = base.rates().classes().rates();
        for (int c = 0; c < l.length; c++) {
            for (int d = 0; d < l.length; d++) {
                assertEquals(l[c][d], l[d][c], 0);
            }
        }
        RatesRun reversed = run(variant(cabs, "reversed", true, false));
        RatesRun crlf = run(variant(cabs, "crlf", false, true));
        RatesRun both = run(variant(cabs, "reversed-crlf", true, true));
        for (RatesRun v : List.of(reversed, crlf, both)) {
            assertEquals(contacts, v.contacts());
            assertEquals(base.summary().fixes(), v.summary().fixes());
            assertEquals(base.summary().droppedFixes(), v.summary().droppedFixes());
            assertEquals(base.summary().meanRate(), v.summary().meanRate());
        }
    }

    @Test
    void oneDayCabSetHasTheDocumentedSize() {
        Path cabs = shared("cabspotting-day");
        RatesRun r = run(cabs);
        // ../shared/data/README.md: 490 cabs, 469,254 fixes.
        assertEquals(490, r.summary().devices());
        assertEquals(469_254, r.summary().fixes());
        assertTrue(r.summary().droppedFixes() < 0.01 * 469_254, "dropped " + r.summary().droppedFixes());
        assertEquals(490L * 489 / 2, r.summary().pairsObserved(), 490, "almost all pairs share some hours of a day");
        assertEquals(r.summary().meanRate(), r.rates().homogeneous().rate());
        double lambda = r.summary().meanRate();
        assertTrue(r.summary().meanRateLower() < lambda && lambda < r.summary().meanRateUpper());
    }

    @Test
    void sumoCartesianAndGeoExcerptsGiveTheSameDistances() {
        Path dir = shared("sumo-fcd");
        Trace cart = (Trace) TraceReaders.read(dir.resolve("fcd-cartesian-excerpt.xml"), ReadOptions.DEFAULT, ProgressListener.NONE);
        Trace geo = (Trace) TraceReaders.read(dir.resolve("fcd-geo-excerpt.xml"), ReadOptions.DEFAULT, ProgressListener.NONE);
        assertEquals(CoordinateKind.METRES, cart.coordinates());
        assertEquals(CoordinateKind.GEO, geo.coordinates());
        assertEquals(2, cart.devices());
        assertEquals(cart.fixes(), geo.fixes());
        // Vehicle 0's displacement between its fixes, metres, in both outputs (geo rounded to 1e-6 degrees, ~0.1 m).
        Track c0 = cart.tracks().get(0);
        Track g0 = geo.tracks().get(0);
        for (int i = 1; i < c0.size(); i++) {
            double dc = Math.hypot(c0.xs()[i] - c0.xs()[0], c0.ys()[i] - c0.ys()[0]);
            double dg = Math.hypot(g0.xs()[i] - g0.xs()[0], g0.ys()[i] - g0.ys()[0]);
            assertEquals(dc, dg, 0.01 * dc + 0.2, "fix " + i);
        }
    }
}
