package org.p2prollout.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.p2prollout.testkit.FuzzCases;
import org.p2prollout.testkit.FuzzChecks;
import org.p2prollout.testkit.Mutator;

/**
 * Fuzzing of the commands that read files and write output folders: inputs mutated by 0-3
 * seeded edits ({@link Mutator}) to {@code rates --json --out} and {@code solve --json}. Each run
 * exits 0 or 2 (never 1, the internal error), a failed run leaves no output folder (and no staging
 * folder), an exit 2 says why on one line, and JSON carries no NaN or Infinity. 40 + 40 cases,
 * fixed seeds.
 */
class CommandsFuzzTest {
    private static final List<String> TOKENS = List.of("-1", "0", "1e308", "1e20", "NaN", "Infinity", "2147483647", " ", ",",
            "\n", "#", "\u0000", "\u001b[2J", "\ufeff", "\u00e9", "up", "down", "CONN");
    private static final List<String> INPUTS = List.of(
            "a,b,start,end\n1,2,0,10\n1,2,200,230\n1,3,500,510\n2,3,600,900\n",
            "0 2000 0 500 0 500\n0 n1 10 10\n0 n2 20 10\n30 n1 11 10\n30 n2 30 10\n60 n1 12 10\n60 n2 13 10\n",
            "0 CONN 1 2 up\n10 CONN 1 2 down\n20 CONN 2 3 up\n40 CONN 2 3 down\n");

    private static final Mutator.TextEdits EDITS = new Mutator.TextEdits(TOKENS, 0, 3, 6, false);
    private static final String TRA = "3 4\n0 1 0.5\n0 2 1e-3\n1 0 2\n2 1 7.25\n";

    private static void check(RolloutTest.Run r, Path dir, Path out, String what) throws IOException {
        if (r.code() != 0 && r.code() != ExitCodes.USAGE) {
            throw new AssertionError(what + ": exit " + r.code() + ": " + r.err());
        }
        if (r.code() == ExitCodes.USAGE) {
            if (r.err().strip().lines().count() != 1) {
                throw new AssertionError(what + ": exit 2 with more than one line: " + r.err());
            }
            if (out != null && Files.exists(out)) {
                throw new AssertionError(what + ": a failed run left " + out);
            }
        }
        if (r.out().contains("NaN") || r.out().contains("Infinity")) {
            throw new AssertionError(what + ": JSON with NaN/Infinity: " + r.out());
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> staging = s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".staging-")).toList();
            if (!staging.isEmpty()) {
                throw new AssertionError(what + ": staging folder left behind: " + staging);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> ratesExitsZeroOrTwoAndWritesAllOrNothing() {
        return FuzzCases.cases(1341, 40, c -> {
            String text = c.input("trace.txt", EDITS.apply(INPUTS.get(c.random().nextInt(INPUTS.size())), c.random()));
            Path dir = Files.createTempDirectory("rates-fuzz");
            try {
                Path in = Files.write(dir.resolve("trace.txt"), text.getBytes(StandardCharsets.UTF_8));
                Path out = dir.resolve("out");
                RolloutTest.Run r = RolloutTest.run("rates", in.toString(), "--classes", "1", "--no-adequacy", "--time-unit", "s",
                        "--json", "--out", out.toString());
                check(r, dir, out, "rates " + in);
            } finally {
                FuzzChecks.deleteTree(dir);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> solveExitsZeroOrTwo() {
        return FuzzCases.cases(1342, 40, c -> {
            String text = c.input("m.tra", EDITS.apply(TRA, c.random()));
            boolean steady = c.note("steady", c.random().nextBoolean());
            Path dir = Files.createTempDirectory("solve-fuzz");
            try {
                Path tra = Files.write(dir.resolve("m.tra"), text.getBytes(StandardCharsets.ISO_8859_1));
                Path out = dir.resolve("o.csv");
                RolloutTest.Run r = steady ? RolloutTest.run("solve", tra.toString(), "--json", "--out", out.toString())
                        : RolloutTest.run("solve", tra.toString(), "--transient", "1,10", "--json");
                check(r, dir, steady ? out : null, "solve " + tra);
            } finally {
                FuzzChecks.deleteTree(dir);
            }
        });
    }
}
