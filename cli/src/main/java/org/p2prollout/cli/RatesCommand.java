package org.p2prollout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RateOptions;
import org.p2prollout.model.rates.RatesFiles;
import org.p2prollout.model.rates.RatesPipeline;
import org.p2prollout.model.rates.RatesRun;
import org.p2prollout.model.rates.RatesSummary;
import org.p2prollout.model.trace.ContactColumns;
import org.p2prollout.model.trace.FilterOptions;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rollout rates}: encounter rates from a mobility trace or a contact list. */
@Command(name = "rates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Derive pairwise encounter rates from a mobility trace or contact list.",
            "Positions are projected to metres and resampled every --step seconds (never",
            "across gaps longer than --max-gap); devices within --range metres are in",
            "contact. Prints the homogeneous rate, class rates, the exponential fit and",
            "contact durations; --out also writes contacts.csv, pairs.csv, summary.json",
            "and an inter-contact CCDF chart.", ""})
final class RatesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH",
            description = "trace file or directory (cabspotting: a directory of new_<cab>.txt); .gz accepted")
    Path path;

    @Option(names = "--format", paramLabel = "F",
            description = "input format: cabspotting, sumo-fcd, one-movement, one-connections, contacts-csv, "
                    + "contacts-table; default: detected from content (the choice is printed)")
    String format;

    @Option(names = "--range", paramLabel = "M", defaultValue = "100",
            description = "radio range r in metres, > 0; default ${DEFAULT-VALUE}")
    double range;

    @Option(names = "--step", paramLabel = "S", defaultValue = "30",
            description = "resampling grid step in seconds, > 0; default ${DEFAULT-VALUE}")
    double step;

    @Option(names = "--max-gap", paramLabel = "S", defaultValue = "300",
            description = "longest gap between fixes to interpolate across, seconds, >= 0; default ${DEFAULT-VALUE}")
    double maxGap;

    @Option(names = "--from", paramLabel = "T",
            description = "ignore fixes/contacts before this time (seconds on the trace's clock, e.g. unix time); default: start of the trace")
    Double from;

    @Option(names = "--to", paramLabel = "T",
            description = "ignore fixes/contacts after this time (seconds); default: end of the trace")
    Double to;

    @Option(names = "--classes", paramLabel = "C", defaultValue = "3",
            description = "number of device classes by total contact rate, 1..devices; default ${DEFAULT-VALUE}")
    int classes;

    @Option(names = "--columns", paramLabel = "A,B,S,E",
            description = "contacts-table: 1-based field numbers of device a, device b, start and end; default 1,2,3,4")
    String columns;

    @Option(names = "--max-speed", paramLabel = "V", defaultValue = "60",
            description = "fixes implying a faster move (metres per second) are glitches and dropped; default ${DEFAULT-VALUE}")
    double maxSpeed;

    @Option(names = "--max-radius", paramLabel = "M", defaultValue = "200000",
            description = "geographic fixes farther than this (metres) from the trace's median position are dropped; default ${DEFAULT-VALUE}")
    double maxRadius;

    @Option(names = "--lenient",
            description = "skip malformed lines and report how many, instead of stopping at the first")
    boolean lenient;

    @Option(names = "--out", paramLabel = "DIR",
            description = "also write contacts.csv, pairs.csv, summary.json and intercontact-ccdf.png into DIR")
    Path out;

    @Override
    public Integer call() {
        ReadOptions read = new ReadOptions(format == null ? null : TraceFormat.fromCliName(format), lenient,
                from == null ? Double.NEGATIVE_INFINITY : from, to == null ? Double.POSITIVE_INFINITY : to,
                new FilterOptions(maxSpeed, maxRadius), columns == null ? ContactColumns.DEFAULT : ContactColumns.parse(columns));
        PipelineOptions options = new PipelineOptions(range, step, maxGap, read, RateOptions.DEFAULT.withClasses(classes));
        RatesRun run;
        try (TerminalProgress progress = common.json ? TerminalProgress.quiet() : TerminalProgress.forTerminal()) {
            run = new RatesPipeline(options).run(path, progress);
        }
        List<Path> files = out == null ? List.of() : RatesFiles.write(out, run);
        var w = spec.commandLine().getOut();
        if (common.json) {
            Json.print(w, run.summary());
        } else {
            print(w, run, files);
        }
        return ExitCodes.OK;
    }

    private static void print(java.io.PrintWriter w, RatesRun run, List<Path> files) {
        RatesSummary s = run.summary();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("format", s.format() + (s.formatDetected() ? " (detected from content)" : " (--format)"));
        rows.put("devices", Long.toString(s.devices()));
        if (s.fixes() > 0) {
            rows.put("fixes", s.fixes() + " read, " + s.droppedFixes() + " dropped as implausible (" + s.droppedRegion()
                    + " outside the region, " + s.droppedSpeed() + " too fast, " + s.droppedDuplicate() + " repeated times)");
        }
        if (s.malformedLines() > 0) {
            rows.put("malformed lines", s.malformedLines() + " skipped (--lenient)");
        }
        rows.put("observed", fmt("%.0f s (%.2f h)", s.observedSeconds(), s.observedSeconds() / 3600));
        rows.put("contacts", s.contacts() + " in " + s.pairsWithContact() + " pairs (" + s.pairsObserved() + " pairs observed together)");
        rows.put("mean rate λ", s.meanRate() == null ? "n/a" : fmt("%.4g /s per pair, %.0f%% CI [%.4g, %.4g]",
                s.meanRate(), s.confidence() * 100, s.meanRateLower(), s.meanRateUpper()));
        rows.put("classes (sizes)", java.util.Arrays.toString(s.classSizes()));
        for (int c = 0; c < s.classRates().length; c++) {
            StringBuilder b = new StringBuilder();
            for (double v : s.classRates()[c]) {
                b.append(fmt(" %10.3e", v));
            }
            rows.put("class " + c + " rates /s", b.toString().strip());
        }
        rows.put("exponential fit", s.expFitShare() == null ? "no pair with enough inter-contact times"
                : fmt("%.1f%% of %d pairs not rejected (KS, 5%%)", s.expFitShare() * 100, s.pairsTested()));
        rows.put("inter-contact times", s.interContactTimes() + (s.meanInterContact() == null ? "" : fmt(", mean %.0f s", s.meanInterContact())));
        rows.put("contact duration", s.meanContactDuration() == null ? "n/a" : fmt("mean %.0f s, median %s s, 95%% %s s",
                s.meanContactDuration(), s.contactDurationQuantiles().get("0.5"), s.contactDurationQuantiles().get("0.95")));
        rows.forEach((k, v) -> w.printf("%-22s %s%n", k, v));
        for (Path f : files) {
            w.printf("%-22s %s%n", "wrote", f);
        }
        w.flush();
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
