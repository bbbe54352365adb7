package org.p2prollout.model.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.contact.Contact;
import org.p2prollout.model.geo.Haversine;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

class TraceReadersTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    private Path writeGz(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    private static TraceData read(Path p, ReadOptions o) {
        return TraceReaders.read(p, o, ProgressListener.NONE);
    }

    private static TraceData read(Path p) {
        return read(p, ReadOptions.DEFAULT);
    }

    @Test
    void cabspottingNewestFirstCrlfAndGzipReadAlike() throws IOException {
        // Cab "x" newest first with CRLF endings; cab "y" oldest first, gzip.
        write("cabs/new_x.txt", "37.7750 -122.4190 0 1200\r\n37.7740 -122.4190 1 1100\r\n37.7730 -122.4190 0 1000\r\n");
        writeGz("cabs/new_y.txt.gz", "37.7730 -122.4180 0 1000\n37.7740 -122.4180 0 1100\n");
        write("cabs/README", "not a cab");
        Trace t = assertInstanceOf(Trace.class, read(dir.resolve("cabs")));
        assertEquals(TraceFormat.CABSPOTTING, t.format());
        assertTrue(t.detected());
        assertEquals(List.of("x", "y"), t.deviceNames());
        assertEquals(5, t.counts().read());
        Track x = t.tracks().get(0);
        assertEquals(List.of(1000.0, 1100.0, 1200.0), List.of(x.times()[0], x.times()[1], x.times()[2]));
        // Projected distance between the two cabs at time 1000 against haversine (0.001 deg lon apart).
        Track y = t.tracks().get(1);
        double projected = Math.hypot(x.xs()[0] - y.xs()[0], x.ys()[0] - y.ys()[0]);
        assertEquals(Haversine.distance(37.7730, -122.4190, 37.7730, -122.4180), projected, 0.01);
        // Northward: 0.001 degree of latitude per 100 s.
        assertEquals(Haversine.distance(37.7730, 0, 37.7740, 0), x.ys()[1] - x.ys()[0], 1e-6);
    }

    @Test
    void malformedLineStopsWithFileLineAndExpectation() throws IOException {
        write("cabs/new_x.txt", "37.7750 -122.4190 0 1200\n37.7740 -122.4190 1\n");
        write("cabs/new_y.txt", "37.7750 -122.4190 0 1200\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(dir.resolve("cabs")));
        assertTrue(e.getMessage().contains("new_x.txt:2: expected 4 fields 'latitude longitude occupied unix_time', got 3"),
                e.getMessage());
    }

    @Test
    void lenientSkipsAndCountsMalformedLines() throws IOException {
        write("cabs/new_x.txt", "37.7750 -122.4190 0 1200\n37.7740 -122.4190 1\nabc -122.4 0 1000\n37.7 -122.4 7 900\n");
        write("cabs/new_y.txt", "37.7750 -122.4190 0 1200\n");
        Trace t = (Trace) read(dir.resolve("cabs"), ReadOptions.DEFAULT.withLenient(true));
        assertEquals(3, t.counts().malformedLines());
        assertEquals(2, t.counts().read());
    }

    @Test
    void emptyAndOneDeviceTracesAreErrorsSayingSo() throws IOException {
        write("one/new_x.txt", "37.7750 -122.4190 0 1200\n37.7740 -122.4190 1 1100\n");
        InvalidInputException one = assertThrows(InvalidInputException.class, () -> read(dir.resolve("one")));
        assertTrue(one.getMessage().contains("1 device ('x')") && one.getMessage().contains("at least two"), one.getMessage());
        write("empty/new_x.txt", "\n");
        write("empty/new_y.txt", "");
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> read(dir.resolve("empty")));
        assertTrue(empty.getMessage().contains("no fixes"), empty.getMessage());
        Path blank = write("blank.csv", "\n\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> read(blank)).getMessage().contains("empty"));
    }

    @Test
    void glitchesFarAwayOrTooFastAreDroppedAndCounted() throws IOException {
        // x: a fix 500 km away (region), then a jump of 0.1 deg (~11 km) in 120 s (speed, ~93 m/s),
        // then two fixes at one time (duplicate).
        write("cabs/new_x.txt", String.join("\n",
                "37.7700 -122.4190 0 1000", "37.7705 -122.4190 0 1060", "42.2000 -122.4190 0 1120",
                "37.8705 -122.4190 0 1180", "37.7715 -122.4190 0 1240", "37.7720 -122.4190 0 1240", ""));
        write("cabs/new_y.txt", "37.7700 -122.4180 0 1000\n37.7700 -122.4180 0 1060\n");
        Trace t = (Trace) read(dir.resolve("cabs"));
        assertEquals(8, t.counts().read());
        assertEquals(1, t.counts().droppedRegion());
        assertEquals(1, t.counts().droppedSpeed());
        assertEquals(1, t.counts().droppedDuplicate());
        assertEquals(5, t.fixes());
        assertEquals(List.of(1000.0, 1060.0, 1240.0), List.of(t.tracks().get(0).times()[0], t.tracks().get(0).times()[1],
                t.tracks().get(0).times()[2]));
    }

    @Test
    void aGlitchAtTheStartOfATrackIsDroppedNotTheRest() throws IOException {
        write("cabs/new_x.txt", "37.8200 -122.4190 0 1000\n37.7700 -122.4190 0 1060\n37.7705 -122.4190 0 1120\n37.7710 -122.4190 0 1180\n");
        write("cabs/new_y.txt", "37.7700 -122.4180 0 1000\n");
        Trace t = (Trace) read(dir.resolve("cabs"));
        assertEquals(1, t.counts().droppedSpeed());
        assertEquals(1060.0, t.tracks().get(0).firstTime());
    }

    @Test
    void sumoCartesianAndGeoAreDetected() throws IOException {
        String cart = "<?xml version=\"1.0\"?>\n<fcd-export>\n<timestep time=\"0.00\">\n"
                + "<vehicle id=\"v1\" x=\"10\" y=\"20\" speed=\"1\"/>\n<vehicle id=\"v2\" x=\"40\" y=\"60\"/>\n</timestep>\n"
                + "<timestep time=\"1.00\">\n<person id=\"p\" x=\"12\" y=\"20\"/>\n<vehicle id=\"v1\" x=\"11\" y=\"20\"/>\n</timestep>\n</fcd-export>\n";
        Trace c = (Trace) read(write("cart.xml", cart));
        assertEquals(TraceFormat.SUMO_FCD, c.format());
        assertEquals(CoordinateKind.METRES, c.coordinates());
        assertEquals(List.of("p", "v1", "v2"), c.deviceNames());
        assertEquals(11.0, c.tracks().get(1).xs()[1]);
        assertEquals(20.0, c.tracks().get(1).ys()[1]);
        String geo = "<?xml version=\"1.0\"?>\n<!-- <fcd-output.geo value=\"true\"/> -->\n<fcd-export>\n<timestep time=\"0\">\n"
                + "<vehicle id=\"a\" x=\"11.0900\" y=\"48.8362\"/>\n<vehicle id=\"b\" x=\"11.0910\" y=\"48.8362\"/>\n</timestep>\n</fcd-export>\n";
        Trace g = (Trace) read(write("geo.xml.gz", geo));
        assertEquals(CoordinateKind.GEO, g.coordinates());
        double d = Math.hypot(g.tracks().get(0).xs()[0] - g.tracks().get(1).xs()[0], g.tracks().get(0).ys()[0] - g.tracks().get(1).ys()[0]);
        assertEquals(Haversine.distance(48.8362, 11.0900, 48.8362, 11.0910), d, 0.01);
    }

    @Test
    void sumoMalformedElementsNameTheirLine() throws IOException {
        String bad = "<fcd-export>\n<timestep time=\"0\">\n<vehicle id=\"a\" x=\"1\" y=\"2\"/>\n<vehicle id=\"b\" x=\"oops\" y=\"2\"/>\n</timestep>\n</fcd-export>\n";
        Path f = write("bad.xml", bad);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(f));
        assertTrue(e.getMessage().contains("bad.xml:4: expected <vehicle id="), e.getMessage());
        Path broken = write("broken.xml", "<fcd-export>\n<timestep time=\"0\">\n<vehicle id=\"a\" x=\"1\"\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> read(broken)).getMessage().contains("broken.xml:"));
    }

    @Test
    void oneMovementUsesItsHeaderAsThePlausibleRegion() throws IOException {
        Path f = write("move.txt", "0 100 0 500 0 500\n0 n1 10 10\n0 n2 20 10\n10 n1 600 10\n10 n2 30 10\n20 n1 12 10\n");
        Trace t = (Trace) read(f);
        assertEquals(TraceFormat.ONE_MOVEMENT, t.format());
        assertEquals(1, t.counts().droppedRegion());
        assertEquals(4, t.fixes());
    }

    @Test
    void oneConnectionEventsPairUpAndDown() throws IOException {
        Path f = write("conn.txt", "10 CONN 1 2 up\n15 CONN 3 1 up\n20 CONN 2 1 down\n30 CONN 1 2 up\n35 CONN 2 3 down\n50 CONN 1 2 down\n60 CONN 3 1 down\n");
        ContactTrace c = (ContactTrace) read(f);
        assertEquals(TraceFormat.ONE_CONNECTIONS, c.format());
        assertEquals(List.of("1", "2", "3"), c.deviceNames());
        // 2-3 went down at 35 without an up: it was up since the window start (10).
        assertEquals(List.of(new Contact(0, 1, 10, 20), new Contact(1, 2, 10, 35), new Contact(0, 2, 15, 60), new Contact(0, 1, 30, 50)),
                c.contacts());
        assertEquals(10, c.from());
        assertEquals(60, c.to());
    }

    @Test
    void contactCsvWithHeaderAndTableWithColumnMapping() throws IOException {
        ContactTrace csv = (ContactTrace) read(write("c.csv", "a,b,start,end\n10,2,0,5\n2,10,3,8\n2,3,20,30\n"));
        assertEquals(TraceFormat.CONTACTS_CSV, csv.format());
        // Numeric names in numeric order: 2, 3, 10; the two overlapping 2-10 contacts merge.
        assertEquals(List.of("2", "3", "10"), csv.deviceNames());
        assertEquals(List.of(new Contact(0, 2, 0, 8), new Contact(0, 1, 20, 30)), csv.contacts());

        Path table = write("haggle.dat", "# haggle\n7 1 100 160 1 0\n1 9 200 200 2 40\n");
        ReadOptions o = ReadOptions.DEFAULT.withFormat(TraceFormat.CONTACTS_TABLE);
        ContactTrace t = (ContactTrace) read(table, o);
        assertEquals(List.of(new Contact(0, 1, 100, 160), new Contact(0, 2, 200, 200)), t.contacts());
        assertFalse(t.detected());
        ReadOptions mapped = new ReadOptions(TraceFormat.CONTACTS_TABLE, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                null, ContactColumns.parse("2,1,3,4"));
        assertEquals(t.contacts(), ((ContactTrace) read(table, mapped)).contacts());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(write("self.csv", "1,1,0,5\n")));
        assertTrue(e.getMessage().contains("self.csv:1: expected two different device ids"), e.getMessage());
    }

    @Test
    void windowClipsContacts() throws IOException {
        Path f = write("c.csv", "1,2,0,50\n1,2,100,200\n2,3,300,400\n");
        ContactTrace c = (ContactTrace) read(f, ReadOptions.DEFAULT.withWindow(40, 150));
        assertEquals(List.of(new Contact(0, 1, 40, 50), new Contact(0, 1, 100, 150)), c.contacts());
        assertEquals(2, c.devices(), "device 3 has no contact inside the window");
    }

    @Test
    void detectionNamesEachFormat() throws IOException {
        assertEquals(TraceFormat.CABSPOTTING, FormatDetector.detect(write("cab.txt", "37.77 -122.41 0 1211958098\n37.78 -122.41 1 1211958038\n")));
        assertEquals(TraceFormat.CONTACTS_TABLE, FormatDetector.detect(write("t.dat", "1 2 100 200\n2 3 300 400\n")));
        assertEquals(TraceFormat.ONE_MOVEMENT, FormatDetector.detect(write("m.txt", "0 10 0 1 0 1\n0 a 0 0\n")));
        assertEquals(TraceFormat.ONE_CONNECTIONS, FormatDetector.detect(write("e.txt", "1.5 CONN a b up\n")));
        assertEquals(TraceFormat.CONTACTS_CSV, FormatDetector.detect(write("c.csv", "a,b,0,1\n")));
        assertEquals(TraceFormat.SUMO_FCD, FormatDetector.detect(writeGz("f.xml.gz", "<?xml version=\"1.0\"?><fcd-export/>")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FormatDetector.detect(write("x.txt", "hello world\n")));
        assertTrue(e.getMessage().contains("'format'"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> TraceFormat.fromCliName("gpx"));
    }
}
