package org.p2prollout.model.trace;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.resample.Resampler;
import org.p2prollout.model.resample.StepListener;
import org.p2prollout.core.InvalidInputException;

/**
 * One timestamp of 2.8e20 s or more in a position trace used to make the resampling sweep run
 * forever: (long) of the last grid index saturated at 2^63 - 1 and the step count overflowed
 * past the bound check (issue 13, item 6). Each reader's trace now fails with exit-2 input error.
 * The listener counts steps so that the old behaviour fails the test instead of hanging it.
 */
class HugeTimestampTest {
    @TempDir
    Path dir;

    private static final ReadOptions SECONDS = ReadOptions.DEFAULT.withTimeUnit(TraceTimeUnit.SECONDS);

    private static void assertRefused(Path file) {
        Trace trace = (Trace) TraceReaders.read(file, SECONDS, (d, t, w) -> { });
        long[] steps = {0};
        StepListener counting = (t, ids, x, y, n) -> {
            if (++steps[0] > 1_000_000) {
                throw new AssertionError("the sweep did not stop: " + steps[0] + " steps for a trace of 3 fixes per device");
            }
        };
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Resampler(30, 300).sweep(trace, counting, (d, t, w) -> { }));
        assertTrue(e.getMessage().contains("grid steps of 30.0 s (at most 200000000)"), e.getMessage());
    }

    @Test
    void oneMovementTraceWithTimestamp1e103() throws IOException {
        assertRefused(Files.writeString(dir.resolve("hm.txt"),
                "0 2000 0 500 0 500\n0 n1 10 10\n0 n2 20 10\n10 n1 11 10\n10 n2 30 10\n1e103 n1 12 10\n"));
    }

    @Test
    void oneMovementTraceWithTimestampJustPastTheLongRange() throws IOException {
        // 2.8e20 / 30 s is about 9.3e18 grid steps, past 2^63 = 9.22e18.
        assertRefused(Files.writeString(dir.resolve("hm2.txt"),
                "0 2000 0 500 0 500\n0 n1 10 10\n0 n2 20 10\n10 n1 11 10\n10 n2 30 10\n2.8e20 n1 12 10\n"));
    }

    @Test
    void sumoFcdTraceWithTimestamp1e103() throws IOException {
        assertRefused(Files.writeString(dir.resolve("fcd.xml"), "<fcd-export>\n"
                + "<timestep time=\"0\"><vehicle id=\"a\" x=\"10\" y=\"10\"/><vehicle id=\"b\" x=\"20\" y=\"10\"/></timestep>\n"
                + "<timestep time=\"10\"><vehicle id=\"a\" x=\"11\" y=\"10\"/><vehicle id=\"b\" x=\"30\" y=\"10\"/></timestep>\n"
                + "<timestep time=\"1e103\"><vehicle id=\"a\" x=\"12\" y=\"10\"/></timestep>\n"
                + "</fcd-export>\n"));
    }

    @Test
    void cabTraceWithTimestamp1e21() throws IOException {
        Path cabs = Files.createDirectory(dir.resolve("cabs"));
        Files.writeString(cabs.resolve("new_a.txt"), "37.75 -122.40 0 0\n37.75 -122.40 0 60\n37.75 -122.40 0 1e21\n");
        Files.writeString(cabs.resolve("new_b.txt"), "37.75 -122.41 0 0\n37.75 -122.41 0 60\n");
        assertRefused(cabs);
    }
}
