package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The library names its parameters ({@code nodes}, {@code 'maxIterations'}); the command line turns
 * them into the options the user typed, and only into options the command has (issue 12, defect 10).
 */
class OptionNamesTest {
    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--max-iterations") int maxIterations;
        @Option(names = "--epsilon") double epsilon;
        @Option(names = "--method") String method;
        @Option(names = "--initial") int initial;
        @Option(names = "--nodes") long nodes;
    }

    private static final CommandSpec PROBE = new CommandLine(new Probe()).getCommandSpec();

    @Test
    void leadingAndQuotedParametersBecomeTheCommandsOptions() {
        assertEquals("--max-iterations must be an integer >= 1, got 0",
                OptionNames.translate("maxIterations must be an integer >= 1, got 0", PROBE));
        assertEquals("Gauss-Seidel did not converge; try raise --max-iterations, loosen --epsilon, or use --method krylov",
                OptionNames.translate("Gauss-Seidel did not converge; try raise 'maxIterations', loosen 'epsilon',"
                        + " or use 'method' krylov", PROBE));
        // a library name that differs from the option's words goes through the alias table
        assertEquals("--initial must be an integer in [0, 10], got 11",
                OptionNames.translate("initialHolders must be an integer in [0, 10], got 11", PROBE));
        assertEquals("need --initial >= 1", OptionNames.translate("need 'initialHolders' >= 1", PROBE));
    }

    @Test
    void namesTheCommandLacksAndValuesTheUserGaveStayAsTheyAre() {
        assertEquals("raise 'maxStates' or use fewer pieces",
                OptionNames.translate("raise 'maxStates' or use fewer pieces", PROBE));
        assertEquals("format must be one of a, b, got 'nodes'",
                OptionNames.translate("format must be one of a, b, got 'nodes'", PROBE));
        assertEquals("columns must be four 1-based field numbers 'a,b,start,end', got 'x'",
                OptionNames.translate("columns must be four 1-based field numbers 'a,b,start,end', got 'x'", PROBE));
    }

    @Test
    void badInputThroughTheCommandLineNamesTheOption() {
        RolloutTest.Run r = RolloutTest.run("predict", "--rate", "1e-4", "--nodes", "0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--nodes must be an integer >= 1, got 0"), r.err());
        r = RolloutTest.run("predict", "--rate", "1e-4", "--nodes", "10", "--initial", "11");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--initial must be an integer in [0, 10], got 11"), r.err());
        r = RolloutTest.run("predict", "--rate", "1e-4", "--nodes", "100", "--free-riders", "0.5", "--pieces", "2");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--free-riders must be 0 with --pieces > 1"), r.err());
    }

    /**
     * No library module's code spells a command-line option: a message there names the parameter
     * and the command line translates it. Scans string literals in main sources (comments excluded).
     */
    @Test
    void libraryMessagesNameNoCommandLineOption() throws IOException {
        Path root = Paths.get("..").toAbsolutePath().normalize();
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        Pattern flag = Pattern.compile("(?<![A-Za-z0-9-])--[a-z][a-z0-9-]*");
        List<String> found = new ArrayList<>();
        for (String module : List.of("core", "protocol", "solver", "model", "validation")) {
            Path src = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(src), src + " missing");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                            continue;
                        }
                        Matcher m = literal.matcher(line);
                        while (m.find()) {
                            if (flag.matcher(m.group(1)).find()) {
                                found.add(root.relativize(f) + ":" + (i + 1) + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
