package org.p2prollout.model.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;

/**
 * Reads the cabspotting (CRAWDAD epfl/mobility) set: a directory of {@code new_<cab>.txt} files
 * (optionally gzip), lines {@code latitude longitude occupied unix_time}, newest-first or
 * oldest-first, LF or CRLF. One file per cab; the cab name is the file name between
 * {@code new_} and {@code .txt}. Files are streamed one line at a time.
 */
public final class CabspottingReader {
    private CabspottingReader() {
    }

    /** The cab files of a directory (or the single file given), sorted by name. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!isCabFile(path)) {
                throw new InvalidInputException(path + ": a cabspotting file must be named new_<cab>.txt");
            }
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            List<Path> files = s.filter(CabspottingReader::isCabFile).sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException(path + ": the directory holds no new_<cab>.txt files (cabspotting traces)");
            }
            return files;
        }
    }

    static boolean isCabFile(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("new_") && (n.endsWith(".txt") || n.endsWith(".txt.gz")) && !Files.isDirectory(p);
    }

    static String cabName(Path p) {
        String n = p.getFileName().toString();
        return n.substring(4, n.lastIndexOf(".txt"));
    }

    /**
     * Reads every cab file of {@code path} into {@code sink}, times in seconds (refusing times that
     * look like milliseconds, see {@link TimeStamps}); returns malformed lines skipped.
     */
    public static long read(Path path, TraceBuilder sink, boolean lenient, ProgressListener progress) throws IOException {
        return read(path, sink, lenient, null, progress);
    }

    /**
     * Reads every cab file of {@code path} into {@code sink}, converting times from {@code unit}
     * to seconds ({@code null}: seconds, refusing times that look like milliseconds); returns
     * malformed lines skipped.
     */
    public static long read(Path path, TraceBuilder sink, boolean lenient, TraceTimeUnit unit, ProgressListener progress)
            throws IOException {
        List<Path> files = files(path);
        TimeStamps clock = new TimeStamps(unit);
        LineErrors errors = new LineErrors(lenient);
        LineFields f = new LineFields(' ');
        for (int k = 0; k < files.size(); k++) {
            Path file = files.get(k);
            int device = sink.device(cabName(file));
            String name = file.toString();
            try (BufferedReader r = TraceInput.openReader(file)) {
                String line;
                long no = 0;
                while ((line = r.readLine()) != null) {
                    no++;
                    int n = f.split(line);
                    if (n == 0) {
                        continue;
                    }
                    if (n != 4) {
                        errors.malformed(name, no, "expected 4 fields 'latitude longitude occupied unix_time', got " + n);
                        continue;
                    }
                    double lat = f.number(0);
                    double lon = f.number(1);
                    double occ = f.number(2);
                    double time = clock.seconds(f.number(3), name, no);
                    if (Double.isNaN(lat) || Double.isNaN(lon)) {
                        errors.malformed(name, no, "expected latitude and longitude in degrees, got '" + f.text(0) + " " + f.text(1) + "'");
                    } else if (occ != 0 && occ != 1) {
                        errors.malformed(name, no, "expected occupied flag 0 or 1 in field 3, got '" + f.text(2) + "'");
                    } else if (Double.isNaN(time)) {
                        errors.malformed(name, no, "expected unix time in field 4, got '" + f.text(3) + "'");
                    } else {
                        sink.add(device, time, lat, lon);
                    }
                }
            }
            progress.progress(k + 1, files.size(), "reading cab files");
        }
        clock.check();
        return errors.skipped();
    }
}
