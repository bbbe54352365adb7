package org.p2prollout.solver.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.prism.PrismExplicit;
import org.p2prollout.testkit.FuzzCases;
import org.p2prollout.testkit.FuzzChecks;
import org.p2prollout.testkit.Mutator;

/**
 * Fuzzing of the PRISM explicit readers (.tra, .sta, .lab): valid files mutated by 1-5 seeded
 * edits at random places ({@link Mutator}: tokens that break parsers, stray bytes, deletions) and
 * half of them cut. Whatever the bytes, a reader returns or throws {@link InvalidInputException}
 * (exit 2) with a one-line message: never another exception, never an allocation sized by a
 * hostile header. 200 + 150 cases, fixed seeds, keep the build fast.
 */
class PrismFuzzTest {
    private static final String TRA = "3 4\n0 1 0.5\n0 2 1e-3\n1 0 2\n2 1 7.25\n";
    private static final String LAB = "0=\"init\" 1=\"deadlock\" 2=\"goal\"\n0: 0\n2: 2\n";
    private static final String STA = "(x,b)\n0:(0,false)\n1:(1,true)\n2:(2,false)\n";
    private static final List<String> TOKENS = List.of("-1", "0", "2147483647", "2147483648", "99999999999999999999",
            "1e308", "1e-320", "NaN", "-Infinity", "0x1p3", " ", "\t", "\n", "\r\n", ":", "(", ")", ",", "=", "\"",
            "true", "\u0000", "\u001b[2J", "\ufeff", "\u00e9", "\u00ff", "\ud83d\ude00", "2000000000 2000000000");

    private static final Mutator.TextEdits EDITS = new Mutator.TextEdits(TOKENS, 1, 5, 6, true);

    private static Path write(String name, String text) throws IOException {
        Path f = Files.createTempFile("prism-fuzz", name);
        // ISO-8859-1 for chars < 256 keeps stray bytes as single bytes; others go as UTF-8 multi-byte sequences
        byte[] b = text.chars().allMatch(c -> c < 256) ? text.getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8);
        return Files.write(f, b);
    }

    @TestFactory
    Stream<DynamicTest> transitionsAndLabels() {
        return FuzzCases.cases(1301, 200, c -> {
            String traText = c.input(".tra", Mutator.cut(EDITS.apply(TRA, c.random()), Mutator.keep(c.random())));
            String labText = c.input(".lab", EDITS.apply(LAB, c.random()));
            Path tra = write(".tra", traText);
            Path lab = PrismExplicit.sibling(tra, ".lab");
            Files.write(lab, labText.getBytes(StandardCharsets.UTF_8));
            try {
                FuzzChecks.onlyBadInput(() -> {
                    Generator q = PrismExplicit.readTransitions(tra);
                    PrismExplicit.initialDistribution(tra, q.states());
                });
                FuzzChecks.onlyBadInput(() -> PrismExplicit.readLabels(lab, 3));
            } finally {
                Files.deleteIfExists(tra);
                Files.deleteIfExists(lab);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> states() {
        return FuzzCases.cases(1302, 150, c -> {
            Path sta = write(".sta", c.input(".sta", Mutator.cut(EDITS.apply(STA, c.random()), Mutator.keep(c.random()))));
            try {
                FuzzChecks.onlyBadInput(() -> PrismExplicit.readStates(sta));
            } finally {
                Files.deleteIfExists(sta);
            }
        });
    }
}
