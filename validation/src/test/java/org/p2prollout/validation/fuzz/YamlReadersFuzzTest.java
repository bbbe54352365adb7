package org.p2prollout.validation.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.testkit.FuzzCases;
import org.p2prollout.testkit.FuzzChecks;
import org.p2prollout.testkit.Mutator;
import org.p2prollout.validation.sim.scenario.ScenarioReader;
import org.p2prollout.validation.suite.SuiteReader;
import org.p2prollout.validation.sweep.SweepReader;

/**
 * Fuzzing of the scenario, suite and sweep YAML readers: the example files (and a suite) mutated
 * by 1-4 seeded edits ({@link Mutator}), written as UTF-8 or as raw bytes. Reading returns or
 * throws {@link InvalidInputException} with one line; no other exception (NumberFormatException,
 * ClassCastException, MalformedInputException, ... were the exit-1 cases). 200 + 150 + 150 cases,
 * fixed seeds.
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
    private static final Mutator.TextEdits EDITS = new Mutator.TextEdits(TOKENS, 1, 4, 10, false);
    private static final List<String> SCENARIOS = List.of("epidemic.yaml", "random-waypoint.yaml", "city.yaml", "adversaries.yaml");
    private static final List<String> SWEEPS = List.of("sweep-epidemic.yaml", "sweep-pieces.yaml");

    private interface Read {
        void read(Path file) throws IOException;
    }

    /**
     * Mutates {@code text}, writes it (UTF-8 or, drawn, raw) in a fresh folder beside a copy of
     * epidemic.yaml (which suites and sweeps name) and reads it.
     */
    private static void onlyBadInput(FuzzCases.Case c, String name, String text, Read reader) throws Exception {
        String mutated = c.input(name, EDITS.apply(text, c.random()));
        // raw: each char's low byte, so edits can leave bytes that are not UTF-8
        boolean raw = c.note("raw bytes", c.random().nextBoolean());
        Path dir = Files.createTempDirectory("yaml-fuzz");
        try {
            Files.copy(EXAMPLES.resolve("epidemic.yaml"), dir.resolve("epidemic.yaml"));
            byte[] b = raw ? mutated.getBytes(StandardCharsets.ISO_8859_1) : mutated.getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(dir.resolve("fuzz.yaml"), b);
            FuzzChecks.onlyBadInput(() -> reader.read(file));
        } finally {
            FuzzChecks.deleteTree(dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarioFiles() {
        return FuzzCases.cases(1321, 200, c -> {
            String example = SCENARIOS.get(c.random().nextInt(SCENARIOS.size()));
            onlyBadInput(c, example, Files.readString(EXAMPLES.resolve(example)), ScenarioReader::read);
        });
    }

    @TestFactory
    Stream<DynamicTest> suiteFiles() {
        return FuzzCases.cases(1322, 150, c -> onlyBadInput(c, "suite", SUITE, SuiteReader::read));
    }

    @TestFactory
    Stream<DynamicTest> sweepFiles() {
        return FuzzCases.cases(1323, 150, c -> {
            String example = SWEEPS.get(c.random().nextInt(SWEEPS.size()));
            String text = Files.readString(EXAMPLES.resolve(example)).replaceAll("scenario: \\S+", "scenario: epidemic.yaml");
            onlyBadInput(c, example, text, SweepReader::read);
        });
    }
}
