package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.ScenarioReader;

/**
 * Issue 13, items 7, 11 and 12: bad files and output locations are bad input (exit 2, one line),
 * checked before the work; output folders are written all or nothing; input quoted in messages is
 * printed safely.
 */
class HostileFilesTest {
    @TempDir
    Path dir;

    private Path contacts() throws IOException {
        return Files.writeString(dir.resolve("c.csv"), "a,b,start,end\n1,2,0,10\n1,2,200,230\n1,3,500,510\n");
    }

    private static void assertBadInput(RolloutTest.Run r, String contains) {
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(contains), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void outOnAnExistingFileDevNullOrProcIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep me");
        assertBadInput(RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--out", file.toString()),
                "exists and is not a folder");
        assertEquals("keep me", Files.readString(file));
        assertBadInput(RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--out", "/dev/null"), "is under /dev");
        assertBadInput(RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--out", "/proc/rollout-out"),
                "is under /proc");
        Path scenario = Path.of("..", "examples", "epidemic.yaml");
        assertBadInput(RolloutTest.run("simulate", scenario.toString(), "--replications", "1", "--out", file.toString()),
                "exists and is not a folder");
        assertBadInput(RolloutTest.run("solve", Files.writeString(dir.resolve("m.tra"), "2 1\n0 1 1\n").toString(),
                "--out", "/dev/null"), "is under /dev");
    }

    @Test
    void validateChecksItsOutputFolderBeforeRunningTheSuite() throws IOException {
        Path file = Files.writeString(dir.resolve("report"), "x");
        long t0 = System.nanoTime();
        RolloutTest.Run r = RolloutTest.run("validate", "--suite", "quick", "--out", file.toString(), "--json");
        assertBadInput(r, "exists and is not a folder");
        assertEquals("", r.out()); // no suite result: nothing ran
    }

    @Test
    void emptyOutIsRefusedNotTheCurrentFolder() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> before = names(cwd);
        try {
            assertBadInput(RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--out", ""),
                    "--out must name a folder or file, got ''");
        } finally {
            for (String f : new String[] {"summary.json", "contacts.csv", "pairs.csv", "intercontact-ccdf.png", "intercontact-ccdf.svg", "adequacy.json"}) {
                if (!before.contains(f)) {
                    Files.deleteIfExists(cwd.resolve(f)); // what the old behaviour left in the module folder
                }
            }
        }
        assertEquals(before, names(cwd));
    }

    @Test
    void aFailedRunLeavesNoPartOfTheOutputFolder() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        // pairs.csv cannot be written: a non-empty folder of that name is in the way. Before, contacts.csv and
        // summary.json were written first and stayed (exit 1).
        Files.writeString(Files.createDirectory(out.resolve("pairs.csv")).resolve("x"), "x");
        RolloutTest.Run r = RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--out", out.toString());
        assertBadInput(r, "a folder or special file of that name is in the way; nothing was written");
        assertEquals(List.of("pairs.csv"), names(out));
        assertEquals(List.of("c.csv", "out"), names(dir), "no staging folder left behind");
        // and a run that succeeds writes the whole set into a new folder at once
        Path fresh = dir.resolve("a").resolve("b");
        RolloutTest.Run ok = RolloutTest.run("rates", contacts().toString(), "--classes", "1", "--out", fresh.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(List.of("adequacy.json", "contacts.csv", "intercontact-ccdf.png", "intercontact-ccdf.svg", "pairs.csv", "summary.json"), names(fresh));
        assertEquals(List.of("b"), names(dir.resolve("a")));
    }

    @Test
    void controlBytesFromInputAreEscapedInMessages() throws IOException {
        // YAML double quotes turn \e and \a into ESC and BEL: a message quoting the value must not pass them on.
        Path yaml = Files.writeString(dir.resolve("esc.yaml"), "fleet:\n  devices: 10\nmobility:\n  model: \"x\\e[2J\\e]0;pwned\\a\"\n");
        RolloutTest.Run r = RolloutTest.run("simulate", yaml.toString());
        assertBadInput(r, "got 'x\\x1B[2J\\x1B]0;pwned\\x07'");
        assertFalse(r.err().contains("\u001b"), r.err());
        assertFalse(r.err().contains("\u0007"), r.err());
    }

    @Test
    void nonUtf8YamlIsBadInputWithLine() throws IOException {
        byte[] latin1 = "fleet:\n  devices: 10\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path yaml = Files.write(dir.resolve("latin1.yaml"), latin1);
        assertBadInput(RolloutTest.run("simulate", yaml.toString()), yaml + ":3: byte 0xE9 at column 6 is not UTF-8");
        Path suite = Files.write(dir.resolve("suite.yaml"), latin1);
        assertBadInput(RolloutTest.run("validate", "--suite", suite.toString(), "--out", dir.resolve("r").toString()),
                suite + ":3: byte 0xE9");
        Path sweep = Files.write(dir.resolve("sweep.yaml"), latin1);
        assertBadInput(RolloutTest.run("sweep", sweep.toString(), "--out", dir.resolve("s").toString()), sweep + ":3: byte 0xE9");
    }

    @Test
    void scenarioBoundsAreCheckedWhenRead() {
        // release.version is the major part of a 16-bit protocol version: 70000 used to fail inside the run (exit 1)
        InvalidInputException v = assertThrows(InvalidInputException.class, () -> ScenarioReader.parse(
                "fleet:\n  devices: 10\nrelease:\n  version: 70000\n", "v.yaml", dir));
        assertTrue(v.getMessage().contains("release.version must be an integer in [1, 65535], got 70000"), v.getMessage());
        // one day at 1 ns is 8.6e13 position steps: refused instead of a run that never finishes
        InvalidInputException s = assertThrows(InvalidInputException.class, () -> ScenarioReader.parse(
                "fleet:\n  devices: 10\nmobility:\n  model: random-waypoint\n  durationSeconds: 86400\n  stepSeconds: 1e-9\n",
                "s.yaml", dir));
        assertTrue(s.getMessage().contains("at most 100000000 position steps"), s.getMessage());
        // the same step on a contact process (which has no positions) is fine
        ScenarioReader.parse("fleet:\n  devices: 10\nmobility:\n  model: contact-process\n  encounterRate: 1e-4\n"
                + "  durationSeconds: 86400\n  stepSeconds: 1e-9\n", "c.yaml", dir);
    }

    @Test
    void vanishingRatesAreBadInput() {
        // --rate 1e-300 gave a mean time of 1e299 s with sd "Infinity" (one piece) or never finished (two pieces)
        assertBadInput(RolloutTest.run("predict", "--nodes", "100", "--rate", "1e-300"), "--rate must be 0 or a rate in [1.0E-20");
        assertBadInput(RolloutTest.run("predict", "--nodes", "100", "--rate", "1e-4", "--server-rate", "1e-300"),
                "--server-rate must be 0 or a rate in [1.0E-20");
        assertEquals(0, RolloutTest.run("predict", "--nodes", "100", "--rate", "1e-20", "--json").code());
    }

    @Test
    void solveBoundsDeclaredSizesAndStrayBytes() throws IOException {
        Path huge = Files.writeString(dir.resolve("huge.tra"), "2000000000 2000000000\n");
        assertBadInput(RolloutTest.run("solve", huge.toString()), huge + ":1: the header declares 2000000000 states");
        Path max = Files.writeString(dir.resolve("max.tra"), "2147483647 1\n0 1 1\n");
        assertBadInput(RolloutTest.run("solve", max.toString()), max + ":1: the header declares 2147483647 states");
        Path bom = Files.write(dir.resolve("bom.tra"), "\ufeff2 1\n0 1 1\n".getBytes(StandardCharsets.UTF_8));
        assertBadInput(RolloutTest.run("solve", bom.toString()), bom + ":1: byte 0xEF at column 1");
        Files.write(dir.resolve("lab.tra"), "2 1\n0 1 1\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("lab.lab"), "0=\"init\"\n0: 0\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(RolloutTest.run("solve", dir.resolve("lab.tra").toString()), "lab.lab:2: byte 0xE9 at column 5");
    }
}
