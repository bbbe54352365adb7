package org.p2prollout.model.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.p2prollout.core.ProgressListener;

/**
 * The one entry point for reading any supported trace: picks the reader from
 * {@link ReadOptions#format()} or {@link FormatDetector detects} it, streams the input, and
 * returns positions ({@link Trace}, projected to metres and filtered) or contacts
 * ({@link ContactTrace}). {@link TraceData#detected()} says whether the format was detected.
 */
public final class TraceReaders {
    private TraceReaders() {
    }

    /**
     * Reads {@code path}.
     *
     * @throws org.p2prollout.core.InvalidInputException on a malformed line (unless lenient),
     *         an empty or one-device trace, or an undetectable format
     * @throws UncheckedIOException when the file cannot be read
     */
    public static TraceData read(Path path, ReadOptions options, ProgressListener progress) {
        if (!java.nio.file.Files.exists(path)) {
            throw new org.p2prollout.core.InvalidInputException("no such file or directory: " + path);
        }
        try {
            boolean detected = options.format() == null;
            TraceFormat format = detected ? FormatDetector.detect(path) : options.format();
            if (format.isContactList()) {
                return ContactListReader.read(path, format, detected, options);
            }
            if (options.devices() != null) {
                throw new org.p2prollout.core.InvalidInputException(path + ": " + options.devices().describe()
                        + " applies to contact lists (one-connections, contacts-csv, contacts-table); this is a "
                        + format.cliName() + " position trace");
            }
            TraceBuilder builder = new TraceBuilder(options.from(), options.to());
            String source = path.toString();
            return switch (format) {
                case CABSPOTTING -> {
                    long bad = CabspottingReader.read(path, builder, options.lenient(), options.timeUnit(), progress);
                    yield builder.build(source, format, detected, CoordinateKind.GEO, options.filter(), bad);
                }
                case SUMO_FCD -> {
                    SumoFcdReader.Result r = SumoFcdReader.read(path, builder, options.lenient(), options.timeUnit(), progress);
                    yield builder.build(source, format, detected, r.coordinates(), options.filter(), r.malformedLines());
                }
                case ONE_MOVEMENT -> {
                    long bad = OneMovementReader.read(path, builder, options.lenient(), options.timeUnit());
                    yield builder.build(source, format, detected, CoordinateKind.METRES, options.filter(), bad);
                }
                default -> throw new IllegalStateException("no position reader for " + format);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
