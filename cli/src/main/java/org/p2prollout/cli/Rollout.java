package org.p2prollout.cli;

import java.io.PrintWriter;
import java.util.List;
import org.p2prollout.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rollout} command: predicts and validates peer-to-peer software rollouts.
 *
 * <p>Conventions shared by every subcommand: {@code --json} writes one JSON object to stdout;
 * exit code 0 on success, 2 on bad input or usage (one line on stderr saying what was wrong and
 * what is allowed), 1 on an internal error; output files are written atomically; long work shows
 * a progress bar on a terminal only.
 */
@Command(name = "rollout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Predict how software updates spread peer to peer through fleets of mobile devices,",
            "and validate the predictions against a simulation of the update protocol.",
            ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  internal error (please report it), or numerics that did not converge",
            "  2  bad input or usage; stderr says what was wrong and what is allowed",
            "",
            "Run 'rollout <command> --help' for the options of a command.",
            "Start with 'rollout demo': synthetic fleet -> encounter rates -> prediction ->",
            "simulation -> validation report."},
        subcommands = {CommandLine.HelpCommand.class})
public final class Rollout implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every subcommand, in the order {@code --help} lists them. */
    static List<Object> subcommands() {
        return List.of(
                new DemoCommand(),
                new RatesCommand(),
                new PredictCommand(),
                new SteadyCommand(),
                new PlanCommand(),
                new SolveCommand(),
                new SimulateCommand(),
                new ValidateCommand(),
                new SweepCommand(),
                new BenchCommand());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the configured command line; tests drive it with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Rollout());
        for (Object sub : subcommands()) {
            cl.addSubcommand(sub);
        }
        PlanCommand.withoutServerRate(cl.getSubcommands().get("plan").getCommandSpec());
        // The command list shows each command's first sentence, whole (picocli would show the first
        // description line, which may stop mid-sentence).
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
            help.subcommands().forEach((n, sub) -> rows.put(n, firstSentence(sub.commandSpec().usageMessage())));
            return help.createTextTable(rows).toString();
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Rollout::usageError);
        cl.setExecutionExceptionHandler(Rollout::executionError);
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(e.getMessage())
                + " (see '" + name + " --help')");
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        Throwable cause = e;
        if (cause instanceof InvalidInputException) {
            cmd.getErr().println(name + ": " + oneLine(OptionNames.translate(cause.getMessage(), cmd.getCommandSpec())));
            return ExitCodes.USAGE;
        }
        if (cause instanceof org.p2prollout.solver.NotConvergedException) {
            // Not a bug and not bad input: the numerics say what they reached and what to try.
            cmd.getErr().println(name + ": " + oneLine(OptionNames.translate(cause.getMessage(), cmd.getCommandSpec())));
            return ExitCodes.INTERNAL;
        }
        if (cause instanceof java.nio.file.NoSuchFileException nf) {
            cmd.getErr().println(name + ": no such file: " + nf.getFile());
            return ExitCodes.USAGE;
        }
        cmd.getErr().println(name + ": internal error: " + cause.getClass().getSimpleName()
                + ": " + oneLine(String.valueOf(cause.getMessage()))
                + (debug() ? "" : " (set ROLLOUT_DEBUG=1 for the stack trace)"));
        if (debug()) {
            cause.printStackTrace(cmd.getErr());
        }
        return ExitCodes.INTERNAL;
    }

    private static boolean debug() {
        String v = System.getenv("ROLLOUT_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** The first sentence of a command's header or description, with its full stop. */
    static String firstSentence(CommandLine.Model.UsageMessageSpec usage) {
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.+?[.:])(\\s|$)").matcher(text);
        String first = m.find() ? m.group(1) : text;
        return first.endsWith(":") ? first.substring(0, first.length() - 1) + "." : first;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        // Messages quote input (file lines, arguments): escape what could drive the terminal.
        return org.p2prollout.core.InputText.printable(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }
}
