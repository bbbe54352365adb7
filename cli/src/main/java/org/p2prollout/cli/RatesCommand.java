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
import org.p2prollout.model.trace.DeviceFilter;
import org.p2prollout.model.trace.FilterOptions;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.TraceTimeUnit;
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

    @Option(names = "--format", paramLabel = "F", completionCandidates = Choices.TraceFormatNames.class,
            description = "input format, one of ${COMPLETION-CANDIDATES}; default: detected from content (the choice"
                    + " is printed)")
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

    @Option(names = "--time-unit", paramLabel = "U",
            description = "unit of the input's timestamps: s, ms or us (converted to seconds); default: seconds, "
                    + "and a trace whose times look like milliseconds (values >= 1e11, or spanning more than 1e8 s) "
                    + "is refused rather than misread")
    String timeUnit;

    @Option(names = "--devices", paramLabel = "FILE|A..B",
            description = "contact lists: keep only these devices (a file of names, one per line, or a range of "
                    + "numeric names such as 1..41); contacts with any other device are dropped and counted")
    String devices;

    @Option(names = "--experiment-only",
            description = "contact lists: keep only devices that record themselves, i.e. appear as the observer "
                    + "(first device field) of at least one record; drops external devices merely seen")
    boolean experimentOnly;

    @Option(names = "--lenient",
            description = "skip malformed lines and report how many, instead of stopping at the first")
    boolean lenient;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "the fleet's time zone for the hour-of-day figures (default: America/Los_Angeles for cabspotting,"
                    + " UTC otherwise)")
    String timeZone;

    @Option(names = "--no-adequacy", description = "skip the adequacy figures (shuffle and co-location ratios, presence,"
            + " diurnal amplitude: a few seconds on a week of cabs)")
    boolean noAdequacy;

    @Option(names = "--out", paramLabel = "DIR",
            description = "also write contacts.csv, pairs.csv, summary.json and intercontact-ccdf.png into DIR")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputFolder.check("--out", out);
        if (devices != null && experimentOnly) {
            throw new org.p2prollout.core.InvalidInputException(
                    "give either --devices FILE|A..B or --experiment-only, not both");
        }
        DeviceFilter filter = experimentOnly ? DeviceFilter.experimentOnly()
                : devices == null ? null : DeviceFilter.parse(devices);
        ReadOptions read = new ReadOptions(format == null ? null : TraceFormat.fromCliName(format), lenient,
                from == null ? Double.NEGATIVE_INFINITY : from, to == null ? Double.POSITIVE_INFINITY : to,
                new FilterOptions(maxSpeed, maxRadius), columns == null ? ContactColumns.DEFAULT : ContactColumns.parse(columns),
                timeUnit == null ? null : TraceTimeUnit.fromCliName(timeUnit), filter);
        PipelineOptions options = new PipelineOptions(range, step, maxGap, read, RateOptions.DEFAULT.withClasses(classes));
        RatesRun run;
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            run = new RatesPipeline(options).run(path, progress);
        }
        org.p2prollout.model.forecast.Adequacy adequacy = noAdequacy ? null : adequacy(run);
        List<Path> files = out == null ? List.of() : OutputFolder.write("--out", out, (folder, dir) -> {
            List<Path> written = new java.util.ArrayList<>(RatesFiles.write(dir, run));
            if (adequacy != null) {
                Path a = dir.resolve("adequacy.json");
                org.p2prollout.core.AtomicFile.writeString(a, Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(adequacyJson(adequacy)));
                written.add(a);
            }
            return folder.published(written);
        });
        var err = spec.commandLine().getErr();
        for (String warning : run.summary().warnings()) {
            err.println("rates: warning: " + org.p2prollout.core.InputText.printable(OptionNames.translate(warning, spec)));
        }
        err.flush();
        var w = spec.commandLine().getOut();
        if (common.json) {
            var node = Json.mapper().valueToTree(run.summary());
            if (adequacy != null) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("adequacy", Json.mapper().valueToTree(
                        adequacyJson(adequacy)));
            }
            Json.print(w, node);
        } else {
            print(w, run, files);
            if (adequacy != null) {
                w.printf(Locale.ROOT, "%-22s %s%n", "adequacy", adequacy.wellMixedAllowed() ? "close to well mixed" : "not well mixed;"
                        + " forecast with --model " + adequacy.recommended().cliName() + " (rollout predict --trace)");
                for (String r : adequacy.reasons()) {
                    w.printf(Locale.ROOT, "  - %s%n", r);
                }
                w.flush();
            }
        }
        return ExitCodes.OK;
    }

    private org.p2prollout.model.forecast.Adequacy adequacy(RatesRun run) {
        var obs = run.observation();
        var net = org.p2prollout.model.spread.TemporalContacts.of(run.deviceNames(), run.contacts(), obs.observed(),
                obs.from(), obs.to());
        java.time.ZoneId zone;
        try {
            zone = timeZone != null ? java.time.ZoneId.of(timeZone)
                    : org.p2prollout.model.spread.FleetTrace.defaultZone(TraceFormat.fromCliName(run.summary().format()));
        } catch (java.time.DateTimeException e) {
            throw new org.p2prollout.core.InvalidInputException("--time-zone must be a zone id such as UTC or"
                    + " America/Los_Angeles, got '" + timeZone + "'");
        }
        boolean positions = run.summary().fixes() > 0;
        // a share over a handful of pairs says nothing: quote it from 20 tested pairs on
        Double fit = run.summary().pairsTested() >= 20 ? run.summary().expFitShare() : null;
        return org.p2prollout.model.forecast.Adequacy.assess(net, zone, positions, List.of(),
                fit == null ? Double.NaN : fit, 1000, 1);
    }

    /** {"0.5": a, "0.9": b}, NaN written as null (a ratio over a trace too small to have one). */
    private static Map<String, Object> levels(double half, double ninety) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("0.5", TracePredict.num(half));
        m.put("0.9", TracePredict.num(ninety));
        return m;
    }

    static Map<String, Object> adequacyJson(org.p2prollout.model.forecast.Adequacy a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shuffleRatio", levels(a.shuffleRatio50(), a.shuffleRatio90()));
        m.put("colocationRatio", levels(a.colocation50(), a.colocation90()));
        m.put("presenceShare", TracePredict.num(a.presenceShare()));
        m.put("diurnalAmplitude", TracePredict.num(a.diurnalAmplitude()));
        m.put("expFitShare", TracePredict.num(a.expFitShare()));
        m.put("wellMixedTooFast", levels(a.wellMixedFactor50(), a.wellMixedFactor90()));
        m.put("wellMixedAllowed", a.wellMixedAllowed());
        m.put("recommended", a.recommended().cliName());
        m.put("reasons", a.reasons());
        return m;
    }

    private static void print(java.io.PrintWriter w, RatesRun run, List<Path> files) {
        RatesSummary s = run.summary();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("format", s.format() + (s.formatDetected() ? " (detected from content)" : " (--format)"));
        rows.put("devices", s.deviceFilter() == null ? Long.toString(s.devices())
                : s.devices() + " kept (" + s.deviceFilter() + "; " + s.devicesDropped() + " dropped, with "
                + s.contactsDropped() + " contacts)");
        if (!"s".equals(s.timeUnit())) {
            rows.put("time unit", s.timeUnit() + " (--time-unit), converted to seconds");
        }
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
                : (org.p2prollout.model.text.Quantities.percent(s.expFitShare()) + " of "
                        + org.p2prollout.model.text.Quantities.count(s.pairsTested(), "pair") + " not rejected (KS, 5%)"));
        rows.put("inter-contact times", s.interContactTimes() + (s.meanInterContact() == null ? "" : fmt(", mean %.0f s", s.meanInterContact())));
        rows.put("contact duration", s.meanContactDuration() == null ? "n/a" : fmt("mean %.0f s, median %s s, 95%% %s s",
                s.meanContactDuration(), s.contactDurationQuantiles().get("0.5"), s.contactDurationQuantiles().get("0.95")));
        rows.forEach((k, v) -> w.printf(Locale.ROOT, "%-22s %s%n", k, v));
        for (Path f : files) {
            w.printf(Locale.ROOT, "%-22s %s%n", "wrote", f);
        }
        w.flush();
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
