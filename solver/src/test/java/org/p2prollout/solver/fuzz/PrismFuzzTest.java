package org.p2prollout.solver.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.prism.PrismExplicit;

/**
 * Property-based fuzzing of the PRISM explicit readers (.tra, .sta, .lab): valid files mutated by
 * edits at random places (tokens that break parsers, stray bytes, cuts). Whatever the bytes, a
 * reader returns or throws {@link InvalidInputException} (exit 2): never another exception, never
 * an allocation sized by a hostile header. Bounded tries keep the build fast.
 */
class PrismFuzzTest {
    private static final String TRA = "3 4\n0 1 0.5\n0 2 1e-3\n1 0 2\n2 1 7.25\n";
    private static final String LAB = "0=\"init\" 1=\"deadlock\" 2=\"goal\"\n0: 0\n2: 2\n";
    private static final String STA = "(x,b)\n0:(0,false)\n1:(1,true)\n2:(2,false)\n";
    private static final List<String> TOKENS = List.of("-1", "0", "2147483647", "2147483648", "99999999999999999999",
            "1e308", "1e-320", "NaN", "-Infinity", "0x1p3", " ", "\t", "\n", "\r\n", ":", "(", ")", ",", "=", "\"",
            "true", "\u0000", "\u001b[2J", "\ufeff", "\u00e9", "\u00ff", "\ud83d\ude00", "2000000000 2000000000");

    /** One edit: at a relative position, delete up to {@code cut} chars and insert a token or a stray byte. */
    record Edit(double at, int cut, String insert) {
    }

    static String apply(String seed, List<Edit> edits, double keep) {
        StringBuilder s = new StringBuilder(seed);
        for (Edit e : edits) {
            int i = (int) (e.at() * s.length());
            s.delete(i, Math.min(s.length(), i + e.cut()));
            s.insert(i, e.insert());
        }
        return s.substring(0, (int) Math.ceil(keep * s.length()));
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.chars().map(String::valueOf), Arbitraries.just(""));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 6),
                insert).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Double> keep() {
        return Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.doubles().between(0, 1));
    }

    private static Path write(String name, String text) throws IOException {
        Path f = Files.createTempFile("prism-fuzz", name);
        // ISO-8859-1 for chars < 256 keeps stray bytes as single bytes; others go as UTF-8 multi-byte sequences
        byte[] b = text.chars().allMatch(c -> c < 256) ? text.getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8);
        return Files.write(f, b);
    }

    private interface Read {
        void run() throws IOException;
    }

    private static void onlyBadInput(Read r) throws IOException {
        try {
            r.run();
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank() || expected.getMessage().contains("\n")) {
                throw new AssertionError("bad-input message must be one non-empty line: " + expected.getMessage());
            }
        }
    }

    @Property(tries = 200, seed = "1301")
    void transitionsAndLabels(@ForAll("edits") List<Edit> traEdits, @ForAll("keep") double keep,
                              @ForAll("edits") List<Edit> labEdits) throws IOException {
        Path tra = write(".tra", apply(TRA, traEdits, keep));
        Path lab = PrismExplicit.sibling(tra, ".lab");
        Files.write(lab, apply(LAB, labEdits, 1).getBytes(StandardCharsets.UTF_8));
        try {
            onlyBadInput(() -> {
                Generator q = PrismExplicit.readTransitions(tra);
                PrismExplicit.initialDistribution(tra, q.states());
            });
            onlyBadInput(() -> PrismExplicit.readLabels(lab, 3));
        } finally {
            Files.deleteIfExists(tra);
            Files.deleteIfExists(lab);
        }
    }

    @Property(tries = 150, seed = "1302")
    void states(@ForAll("edits") List<Edit> edits, @ForAll("keep") double keep) throws IOException {
        Path sta = write(".sta", apply(STA, edits, keep));
        try {
            onlyBadInput(() -> PrismExplicit.readStates(sta));
        } finally {
            Files.deleteIfExists(sta);
        }
    }
}
