package org.p2prollout.model.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.TraceData;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.TraceReaders;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.testkit.FuzzCases;
import org.p2prollout.testkit.FuzzChecks;
import org.p2prollout.testkit.Mutator;

/**
 * Fuzzing of every trace reader (cab traces, SUMO FCD, ONE movement, ONE connections, contact CSV
 * and tables), with the format given and detected, plain and gzip (half of those cut at random):
 * valid files mutated by 0-4 seeded edits ({@link Mutator}). Reading, and on success the whole
 * rates pipeline (resampling, contacts, rates), either returns or throws
 * {@link InvalidInputException} with a one-line message; no other exception. 300 cases, fixed seed.
 */
class TraceReadersFuzzTest {
    private static final List<String> TOKENS = List.of("-1", "0", "1e308", "-1e308", "1e20", "NaN", "Infinity", "2147483648",
            "99999999999", " ", "\t", ",", "\n", "\r", "#", "%", "\"", "<", ">", "/>", "<timestep time=\"5\">", "&amp;", "&#0;",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "up", "down", "CONN", "\u0000", "\u001b[2J",
            "\ufeff", "\u00e9", "\u00ff", "\ud83d\ude00");
    private static final Mutator.TextEdits EDITS = new Mutator.TextEdits(TOKENS, 0, 4, 8, false);

    /** A format and a valid file of it. */
    record Seed(TraceFormat format, String name, String text) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed(TraceFormat.CABSPOTTING, "new_cab.txt", "37.75 -122.41 0 1211018404\n37.76 -122.42 1 1211018464\n"
                    + "37.75 -122.40 0 1211018524\n"),
            new Seed(TraceFormat.SUMO_FCD, "fcd.xml", "<fcd-export>\n<timestep time=\"0\"><vehicle id=\"a\" x=\"10\" y=\"10\"/>"
                    + "<vehicle id=\"b\" x=\"20\" y=\"10\"/></timestep>\n<timestep time=\"30\"><vehicle id=\"a\" x=\"11\" y=\"10\"/>"
                    + "<vehicle id=\"b\" x=\"30\" y=\"10\"/></timestep>\n</fcd-export>\n"),
            new Seed(TraceFormat.ONE_MOVEMENT, "one.txt", "0 2000 0 500 0 500\n0 n1 10 10\n0 n2 20 10\n30 n1 11 10\n30 n2 30 10\n"),
            new Seed(TraceFormat.ONE_CONNECTIONS, "conn.txt", "0 CONN 1 2 up\n10 CONN 1 2 down\n20 CONN 2 3 up\n40 CONN 2 3 down\n"),
            new Seed(TraceFormat.CONTACTS_CSV, "c.csv", "a,b,start,end\n1,2,0,10\n1,2,200,230\n1,3,500,510\n"),
            new Seed(TraceFormat.CONTACTS_TABLE, "t.txt", "1 2 0 10\n1 2 200 230\n1 3 500 510\n"));

    private static byte[] gzip(byte[] b, double keep) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        }
        // at least the two magic bytes, so the reader sees a cut gzip stream rather than plain text
        return Mutator.cut(o.toByteArray(), keep, 2);
    }

    @TestFactory
    Stream<DynamicTest> readersAndPipelineFailOnlyWithBadInput() {
        return FuzzCases.cases(1311, 300, c -> {
            Seed seed = SEEDS.get(c.random().nextInt(SEEDS.size()));
            String text = c.input(seed.name(), EDITS.apply(seed.text(), c.random()));
            boolean detect = c.note("detect", c.random().nextBoolean());
            boolean gz = c.note("gzip", c.random().nextBoolean());
            boolean lenient = c.note("lenient", c.random().nextBoolean());
            double keep = c.note("gzip keep", Mutator.keep(c.random()));
            Path dir = Files.createTempDirectory("trace-fuzz");
            try {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                Path file = Files.write(dir.resolve(seed.name() + (gz ? ".gz" : "")), gz ? gzip(bytes, keep) : bytes);
                ReadOptions read = ReadOptions.DEFAULT.withLenient(lenient).withFormat(detect ? null : seed.format());
                FuzzChecks.onlyBadInput(() -> {
                    TraceData data = TraceReaders.read(file, read, ProgressListener.NONE);
                    // an hour's grid keeps the work of a mutated time span small (at most the 2e8-step bound)
                    new RatesPipeline(PipelineOptions.DEFAULT.withStep(3600).withMaxGap(7200).withRead(read))
                            .run(data, ProgressListener.NONE);
                });
            } finally {
                FuzzChecks.deleteTree(dir);
            }
        });
    }
}
