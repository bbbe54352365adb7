package org.p2prollout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.core.Checks;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on the built-in scenario, in under 2 minutes:",
            "a synthetic city fleet (150 cars on a 4 km x 4 km street grid, 30%% parked,",
            "2 hours, 100 m radio range) -> encounter rates -> prediction -> simulation",
            "of the protocol (ideal devices, then the reference protocol over the same",
            "city realisations) -> validation -> report. Ends with a summary per",
            "implementation: predicted and simulated rollout times, offload, overhead, the",
            "verdict; then the path of the HTML report."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "rollout-out/demo", paramLabel = "DIR",
            description = "Folder for the report (report.html, report.md, CSV, charts/); created if missing."
                    + " Default: ${DEFAULT-VALUE} (git-ignored).")
    Path out;

    @Option(names = "--replications", defaultValue = "" + Demo.REPLICATIONS, paramLabel = "R",
            description = "Simulation replications, in [2, 1000]. Default: ${DEFAULT-VALUE} (the check's KS limit is"
                    + " then the tolerance's 0.3, not a small sample's critical value).")
    int replications;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the city and the simulation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws java.io.IOException {
        Checks.inRange("--replications", replications, 2, 1000);
        OutputFolder.check("--out", out);
        Demo.Result r;
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            r = OutputFolder.write("--out", out, (folder, dir) -> {
                Demo.Result d = Demo.run(dir, replications, seed, progress);
                return new Demo.Result(d.contacts(), d.rates(), d.prediction(), d.t50(), d.t90(), d.validation(),
                        ValidateCommand.published(folder, d.report()));
            });
        }
        var w = spec.commandLine().getOut();
        if (common.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("devices", Demo.CITY.devices());
            m.put("contacts", r.contacts());
            m.put("encounterRate", ValidateCommand.finite(r.rates().rates().homogeneous().rate()));
            m.put("validation", ValidateCommand.json(r.validation(), r.report()));
            m.put("report", r.report().html().toAbsolutePath().toString());
            Json.print(w, m);
            return ExitCodes.OK;
        }
        w.printf(java.util.Locale.ROOT, "city fleet: %d devices, %d contacts in the first 2 h; encounter rate %.3g per pair per second%n",
                Demo.CITY.devices(), r.contacts(), r.rates().rates().homogeneous().rate());
        w.printf(java.util.Locale.ROOT, "rollout of a %d MB update from %d devices, server reached once per %.0f min on average%n",
                Demo.UPDATE_BYTES / 1_000_000, Demo.INITIAL_HOLDERS, 1 / Demo.SERVER_RATE / 60);
        // one block per device implementation: the same prediction against each simulation
        for (CaseResult c : r.validation().cases()) {
            w.printf(java.util.Locale.ROOT, "%s: the per-device-pair chain against the simulation%n", c.name());
            printCase(w, c);
        }
        w.printf(java.util.Locale.ROOT, "report: %s%n", r.report().html().toAbsolutePath());
        return ExitCodes.OK;
    }

    private static void printCase(java.io.PrintWriter w, CaseResult c) {
        w.printf(java.util.Locale.ROOT, "%-18s %12s %12s %22s%n", "", "predicted", "simulated", "95% CI");
        for (String metric : new String[] {"T_0.5", "T_0.9", "T_1"}) {
            c.comparison(metric).ifPresent(x -> w.printf(java.util.Locale.ROOT, "%-18s %10.0f s %10.0f s %22s%n", "mean " + metric,
                    x.predicted(), x.simulated(), String.format(java.util.Locale.ROOT, "[%.0f, %.0f] s", x.ciLow(), x.ciHigh())));
        }
        c.comparison("offload").ifPresent(x -> w.printf(java.util.Locale.ROOT, "%-18s %11.1f%% %11.1f%% %22s%n", "offload",
                100 * x.predicted(), 100 * x.simulated(),
                String.format(java.util.Locale.ROOT, "[%.1f, %.1f] %%", 100 * x.ciLow(), 100 * x.ciHigh())));
        c.comparison("overhead").ifPresent(x -> w.printf(java.util.Locale.ROOT, "%-18s %12.3f %12.3f %22s%n", "overhead", x.predicted(),
                x.simulated(), String.format(java.util.Locale.ROOT, "[%.3f, %.3f]", x.ciLow(), x.ciHigh())));
        w.printf(java.util.Locale.ROOT, "verdict: %s (%d replications)%n", c.verdict(), c.replications());
        for (String reason : c.reasons()) {
            w.printf(java.util.Locale.ROOT, "  - %s%n", reason);
        }
        if (c.reasons().isEmpty() && !"PASS".equals(String.valueOf(c.verdict()))) {
            // a verdict other than PASS always says why: the report has the checks when the case gave no reason
            w.printf(java.util.Locale.ROOT, "  - no single reason recorded; the report's checks table shows which failed%n");
        }
    }
}
