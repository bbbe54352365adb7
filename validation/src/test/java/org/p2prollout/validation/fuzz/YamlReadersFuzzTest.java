package org.p2prollout.validation.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.ScenarioReader;
import org.p2prollout.validation.suite.SuiteReader;
import org.p2prollout.validation.sweep.SweepReader;

/**
 * Property-based fuzzing of the scenario, suite and sweep YAML readers: the example files (and a
 * suite) mutated by random edits, written as UTF-8 or as raw bytes. Reading returns or throws
 * {@link InvalidInputException} with one line; no other exception (NumberFormatException,
 * ClassCastException, MalformedInputException, ... were the exit-1 cases). Bounded tries, fixed seeds.
 */
class YamlReadersFuzzTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String SUITE = "name: mine\ndescription: two cases\ncases:\n  - name: a\n    model: multi-piece\n"
            + "    replications: 5\n    seed: 9\n    tolerances: {time: 0.2, ks: 0.5}\n    scenario:\n      fleet: {devices: 12}\n"
            + "      release: {pieces: 3}\n      protocol: {policy: sequential}\n  - name: b\n    scenarioFile: epidemic.yaml\n"
            + "offload:\n  scenario: {fleet: {devices: 7}}\n  serverRates: [1e-4, 1e-3]\n";
    private static final List<String> TOKENS = List.of(": ", "\n", "\n  ", "- ", "[", "]", "{", "}", "'", "\"", "#", "&a", "*a",
            "!!binary", "!!java.lang.Object", "<<: *a", "~", "null", "true", "-1", "0", "1e308", "-1e308", ".nan", ".inf",
            "70000", "2147483648", "99999999999999999999", "1e-9", "0.0", "0x10", "\"\\e[2J\"", "\t", "\u00e9", "\ufeff",
            "\ud83d\ude00", "scenarioFile: /dev/null", "scenario: nowhere.yaml", "trace: /proc/self/mem");

    record Edit(double at, int cut, String insert) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.chars().map(String::valueOf));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 10), insert)
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
    }

    static String apply(String seed, List<Edit> edits) {
        StringBuilder s = new StringBuilder(seed);
        for (Edit e : edits) {
            int i = (int) (e.at() * s.length());
            s.delete(i, Math.min(s.length(), i + e.cut()));
            s.insert(i, e.insert());
        }
        return s.toString();
    }

    @Provide
    Arbitrary<String> scenarios() {
        return Arbitraries.of("epidemic.yaml", "random-waypoint.yaml", "city.yaml", "adversaries.yaml");
    }

    @Provide
    Arbitrary<String> sweeps() {
        return Arbitraries.of("sweep-epidemic.yaml", "sweep-pieces.yaml");
    }

    private interface Read {
        void read(Path file) throws IOException;
    }

    /** Writes the mutated text in a fresh folder beside a copy of epidemic.yaml (which suites and sweeps name) and reads it. */
    private static void onlyBadInput(String text, boolean rawBytes, Read reader) throws IOException {
        Path dir = Files.createTempDirectory("yaml-fuzz");
        try {
            Files.copy(EXAMPLES.resolve("epidemic.yaml"), dir.resolve("epidemic.yaml"));
            // raw: each char's low byte, so edits can leave bytes that are not UTF-8
            byte[] b = rawBytes ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(dir.resolve("fuzz.yaml"), b);
            try {
                reader.read(file);
            } catch (InvalidInputException e) {
                String m = e.getMessage();
                if (m == null || m.isBlank() || m.contains("\n")) {
                    throw new AssertionError("a bad-input message is one line: " + m, e);
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Property(tries = 200, seed = "1321")
    void scenarioFiles(@ForAll("scenarios") String example, @ForAll("edits") List<Edit> edits, @ForAll boolean raw)
            throws IOException {
        onlyBadInput(apply(Files.readString(EXAMPLES.resolve(example)), edits), raw, ScenarioReader::read);
    }

    @Property(tries = 150, seed = "1322")
    void suiteFiles(@ForAll("edits") List<Edit> edits, @ForAll boolean raw) throws IOException {
        onlyBadInput(apply(SUITE, edits), raw, SuiteReader::read);
    }

    @Property(tries = 150, seed = "1323")
    void sweepFiles(@ForAll("sweeps") String example, @ForAll("edits") List<Edit> edits, @ForAll boolean raw) throws IOException {
        String text = Files.readString(EXAMPLES.resolve(example)).replaceAll("scenario: \\S+", "scenario: epidemic.yaml");
        onlyBadInput(apply(text, edits), raw, SweepReader::read);
    }
}
