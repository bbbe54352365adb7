package org.p2prollout.model.trace;

import org.p2prollout.solver.InvalidInputException;

/**
 * How to read a trace.
 *
 * @param format  the reader to use, or {@code null} to detect it from content
 * @param lenient skip and count malformed lines instead of stopping at the first
 * @param from    keep fixes/contacts at or after this time, seconds ({@code -Infinity}: all)
 * @param to      keep fixes/contacts at or before this time, seconds ({@code +Infinity}: all)
 * @param filter  plausibility limits for fixes
 * @param columns field mapping of whitespace contact tables
 */
public record ReadOptions(TraceFormat format, boolean lenient, double from, double to,
                          FilterOptions filter, ContactColumns columns) {
    /** Detect the format, strict, whole trace, default limits. */
    public static final ReadOptions DEFAULT = new ReadOptions(null, false, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, FilterOptions.DEFAULT, ContactColumns.DEFAULT);

    public ReadOptions {
        if (Double.isNaN(from) || Double.isNaN(to) || !(from < to)) {
            throw new InvalidInputException("--from must be before --to (seconds), got --from " + from + " --to " + to);
        }
        if (filter == null) {
            filter = FilterOptions.DEFAULT;
        }
        if (columns == null) {
            columns = ContactColumns.DEFAULT;
        }
    }

    public ReadOptions withFormat(TraceFormat f) {
        return new ReadOptions(f, lenient, from, to, filter, columns);
    }

    public ReadOptions withLenient(boolean l) {
        return new ReadOptions(format, l, from, to, filter, columns);
    }

    public ReadOptions withWindow(double f, double t) {
        return new ReadOptions(format, lenient, f, t, filter, columns);
    }
}
