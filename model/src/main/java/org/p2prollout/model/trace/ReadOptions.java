package org.p2prollout.model.trace;

import org.p2prollout.core.InvalidInputException;

/**
 * How to read a trace.
 *
 * @param format   the reader to use, or {@code null} to detect it from content
 * @param lenient  skip and count malformed lines instead of stopping at the first
 * @param from     keep fixes/contacts at or after this time, seconds ({@code -Infinity}: all);
 *                 compared with the times after conversion to seconds
 * @param to       keep fixes/contacts at or before this time, seconds ({@code +Infinity}: all)
 * @param filter   plausibility limits for fixes
 * @param columns  field mapping of whitespace contact tables
 * @param timeUnit the unit of the input's timestamps, converted to seconds on reading; {@code null}
 *                 (not given): seconds, and a trace whose times look like milliseconds or
 *                 microseconds is refused (rule: {@link TimeStamps})
 * @param devices  which devices of a contact list to keep ({@link DeviceFilter}), or {@code null}:
 *                 all (with a warning when devices that never record dominate); contact lists only
 */
public record ReadOptions(TraceFormat format, boolean lenient, double from, double to,
                          FilterOptions filter, ContactColumns columns, TraceTimeUnit timeUnit,
                          DeviceFilter devices) {
    /** Detect the format, strict, whole trace, default limits, seconds with detection, all devices. */
    public static final ReadOptions DEFAULT = new ReadOptions(null, false, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, FilterOptions.DEFAULT, ContactColumns.DEFAULT, null, null);

    public ReadOptions {
        if (Double.isNaN(from) || Double.isNaN(to) || !(from < to)) {
            throw new InvalidInputException("from must be before 'to' (seconds), got 'from' " + from + " 'to' " + to);
        }
        if (filter == null) {
            filter = FilterOptions.DEFAULT;
        }
        if (columns == null) {
            columns = ContactColumns.DEFAULT;
        }
    }

    /** Without a time unit (detected) or device filter. */
    public ReadOptions(TraceFormat format, boolean lenient, double from, double to, FilterOptions filter,
                       ContactColumns columns) {
        this(format, lenient, from, to, filter, columns, null, null);
    }

    public ReadOptions withFormat(TraceFormat f) {
        return new ReadOptions(f, lenient, from, to, filter, columns, timeUnit, devices);
    }

    public ReadOptions withLenient(boolean l) {
        return new ReadOptions(format, l, from, to, filter, columns, timeUnit, devices);
    }

    public ReadOptions withWindow(double f, double t) {
        return new ReadOptions(format, lenient, f, t, filter, columns, timeUnit, devices);
    }

    /** The timestamps' unit; null: seconds, refusing traces that look like milliseconds. */
    public ReadOptions withTimeUnit(TraceTimeUnit u) {
        return new ReadOptions(format, lenient, from, to, filter, columns, u, devices);
    }

    /** The devices to keep; null: all. */
    public ReadOptions withDevices(DeviceFilter d) {
        return new ReadOptions(format, lenient, from, to, filter, columns, timeUnit, d);
    }
}
