package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every help text names only options that exist; the command list shows whole sentences. */
class HelpTextTest {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*[a-z0-9]");
    private static final Pattern COMMAND_REF = Pattern.compile("rollout ([a-z]+)");

    private static CommandLine cli() {
        return Rollout.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static Set<String> options(CommandSpec spec) {
        Set<String> names = new HashSet<>();
        spec.options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    @Test
    void everyOptionAHelpTextNamesExists() {
        CommandLine root = cli();
        Map<String, CommandLine> commands = root.getSubcommands();
        List<String> unknown = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>(commands.values());
        all.add(root);
        for (CommandLine c : all) {
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            Set<String> own = options(c.getCommandSpec());
            Matcher m = OPTION.matcher(usage);
            while (m.find()) {
                String option = m.group();
                if (own.contains(option)) {
                    continue;
                }
                // "rollout predict --trace": an option of the command named just before it
                String before = usage.substring(Math.max(0, m.start() - 120), m.start());
                Matcher ref = COMMAND_REF.matcher(before);
                boolean found = false;
                while (ref.find()) {
                    CommandLine other = commands.get(ref.group(1));
                    found |= other != null && options(other.getCommandSpec()).contains(option);
                }
                // the top-level help and command list speak of every command's options
                if (!found && c == root) {
                    found = commands.values().stream().anyMatch(o -> options(o.getCommandSpec()).contains(option));
                }
                if (!found) {
                    unknown.add(c.getCommandName() + ": " + option);
                }
            }
        }
        assertEquals(List.of(), unknown, "help texts name options that do not exist");
    }

    @Test
    void topLevelHelpShowsWholeSentences() {
        String usage = cli().getUsageMessage(CommandLine.Help.Ansi.OFF);
        String list = usage.substring(usage.indexOf("Commands:"), usage.indexOf("Exit codes:"));
        for (String cmd : cli().getSubcommands().keySet()) {
            Matcher m = Pattern.compile("(?m)^  " + cmd + "\\s+(.*(?:\\n\\s{6,}.*)*)").matcher(list);
            assertTrue(m.find(), cmd);
            String text = m.group(1).replaceAll("\\s+", " ").strip();
            assertTrue(text.endsWith("."), cmd + ": '" + text + "'");
        }
    }

    @Test
    void methodAndFormatListsAreTheLibrarysOwn() {
        CommandLine root = cli();
        String methods = String.join(", ", org.p2prollout.solver.stationary.StationaryMethods.NAMES);
        String formats = String.join(", ", java.util.Arrays.stream(org.p2prollout.model.trace.TraceFormat.values())
                .map(org.p2prollout.model.trace.TraceFormat::cliName).toList());
        for (String[] c : new String[][] {{"steady", "--method", methods}, {"solve", "--method", methods},
            {"rates", "--format", formats}, {"predict", "--format", formats}}) {
            String rendered = root.getSubcommands().get(c[0]).getUsageMessage(CommandLine.Help.Ansi.OFF)
                    .replaceAll("\\s+", " ");
            var option = root.getSubcommands().get(c[0]).getCommandSpec().findOption(c[1]);
            java.util.List<String> candidates = new java.util.ArrayList<>();
            option.completionCandidates().forEach(candidates::add);
            assertEquals(List.of(c[2].split(", ")), candidates, c[0] + " " + c[1] + " takes its values from the library");
            assertTrue(rendered.contains(c[2]), c[0] + " " + c[1] + ": " + rendered);
        }
    }

    @Test
    void planTakesNoServerRate() {
        CommandSpec plan = cli().getSubcommands().get("plan").getCommandSpec();
        assertNull(plan.findOption("--server-rate"));
        assertFalse(cli().getSubcommands().get("plan").getUsageMessage(CommandLine.Help.Ansi.OFF).contains("--server-rate"));
        SwarmCommandsTest.Run r = SwarmCommandsTest.run("plan", "--nodes", "10", "--rate", "0.01", "--deadline", "100",
                "--server-rate", "0.1");
        assertEquals(2, r.code(), "--server-rate is an unknown option of plan");
    }

    @Test
    void libraryParametersAreNamedAsTheCommandsOptions() {
        SwarmCommandsTest.Run r = SwarmCommandsTest.run("steady", "--arrival", "0.05", "--rate", "0.01",
                "--server-rate", "0.02", "--leave-lacking", "0.001", "--leave-holding", "0.002", "--epsilon", "-1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--epsilon must"), r.err());
    }
}
