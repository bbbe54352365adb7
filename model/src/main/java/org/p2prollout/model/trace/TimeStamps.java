package org.p2prollout.model.trace;

import java.math.BigDecimal;
import java.util.Locale;
import org.p2prollout.core.InvalidInputException;

/**
 * Converts a reader's raw timestamps to seconds and, when no unit was given, refuses traces
 * whose times are evidently not seconds. One instance per read; not thread-safe.
 *
 * <p>The rule (applied to every well-formed time of the input, before the {@code --from/--to}
 * window, when {@code --time-unit} was not given):
 * <ol>
 * <li>a time with {@code |t| >= 1e14} looks like microseconds (unix time in µs is about 1.2e15
 *     for 2008; 1e14 s would be three million years);</li>
 * <li>else a time with {@code |t| >= 1e11} looks like milliseconds (unix time in ms is about
 *     1.2e12; 1e11 s is the year 5138 as unix seconds, and 3,170 years as a relative time);</li>
 * <li>else times spanning more than {@value #MAX_SPAN_SECONDS} s (3.2 years, longer than any
 *     contact or mobility experiment we know of: MIT Reality ran 9 months) look like relative
 *     milliseconds (1e8 ms is 28 hours).</li>
 * </ol>
 * A trace in relative milliseconds shorter than 28 hours passes unnoticed; give
 * {@code --time-unit ms}. A genuine multi-year trace in seconds is refused; give
 * {@code --time-unit s}. Either way nothing is read in a unit the user did not accept.
 */
final class TimeStamps {
    /** |t| at or above this looks like microseconds. */
    static final double MICRO_THRESHOLD = 1e14;
    /** |t| at or above this looks like milliseconds. */
    static final double MILLI_THRESHOLD = 1e11;
    /** A span of times above this many seconds looks like milliseconds. */
    static final double MAX_SPAN_SECONDS = 1e8;

    private final TraceTimeUnit given;
    private final TraceTimeUnit unit;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double largest = -1;   // largest |t|
    private String minFile;
    private long minLine;
    private String maxFile;
    private long maxLine;
    private String largestFile;
    private long largestLine;

    /** @param given the unit given with {@code --time-unit}, or null: seconds, with detection */
    TimeStamps(TraceTimeUnit given) {
        this.given = given;
        this.unit = given == null ? TraceTimeUnit.SECONDS : given;
    }

    /** The unit applied. */
    TraceTimeUnit unit() {
        return unit;
    }

    /** {@code raw} (read at {@code file:line}) in seconds; NaN stays NaN and is not recorded. */
    double seconds(double raw, String file, long line) {
        if (raw == raw) {
            if (raw < min) {
                min = raw;
                minFile = file;
                minLine = line;
            }
            if (raw > max) {
                max = raw;
                maxFile = file;
                maxLine = line;
            }
            double a = Math.abs(raw);
            if (a > largest) {
                largest = a;
                largestFile = file;
                largestLine = line;
            }
        }
        return unit.toSeconds(raw);
    }

    /** Throws when no unit was given and the times read look like milliseconds or microseconds. */
    void check() {
        if (given != null || largest < 0) {
            return;
        }
        String what;
        String at;
        String detail;
        if (largest >= MICRO_THRESHOLD) {
            what = "microseconds";
            at = largestFile + ":" + largestLine;
            detail = "e.g. " + plain(largest == max ? max : min);
        } else if (largest >= MILLI_THRESHOLD) {
            what = "milliseconds";
            at = largestFile + ":" + largestLine;
            detail = "e.g. " + plain(largest == max ? max : min);
        } else if (max - min > MAX_SPAN_SECONDS) {
            what = "milliseconds";
            at = maxFile + ":" + maxLine;
            detail = "e.g. " + plain(max) + "; read as seconds the times would span "
                    + String.format(Locale.ROOT, "%.1f", (max - min) / (365.25 * 86_400)) + " years, from "
                    + plain(min) + " at " + minFile + ":" + minLine;
        } else {
            return;
        }
        String flag = what.equals("microseconds") ? "us" : "ms";
        throw new InvalidInputException(at + ": timestamps look like " + what + " (" + detail + "); give 'timeUnit' "
                + flag + " (or 'timeUnit' s to read them as seconds)");
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
