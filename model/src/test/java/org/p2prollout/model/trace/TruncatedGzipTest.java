package org.p2prollout.model.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.core.InvalidInputException;

/**
 * A truncated or corrupt .gz is bad input naming the file (exit 2), in every reader and in format
 * detection; it used to escape as an UncheckedIOException "Unexpected end of ZLIB input stream"
 * (exit 1, internal error). Issue 13, item 11.
 */
class TruncatedGzipTest {
    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    /** Lines of a trace, enough that the detector's head reads fine and the cut falls later. */
    private static String many(String header, java.util.function.BiFunction<Integer, Integer, String> line) {
        StringBuilder s = new StringBuilder(header);
        // pseudo-random numbers so that the gzip stream is long (a repetitive text compresses to nothing)
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            s.append(line.apply(i, 1 + rng.nextInt(1000))).append('\n');
        }
        return s.toString();
    }

    private void assertBadInput(String variant, String name, String text, TraceFormat format, double keep) throws IOException {
        byte[] z = gzip(text);
        Path file = Files.write(Files.createDirectories(dir.resolve(variant)).resolve(name), Arrays.copyOf(z, (int) (z.length * keep)));
        ReadOptions o = ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.SECONDS).withFormat(format);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TraceReaders.read(file, o, (d, t, w) -> { }),
                name + " " + format);
        assertTrue(e.getMessage().startsWith(file + ": truncated or corrupt gzip data"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private void assertEveryWay(String name, String text, TraceFormat format) throws IOException {
        assertBadInput("given", name, text, format, 0.6);  // cut inside the reader's stream
        assertBadInput("detected", name, text, null, 0.6); // the same, format detected
        assertBadInput("head", name, text, null, 0.004);   // cut inside the detector's head
        byte[] z = gzip(text);
        z[z.length - 5] ^= 0x55;                        // CRC/size trailer damaged
        Path bad = Files.write(Files.createDirectories(dir.resolve("crc")).resolve(name), z);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TraceReaders.read(bad, ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.SECONDS).withFormat(format), (d, t, w) -> { }));
        assertTrue(e.getMessage().startsWith(bad + ": truncated or corrupt gzip data"), e.getMessage());
    }

    @Test
    void oneMovement() throws IOException {
        assertEveryWay("m.txt.gz", many("0 2000 0 5000 0 5000\n", (i, r) -> i + " n" + (i % 7) + " 10 " + r), TraceFormat.ONE_MOVEMENT);
    }

    @Test
    void sumoFcd() throws IOException {
        assertEveryWay("f.xml.gz", many("<fcd-export>\n", (i, r) -> "<timestep time=\"" + i + "\"><vehicle id=\"v" + (i % 5)
                + "\" x=\"" + r + "\" y=\"2\"/></timestep>"), TraceFormat.SUMO_FCD);
    }

    @Test
    void cabspotting() throws IOException {
        assertEveryWay("new_c.txt.gz", many("", (i, r) -> "37.75 -122." + r + " 0 " + (1_211_000_000 + i)), TraceFormat.CABSPOTTING);
    }

    @Test
    void contactsCsvAndOneConnections() throws IOException {
        assertEveryWay("c.csv.gz", many("a,b,start,end\n", (i, r) -> (i % 9) + "," + (i % 9 + 1) + "," + i + "," + (i + r)), TraceFormat.CONTACTS_CSV);
        assertEveryWay("k.txt.gz", many("", (i, r) -> i + " CONN " + r + " " + (r + 1) + " up\n" + i + ".5 CONN " + r + " " + (r + 1) + " down"),
                TraceFormat.ONE_CONNECTIONS);
    }
}
