package org.p2prollout.model.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.p2prollout.core.InvalidInputException;

/**
 * Tells the format of a trace from its content (the first lines), so {@code --format} is
 * rarely needed. Rules, in order: a directory or a {@code new_<cab>.txt} file is cabspotting; a
 * file starting with {@code <} is SUMO FCD XML; {@code time CONN a b up|down} lines are ONE
 * connection events; a 6-number header followed by 4-field lines is ONE movement; comma
 * separated lines are a contact CSV; 4 whitespace fields {@code lat lon 0|1 time} with
 * fractional degrees are a single cab file; other lines of 4 or more fields with numeric
 * third and fourth fields are a contact table.
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    /** The detected format of {@code path}. */
    public static TraceFormat detect(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new InvalidInputException("no such file or directory: " + path);
        }
        if (Files.isDirectory(path) || CabspottingReader.isCabFile(path)) {
            return TraceFormat.CABSPOTTING;
        }
        List<String> head = TraceInput.head(path, 8);
        head.removeIf(l -> l.startsWith("#") || l.startsWith("%"));
        if (head.isEmpty()) {
            throw new InvalidInputException(path + ": the file is empty; a trace needs fixes or contacts");
        }
        String first = head.get(0);
        if (first.startsWith("<")) {
            return TraceFormat.SUMO_FCD;
        }
        LineFields ws = new LineFields(' ');
        for (String l : head) {
            if (ws.split(l) >= 2 && ws.text(1).equals("CONN")) {
                return TraceFormat.ONE_CONNECTIONS;
            }
        }
        if (ws.split(first) == 6 && allNumbers(ws, 6) && head.size() > 1 && ws.split(head.get(1)) == 4) {
            return TraceFormat.ONE_MOVEMENT;
        }
        if (first.indexOf(',') >= 0) {
            return TraceFormat.CONTACTS_CSV;
        }
        String sample = head.get(head.size() > 1 ? 1 : 0);
        int n = ws.split(sample);
        if (n == 4 && allNumbers(ws, 4) && (ws.number(2) == 0 || ws.number(2) == 1)
                && Math.abs(ws.number(0)) <= 90 && Math.abs(ws.number(1)) <= 180 && ws.text(0).contains(".")) {
            return TraceFormat.CABSPOTTING;
        }
        if (n >= 4 && !Double.isNaN(ws.number(2)) && !Double.isNaN(ws.number(3))) {
            return TraceFormat.CONTACTS_TABLE;
        }
        throw new InvalidInputException(path + ": cannot tell the trace format from its first lines; give 'format' (one of "
                + TraceFormat.names() + ")");
    }

    private static boolean allNumbers(LineFields f, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(f.number(i))) {
                return false;
            }
        }
        return true;
    }
}
