package org.p2prollout.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.rates.RateOptions;
import org.p2prollout.model.spread.FleetTrace;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.model.trace.TraceTimeUnit;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import picocli.CommandLine.Option;

/** How to read a trace for forecasting: format, contact detection and the fleet's time zone. */
final class TraceOptions {
    @Option(names = "--format", paramLabel = "F", completionCandidates = Choices.TraceFormatNames.class,
            description = "trace format, one of ${COMPLETION-CANDIDATES}; default: detected from content")
    String format;

    @Option(names = "--range", paramLabel = "M", defaultValue = "100",
            description = "radio range r in metres for contact detection, > 0 (default ${DEFAULT-VALUE})")
    double range;

    @Option(names = "--step", paramLabel = "S", defaultValue = "30",
            description = "resampling grid step, seconds, > 0 (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--max-gap", paramLabel = "S", defaultValue = "300",
            description = "longest gap between fixes to interpolate across, seconds (default ${DEFAULT-VALUE}); a device is"
                    + " absent inside longer gaps")
    double maxGap;

    @Option(names = "--time-unit", paramLabel = "U", description = "unit of the input's timestamps: s, ms or us"
            + " (default: seconds; millisecond-looking times are refused)")
    String timeUnit;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "the fleet's time zone for hours of day and days (e.g. America/Los_Angeles, UTC); default:"
                    + " America/Los_Angeles for cabspotting traces, UTC otherwise")
    String timeZone;

    @Option(names = "--lenient", description = "skip malformed lines and report how many, instead of stopping at the first")
    boolean lenient;

    ZoneId zone() {
        if (timeZone == null) {
            return null;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException("--time-zone must be a zone id such as UTC or America/Los_Angeles, got '"
                    + timeZone + "'");
        }
    }

    PipelineOptions pipeline() {
        ReadOptions read = ReadOptions.DEFAULT.withFormat(format == null ? null : TraceFormat.fromCliName(format))
                .withLenient(lenient);
        if (timeUnit != null) {
            read = read.withTimeUnit(TraceTimeUnit.fromCliName(timeUnit));
        }
        return new PipelineOptions(range, step, maxGap, read, RateOptions.DEFAULT);
    }

    FleetTrace load(Path path, ProgressListener progress) {
        if (!java.nio.file.Files.exists(path)) {
            throw new InvalidInputException("--trace: no such file or folder: " + path);
        }
        return FleetTrace.load(path, pipeline(), zone(), progress);
    }
}
