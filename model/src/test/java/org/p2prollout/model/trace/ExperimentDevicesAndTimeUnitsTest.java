package org.p2prollout.model.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.rates.RatesSummary;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/** Keeping only an experiment's own devices, and timestamps in other units than seconds. */
class ExperimentDevicesAndTimeUnitsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, content);
    }

    private static ContactTrace contacts(Path p, ReadOptions o) {
        return assertInstanceOf(ContactTrace.class, TraceReaders.read(p, o, ProgressListener.NONE));
    }

    private static RatesSummary summary(Path p, ReadOptions o) {
        return new RatesPipeline(PipelineOptions.DEFAULT.withRead(o)).run(p, ProgressListener.NONE).summary();
    }

    /**
     * Haggle-style sightings (observer first): iMotes 1, 2, 3 see each other (2 sees 1 too: the
     * same contact twice) and six external devices 100..105 that never record.
     */
    private Path haggle() throws IOException {
        return write("imotes.dat", """
                1 2 0 100 1 0
                2 1 10 90 1 0
                1 3 200 300 1 0
                3 2 400 450 1 0
                1 100 0 50 1 0
                2 101 60 70 1 0
                3 102 80 90 1 0
                1 103 100 110 1 0
                2 104 120 130 1 0
                3 105 500 600 1 0
                1 100 700 800 1 0
                """);
    }

    private static final ReadOptions WINDOW = ReadOptions.DEFAULT.withWindow(0, 800);

    @Test
    void seenOnlyDevicesDominatingGiveAWarningWithoutAFilter() throws IOException {
        ContactTrace t = contacts(haggle(), ReadOptions.DEFAULT);
        assertEquals(9, t.devices());
        assertEquals(10, t.contacts().size());   // 1-2 merged; 1-100 twice
        assertEquals(1, t.warnings().size(), t.warnings().toString());
        String w = t.warnings().get(0);
        // 6 of 9 devices (67 %) never record; they are in 7 of the 10 contacts (70 %)
        assertTrue(w.startsWith("6 of the 9 devices (67 %) never record a contact themselves"), w);
        assertTrue(w.contains("take part in 7 of the 10 contacts (70 %)"), w);
        assertTrue(w.contains("'experimentOnly' to keep the 3 recording devices") && w.contains("'devices' FILE|A..B"), w);
        assertNull(t.deviceFilter());
        assertEquals(0, t.devicesDropped());
        RatesSummary s = summary(haggle(), ReadOptions.DEFAULT);
        assertEquals(t.warnings(), s.warnings());
    }

    @Test
    void experimentOnlyKeepsTheRecordingDevices() throws IOException {
        ContactTrace t = contacts(haggle(), WINDOW.withDevices(DeviceFilter.experimentOnly()));
        assertEquals(List.of("1", "2", "3"), t.deviceNames());
        assertEquals(List.of(new Contact(0, 1, 0, 100), new Contact(0, 2, 200, 300), new Contact(1, 2, 400, 450)),
                t.contacts());
        assertEquals(6, t.devicesDropped());
        assertEquals(7, t.contactsDropped());
        assertEquals("experiment devices only", t.deviceFilter());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
        // rates: 3 contacts over 3 pairs × 800 s, as if the external devices had never been logged
        RatesSummary s = summary(haggle(), WINDOW.withDevices(DeviceFilter.experimentOnly()));
        assertEquals(3, s.devices());
        assertEquals(3 / (3 * 800.0), s.meanRate(), 1e-18);
        assertEquals(6, s.devicesDropped());
        assertEquals(7, s.contactsDropped());
        Path only = write("only.dat", "1 2 0 100\n1 3 200 300\n3 2 400 450\n");
        RatesSummary ref = summary(only, WINDOW);
        assertEquals(ref.meanRate(), s.meanRate(), 0.0);
        assertArrayEquals(ref.classSizes(), s.classSizes());
        // without the filter the fleet is 9 devices: 10 contacts over 36 pairs
        assertEquals(10 / (36 * 800.0), summary(haggle(), WINDOW).meanRate(), 1e-18);
    }

    @Test
    void explicitListAndRangeKeepTheNamedDevices() throws IOException {
        Path list = write("imotes.txt", "1\n  2  \n# the third iMote\n\n3\n");
        ContactTrace byList = contacts(haggle(), WINDOW.withDevices(DeviceFilter.parse(list.toString())));
        ContactTrace byRange = contacts(haggle(), WINDOW.withDevices(DeviceFilter.parse("1..3")));
        ContactTrace byRule = contacts(haggle(), WINDOW.withDevices(DeviceFilter.experimentOnly()));
        assertEquals(byRule.contacts(), byList.contacts());
        assertEquals(byRule.contacts(), byRange.contacts());
        assertEquals(List.of("1", "2", "3"), byRange.deviceNames());
        assertEquals("devices 1..3", byRange.deviceFilter());
        assertTrue(byList.deviceFilter().contains("3 names"), byList.deviceFilter());
        ContactTrace two = contacts(haggle(), WINDOW.withDevices(DeviceFilter.parse("1..2")));
        assertEquals(List.of(new Contact(0, 1, 0, 100)), two.contacts());
        assertEquals(7, two.devicesDropped());
        assertEquals(9, two.contactsDropped());
        // a listed device with no contact is reported, not invented
        Path withAbsent = write("more.txt", "1\n2\n3\n07\n");
        ContactTrace absent = contacts(haggle(), WINDOW.withDevices(DeviceFilter.parse(withAbsent.toString())));
        assertEquals(3, absent.devices());
        assertEquals(1, absent.warnings().size());
        assertTrue(absent.warnings().get(0).startsWith("1 of the 4 devices listed in 'devices'"), absent.warnings().get(0));
        // a filter keeping fewer than two devices
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> contacts(haggle(), WINDOW.withDevices(DeviceFilter.parse("3..50"))));
        assertTrue(e.getMessage().contains("devices 3..50 keeps 1 of the 9 devices; encounters need at least two"),
                e.getMessage());
        assertThrows(InvalidInputException.class, () -> DeviceFilter.parse("5..1"));
        e = assertThrows(InvalidInputException.class, () -> DeviceFilter.parse(dir.resolve("nope.txt").toString()));
        assertTrue(e.getMessage().contains("a file of device names (one per line) or a range A..B"), e.getMessage());
        Path empty = write("empty.txt", "# nobody\n\n");
        assertThrows(InvalidInputException.class, () -> DeviceFilter.parse(empty.toString()));
    }

    @Test
    void warningThresholdsOnDevicesAndOnContacts() throws IOException {
        // devices dominate (5 of 9 = 56 %), contacts do not (5 of 11 = 45 %)
        Path devices = write("d.dat", "1 2 0 1\n2 3 2 3\n3 4 4 5\n4 1 6 7\n1 3 8 9\n2 4 10 11\n"
                + "1 10 0 1\n2 11 0 1\n3 12 0 1\n4 13 0 1\n1 14 0 1\n");
        ContactTrace d = contacts(devices, ReadOptions.DEFAULT);
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).startsWith("5 of the 9 devices (56 %)")
                && d.warnings().get(0).contains("5 of the 11 contacts (45 %)"), d.warnings().get(0));
        // contacts dominate (6 of 9 = 67 %), devices do not (2 of 5 = 40 %)
        Path contactsHeavy = write("c.dat", "1 2 0 1\n2 3 2 3\n3 1 4 5\n"
                + "1 10 0 1\n1 10 5 6\n2 10 8 9\n3 11 0 1\n3 11 3 4\n2 11 7 8\n");
        ContactTrace c = contacts(contactsHeavy, ReadOptions.DEFAULT);
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).startsWith("2 of the 5 devices (40 %)")
                && c.warnings().get(0).contains("6 of the 9 contacts (67 %)"), c.warnings().get(0));
        // exactly half of both: no warning (the rule is "more than half")
        Path half = write("h.dat", "1 2 0 10\n2 1 20 30\n1 10 0 1\n2 11 0 1\n");
        ContactTrace h = contacts(half, ReadOptions.DEFAULT);
        assertEquals(4, h.contacts().size());
        assertTrue(h.warnings().isEmpty(), h.warnings().toString());
        // a filter given: no warning
        assertTrue(contacts(haggle(), ReadOptions.DEFAULT.withDevices(DeviceFilter.parse("1..200"))).warnings().isEmpty());
    }

    @Test
    void undirectedListsCarryNoObserver() throws IOException {
        // a star around device 1 written undirected (a before b everywhere): no warning, and the rule is refused
        Path star = write("star.csv", "a,b,start,end\n1,2,0,1\n1,3,2,3\n1,4,4,5\n1,5,6,7\n");
        ContactTrace t = contacts(star, ReadOptions.DEFAULT);
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> contacts(star, ReadOptions.DEFAULT.withDevices(DeviceFilter.experimentOnly())));
        assertTrue(e.getMessage().contains("every record has its first device before its second")
                && e.getMessage().contains("'devices'"), e.getMessage());
        Path one = write("conn.txt", "0 CONN 1 2 up\n10 CONN 1 2 down\n20 CONN 3 1 up\n30 CONN 3 1 down\n");
        e = assertThrows(InvalidInputException.class,
                () -> contacts(one, ReadOptions.DEFAULT.withDevices(DeviceFilter.experimentOnly())));
        assertTrue(e.getMessage().contains("one-connections events are undirected"), e.getMessage());
        assertTrue(contacts(one, ReadOptions.DEFAULT).warnings().isEmpty());
        // a list filter works on undirected lists
        ContactTrace listed = contacts(one, ReadOptions.DEFAULT.withDevices(new DeviceFilter.Listed(java.util.Set.of("1", "3"), "test")));
        assertEquals(List.of("1", "3"), listed.deviceNames());
        assertEquals(List.of(new Contact(0, 1, 20, 30)), listed.contacts());
        // positions: a device filter is refused
        Path cab = write("cabs/new_a.txt", "37.7750 -122.4190 0 1200\n");
        e = assertThrows(InvalidInputException.class, () -> TraceReaders.read(cab,
                ReadOptions.DEFAULT.withDevices(DeviceFilter.experimentOnly()), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("applies to contact lists"), e.getMessage());
    }

    // ---- time units --------------------------------------------------------------------------

    private static final String SECONDS_CSV = "a,b,start,end\n1,2,1211958000,1211958060\n1,3,1211958100.5,1211958200\n"
            + "2,3,1211960000,1211960030\n1,2,1211961000,1211961000.25\n";

    private static String scaled(String csv, long factor) {
        StringBuilder b = new StringBuilder();
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (f[0].equals("a")) {
                b.append(line).append('\n');
                continue;
            }
            b.append(f[0]).append(',').append(f[1]);
            for (int i = 2; i < 4; i++) {
                b.append(',').append(new java.math.BigDecimal(f[i]).multiply(java.math.BigDecimal.valueOf(factor))
                        .stripTrailingZeros().toPlainString());
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void millisecondsAreRefusedWithoutATimeUnit() throws IOException {
        Path ms = write("ms.csv", scaled(SECONDS_CSV, 1000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> contacts(ms, ReadOptions.DEFAULT));
        assertEquals(ms + ":5: timestamps look like milliseconds (e.g. 1211961000250); give 'timeUnit' ms"
                + " (or 'timeUnit' s to read them as seconds)", e.getMessage());
        Path us = write("us.csv", scaled(SECONDS_CSV, 1_000_000));
        e = assertThrows(InvalidInputException.class, () -> contacts(us, ReadOptions.DEFAULT));
        assertEquals(us + ":5: timestamps look like microseconds (e.g. 1211961000250000); give 'timeUnit' us"
                + " (or 'timeUnit' s to read them as seconds)", e.getMessage());
        // relative milliseconds over 2.3 days: the span gives them away
        Path rel = write("rel.dat", "1 2 0 60000\n2 1 100000000 100060000\n1 2 200000000 200000500\n");
        e = assertThrows(InvalidInputException.class, () -> contacts(rel, ReadOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith(rel + ":3: timestamps look like milliseconds (e.g. 200000500; read as seconds"
                + " the times would span 6.3 years, from 0 at " + rel + ":1); give 'timeUnit' ms"), e.getMessage());
        // seconds-looking traces pass: unix seconds, and relative times up to 3 years
        assertEquals(4, contacts(write("s.csv", SECONDS_CSV), ReadOptions.DEFAULT).contacts().size());
        assertEquals(2, contacts(write("long.dat", "1 2 0 10\n1 2 99999990 100000000\n"), ReadOptions.DEFAULT)
                .contacts().size());
    }

    @Test
    void convertedMillisecondsGiveTheSameContactsAndRatesAsSeconds() throws IOException {
        Path s = write("s.csv", SECONDS_CSV);
        Path ms = write("ms.csv", scaled(SECONDS_CSV, 1000));
        Path us = write("us.csv", scaled(SECONDS_CSV, 1_000_000));
        ContactTrace cs = contacts(s, ReadOptions.DEFAULT);
        ContactTrace cms = contacts(ms, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MILLISECONDS));
        ContactTrace cus = contacts(us, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MICROSECONDS));
        assertEquals(cs.contacts(), cms.contacts());
        assertEquals(cs.contacts(), cus.contacts());
        assertEquals(1211961000.25, cms.contacts().get(3).end(), 0.0);
        assertEquals(cs.from(), cms.from(), 0.0);
        assertEquals(cs.to(), cms.to(), 0.0);
        assertEquals(TraceTimeUnit.MILLISECONDS, cms.timeUnit());
        RatesSummary rs = summary(s, ReadOptions.DEFAULT);
        RatesSummary rms = summary(ms, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MILLISECONDS));
        assertEquals(rs.meanRate(), rms.meanRate(), 0.0);
        assertEquals(rs.meanContactDuration(), rms.meanContactDuration(), 0.0);
        assertEquals(rs.observedSeconds(), rms.observedSeconds(), 0.0);
        assertEquals("ms", rms.timeUnit());
        assertEquals("s", rs.timeUnit());
        // --from/--to are seconds, compared after conversion
        ReadOptions window = ReadOptions.DEFAULT.withWindow(1211958050, 1211960010);
        assertEquals(contacts(s, window).contacts(), contacts(ms, window.withTimeUnit(TraceTimeUnit.MILLISECONDS)).contacts());
        assertEquals(3, contacts(s, window).contacts().size());
    }

    @Test
    void timeUnitSecondsForcesSeconds() throws IOException {
        Path ms = write("ms.csv", scaled(SECONDS_CSV, 1000));
        ContactTrace t = contacts(ms, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.SECONDS));
        assertEquals(1211958000000.0, t.contacts().get(0).start(), 0.0);
        assertEquals(4, t.contacts().size());
        assertEquals(TraceTimeUnit.SECONDS, TraceTimeUnit.fromCliName("s"));
        assertEquals(TraceTimeUnit.MICROSECONDS, TraceTimeUnit.fromCliName("US"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TraceTimeUnit.fromCliName("min"));
        assertEquals("timeUnit must be one of s, ms, us, got 'min'", e.getMessage());
    }

    @Test
    void everyReaderOfTimesDetectsAndConvertsMilliseconds() throws IOException {
        // cabspotting
        write("cab-s/new_x.txt", "37.7750 -122.4190 0 1211958060\n37.7740 -122.4190 1 1211958000\n");
        write("cab-s/new_y.txt", "37.7750 -122.4180 0 1211958060\n");
        write("cab-ms/new_x.txt", "37.7750 -122.4190 0 1211958060000\n37.7740 -122.4190 1 1211958000000\n");
        write("cab-ms/new_y.txt", "37.7750 -122.4180 0 1211958060000\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TraceReaders.read(dir.resolve("cab-ms"), ReadOptions.DEFAULT, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(dir.resolve("cab-ms/new_x.txt") + ":1: timestamps look like milliseconds"
                + " (e.g. 1211958060000)"), e.getMessage());
        Trace cs = (Trace) TraceReaders.read(dir.resolve("cab-s"), ReadOptions.DEFAULT, ProgressListener.NONE);
        Trace cms = (Trace) TraceReaders.read(dir.resolve("cab-ms"),
                ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MILLISECONDS), ProgressListener.NONE);
        assertArrayEquals(cs.tracks().get(0).times(), cms.tracks().get(0).times(), 0.0);
        assertArrayEquals(cs.tracks().get(0).xs(), cms.tracks().get(0).xs(), 0.0);
        // ONE movement
        Path one = write("one.txt", "0 1000 0 100 0 100\n0 a 1 1\n5000 a 2 2\n0 b 3 3\n1e11 b 4 4\n");
        e = assertThrows(InvalidInputException.class, () -> TraceReaders.read(one, ReadOptions.DEFAULT, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(one + ":5: timestamps look like milliseconds (e.g. 100000000000)"), e.getMessage());
        Trace ot = (Trace) TraceReaders.read(one, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MILLISECONDS),
                ProgressListener.NONE);
        assertArrayEquals(new double[] {0, 5}, ot.tracks().get(0).times(), 0.0);
        assertArrayEquals(new double[] {0, 1e8}, ot.tracks().get(1).times(), 0.0);
        // SUMO FCD
        Path fcd = write("fcd.xml", "<fcd-export>\n<timestep time=\"0\">\n<vehicle id=\"v\" x=\"0\" y=\"0\"/>\n"
                + "<vehicle id=\"w\" x=\"5\" y=\"0\"/>\n</timestep>\n<timestep time=\"3600000000000\">\n"
                + "<vehicle id=\"v\" x=\"1\" y=\"0\"/>\n</timestep>\n</fcd-export>\n");
        e = assertThrows(InvalidInputException.class, () -> TraceReaders.read(fcd, ReadOptions.DEFAULT, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(fcd + ":6: timestamps look like milliseconds (e.g. 3600000000000)"),
                e.getMessage());
        Trace ft = (Trace) TraceReaders.read(fcd, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MILLISECONDS),
                ProgressListener.NONE);
        assertArrayEquals(new double[] {0, 3.6e9}, ft.tracks().get(0).times(), 0.0);
        // ONE connection events
        Path conn = write("conn.txt", "1211958000000 CONN 1 2 up\n1211958060000 CONN 1 2 down\n");
        e = assertThrows(InvalidInputException.class, () -> contacts(conn, ReadOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith(conn + ":2: timestamps look like milliseconds (e.g. 1211958060000)"),
                e.getMessage());
        ContactTrace ct = contacts(conn, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.MILLISECONDS));
        assertEquals(List.of(new Contact(0, 1, 1211958000, 1211958060)), ct.contacts());
    }
}
