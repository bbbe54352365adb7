package org.p2prollout.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.validation.report.ReportFiles;
import org.p2prollout.validation.report.ValidationReport;
import org.p2prollout.validation.suite.BuiltInSuites;
import org.p2prollout.validation.suite.CaseResult;
import org.p2prollout.validation.suite.Comparison;
import org.p2prollout.validation.suite.SuiteReader;
import org.p2prollout.validation.suite.SuiteResult;
import org.p2prollout.validation.suite.SuiteRunner;
import org.p2prollout.validation.suite.SuiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run a validation suite. Each case simulates a scenario R times, fits the",
            "model to the simulation's own contact log (rates pipeline) and compares:",
            "mean T_0.5, T_0.9, T_1 with the simulation's 95%% confidence interval, the",
            "coverage curve, the KS distance of the T_1 distributions, server downloads",
            "and overhead. Writes a self-contained HTML report, Markdown, CSV tables and",
            "chart PNGs.",
            "",
            "Exit code 0 when the suite ran, whatever its verdicts (see 'passed', 'failed')."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", defaultValue = "quick", paramLabel = "quick|standard|FILE",
            description = {"Built-in suite 'quick' or 'standard' (4x the replications, larger fleets; measured times",
                "in docs/PERFORMANCE.md), or a suite YAML file (see docs/VALIDATION.md). Default: ${DEFAULT-VALUE}."})
    String suite;

    @Option(names = "--out", defaultValue = "rollout-out/validate", paramLabel = "DIR",
            description = "Folder for report.html, report.md, cases.csv, comparisons.csv and charts/;"
                    + " created if missing. Default: ${DEFAULT-VALUE} (git-ignored).")
    Path out;

    @Option(names = "--shared-data", paramLabel = "DIR",
            description = {"Folder of the real traces (cabspotting-2h, cabspotting-day) for the",
                "trace-driven cases. Default: ../shared/data next to the repository if present;",
                "otherwise those cases replay a synthetic city trace and the report says so."})
    Path sharedData;

    @Override
    public Integer call() throws Exception {
        // checked before the suite runs: a report that cannot be written is found out in a second, not after an hour
        OutputFolder.check("--out", out);
        Path data = sharedData != null ? sharedData : SharedData.locate();
        if (!BuiltInSuites.NAMES.contains(suite) && !Files.isRegularFile(Path.of(suite))) {
            throw new org.p2prollout.core.InvalidInputException("--suite must be quick, standard or an existing"
                    + " suite file, got '" + suite + "'");
        }
        SuiteSpec spec = BuiltInSuites.NAMES.contains(suite) ? BuiltInSuites.byName(suite, data)
                : SuiteReader.read(Path.of(suite));
        SuiteResult result;
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            result = new SuiteRunner().run(spec, progress);
        }
        SuiteResult done = result;
        ReportFiles files = OutputFolder.write("--out", out, (folder, dir) -> published(folder, ValidationReport.write(done, dir)));
        var w = this.spec.commandLine().getOut();
        if (common.json) {
            Json.print(w, json(result, files));
            return ExitCodes.OK;
        }
        w.printf(java.util.Locale.ROOT, "suite %s: %d passed, %d failed, %d not run in %.1f s%n", result.name(), result.passed(),
                result.failed(), result.notRun(), result.seconds());
        for (CaseResult c : result.cases()) {
            Comparison t1 = c.comparison("T_1").orElse(null);
            String numbers = t1 == null ? "" : String.format(java.util.Locale.ROOT,
                    "mean T_1 predicted %.0f s, simulated %.0f s [%.0f, %.0f]", t1.predicted(), t1.simulated(),
                    t1.ciLow(), t1.ciHigh());
            w.printf(java.util.Locale.ROOT, "  %-8s %-32s %s%n", c.verdict(), c.name(), numbers);
            for (String reason : c.reasons()) {
                w.printf(java.util.Locale.ROOT, "           - %s%n", reason);
            }
        }
        for (var f : result.forecasts()) {
            w.printf(java.util.Locale.ROOT, "  %-8s %-32s trace forecast against the held-out truth%n", f.verdict(), f.name());
            for (var o : f.outcomes()) {
                StringBuilder b = new StringBuilder();
                o.meanError().forEach((k, e) -> b.append(String.format(java.util.Locale.ROOT, "  T_%s %+.0f %% (KS %.2f)", k,
                        100 * e, o.ks().get(k))));
                w.printf(java.util.Locale.ROOT, "           %-12s%s%s%n", o.model().cliName(), o.error() != null ? "  could not forecast: "
                        + o.error() : b, o.tolerance().checked() ? "" : "  (reference, not judged)");
            }
            for (String reason : f.reasons()) {
                w.printf(java.util.Locale.ROOT, "           - %s%n", reason);
            }
        }
        w.printf(java.util.Locale.ROOT, "report: %s%n", files.html());
        return ExitCodes.OK;
    }

    static Map<String, Object> json(SuiteResult result, ReportFiles files) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseResult c : result.cases()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("verdict", c.verdict().name());
            Comparison t1 = c.comparison("T_1").orElse(null);
            m.put("metric", "mean T_1 (s)");
            m.put("predicted", t1 == null ? null : finite(t1.predicted()));
            m.put("simulated", t1 == null ? null : finite(t1.simulated()));
            m.put("ciLow", t1 == null ? null : finite(t1.ciLow()));
            m.put("ciHigh", t1 == null ? null : finite(t1.ciHigh()));
            m.put("relativeError", t1 == null ? null : finite(t1.relativeError()));
            m.put("ksDistance", c.check(CaseResult.KS_T1).map(k -> finite(k.value())).orElse(null));
            m.put("pass", c.verdict() == org.p2prollout.validation.suite.Verdict.PASS);
            m.put("replications", c.replications());
            List<Map<String, Object>> comparisons = new ArrayList<>();
            for (Comparison x : c.comparisons()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("metric", x.metric());
                e.put("unit", x.unit());
                e.put("predicted", finite(x.predicted()));
                e.put("simulated", finite(x.simulated()));
                e.put("ciLow", finite(x.ciLow()));
                e.put("ciHigh", finite(x.ciHigh()));
                e.put("relativeError", finite(x.relativeError()));
                e.put("checked", x.checked());
                e.put("pass", x.pass());
                comparisons.add(e);
            }
            m.put("comparisons", comparisons);
            List<Map<String, Object>> checks = new ArrayList<>();
            c.checks().forEach(k -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", k.name());
                e.put("value", finite(k.value()));
                e.put("limit", finite(k.limit()));
                e.put("pass", k.pass());
                checks.add(e);
            });
            m.put("checks", checks);
            m.put("reasons", c.reasons());
            m.put("notes", c.notes());
            cases.add(m);
        }
        List<Map<String, Object>> forecasts = new ArrayList<>();
        for (var f : result.forecasts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("verdict", f.verdict().name());
            m.put("pass", f.verdict() == org.p2prollout.validation.suite.Verdict.PASS);
            m.put("parameters", f.parameters());
            Map<String, Object> truth = new LinkedHashMap<>();
            f.truthTimes().forEach((k, v) -> truth.put(k, times(v)));
            m.put("truth", truth);
            List<Map<String, Object>> models = new ArrayList<>();
            for (var o : f.outcomes()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("model", o.model().cliName());
                e.put("method", o.method());
                Map<String, Object> rt = new LinkedHashMap<>();
                o.times().forEach((k, v) -> rt.put(k, times(v)));
                e.put("rolloutTimes", rt);
                Map<String, Object> err = new LinkedHashMap<>();
                o.meanError().forEach((k, v) -> err.put(k, finite(v)));
                e.put("meanError", err);
                Map<String, Object> ks = new LinkedHashMap<>();
                o.ks().forEach((k, v) -> ks.put(k, finite(v)));
                e.put("ks", ks);
                e.put("checked", o.tolerance().checked());
                e.put("pass", o.pass());
                e.put("error", o.error());
                e.put("seconds", o.seconds());
                models.add(e);
            }
            m.put("models", models);
            m.put("reasons", f.reasons());
            m.put("notes", f.notes());
            m.put("seconds", f.seconds());
            forecasts.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("suite", result.name());
        root.put("cases", cases);
        root.put("forecasts", forecasts);
        root.put("passed", result.passed());
        root.put("failed", result.failed());
        root.put("notRun", result.notRun());
        root.put("seconds", result.seconds());
        root.put("report", files.html().toAbsolutePath().toString());
        root.put("markdown", files.markdown().toAbsolutePath().toString());
        root.put("csv", files.csv().stream().map(p -> p.toAbsolutePath().toString()).toList());
        return root;
    }

    private static Map<String, Object> times(org.p2prollout.model.spread.LevelTimes t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(t.mean()));
        m.put("median", finite(t.median()));
        m.put("low", finite(t.low()));
        m.put("high", finite(t.high()));
        m.put("reached", finite(t.reached()));
        return m;
    }

    /** JSON has no NaN or infinity: those become null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Where the shared real-data folder is, when it exists. */
    static final class SharedData {
        private SharedData() {
        }

        static Path locate() {
            List<Path> candidates = new ArrayList<>();
            String prop = System.getProperty("rollout.sharedData");
            if (prop != null) {
                candidates.add(Path.of(prop));
            }
            candidates.add(Path.of("../shared/data"));
            try {
                Path jar = Path.of(ValidateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                // cli/target/rollout.jar -> repository root is three levels up
                Path root = jar.getParent() == null ? null : jar.getParent().getParent();
                if (root != null && root.getParent() != null) {
                    candidates.add(root.getParent().resolve("../shared/data").normalize());
                }
            } catch (Exception e) {
                // no code source (e.g. unusual class loader): only the other candidates
            }
            return candidates.stream().filter(Files::isDirectory).findFirst().map(Path::toAbsolutePath).orElse(null);
        }
    }

    /** The report's paths once {@code folder} is published. */
    static ReportFiles published(OutputFolder folder, ReportFiles f) {
        return new ReportFiles(folder.published(f.html()), folder.published(f.markdown()), folder.published(f.csv()),
                folder.published(f.charts()));
    }
}
