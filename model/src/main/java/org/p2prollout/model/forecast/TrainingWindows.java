package org.p2prollout.model.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.p2prollout.core.InvalidInputException;

/**
 * Windows of a trace's clock given as text ({@code --train}, {@code --test}): comma-separated items,
 * each a local calendar day ({@code 2008-05-19}), a range of days inclusive
 * ({@code 2008-05-19..2008-05-22}), a range of local date-times ({@code 2008-05-19T06:00..2008-05-20T06:00})
 * or of epoch seconds ({@code 1211180400..1211266800}). Days and date-times are read in the fleet's
 * time zone. The result is sorted and checked: items must not overlap.
 */
public final class TrainingWindows {
    private TrainingWindows() {
    }

    /**
     * @param option the option's name, for messages
     * @param spec   the text
     * @param zone   the fleet's time zone
     * @return windows {from, to} in seconds, sorted
     */
    public static List<double[]> parse(String option, String spec, ZoneId zone) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException(option + " needs a day (2008-05-19), a range of days (2008-05-19..2008-05-22),"
                    + " date-times or epoch seconds; got nothing");
        }
        List<double[]> out = new ArrayList<>();
        for (String item : spec.split(",")) {
            String s = item.strip();
            int dots = s.indexOf("..");
            double[] w;
            if (dots < 0) {
                LocalDate d = day(option, s);
                w = new double[] {start(d, zone), start(d.plusDays(1), zone)};
            } else {
                String a = s.substring(0, dots).strip();
                String b = s.substring(dots + 2).strip();
                if (isNumber(a) && isNumber(b)) {
                    w = new double[] {Double.parseDouble(a), Double.parseDouble(b)};
                } else if (a.contains("T") || b.contains("T")) {
                    w = new double[] {dateTime(option, a, zone), dateTime(option, b, zone)};
                } else {
                    w = new double[] {start(day(option, a), zone), start(day(option, b).plusDays(1), zone)};
                }
            }
            if (!(w[1] > w[0])) {
                throw new InvalidInputException(option + ": '" + s + "' ends before it starts");
            }
            out.add(w);
        }
        out.sort((p, q) -> Double.compare(p[0], q[0]));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i)[0] < out.get(i - 1)[1]) {
                throw new InvalidInputException(option + ": windows overlap in '" + spec + "'");
            }
        }
        return out;
    }

    /**
     * The windows cut to the trace's span {@code [from, to]}. A window may stick out of the trace (a
     * fleet whose first device appears at 10 am, a day given as a whole): the part outside is cut
     * off and a warning added to {@code warnings}. A window the trace covers for less than half of its
     * length is refused: the trace is shorter than the window.
     *
     * @throws InvalidInputException naming the option, the window and the trace's span
     */
    public static List<double[]> clip(String option, List<double[]> windows, double from, double to, ZoneId zone,
                                      List<String> warnings) {
        List<double[]> out = new ArrayList<>();
        for (double[] w : windows) {
            double a = Math.max(w[0], from);
            double b = Math.min(w[1], to);
            String span = describe(new double[] {from, to}, zone);
            if (!(b > a)) {
                throw new InvalidInputException(option + " " + describe(w, zone) + " lies outside the trace, which spans "
                        + span);
            }
            if (b - a < 0.5 * (w[1] - w[0])) {
                throw new InvalidInputException(String.format(java.util.Locale.ROOT, "%s %s: the trace covers only %.1f h"
                        + " of its %.1f h (the trace spans %s); give a window the trace covers", option, describe(w, zone),
                        (b - a) / 3600, (w[1] - w[0]) / 3600, span));
            }
            if (a > w[0] + 1 || b < w[1] - 1) {
                warnings.add(option + " " + describe(w, zone) + " cut to the trace: " + describe(new double[] {a, b}, zone));
            }
            out.add(new double[] {a, b});
        }
        return out;
    }

    /** The whole local days within {@code [from, to]}, each {from, to}. */
    public static List<double[]> wholeDays(double from, double to, ZoneId zone) {
        List<double[]> out = new ArrayList<>();
        LocalDate d = Instant.ofEpochSecond((long) Math.floor(from)).atZone(zone).toLocalDate();
        while (true) {
            double a = start(d, zone);
            double b = start(d.plusDays(1), zone);
            if (a >= to) {
                break;
            }
            if (a >= from - 1 && b <= to + 1) {
                out.add(new double[] {a, b});
            }
            d = d.plusDays(1);
        }
        return out;
    }

    /** Splits windows at local midnights (the days a bootstrap resamples). */
    public static List<double[]> byDay(List<double[]> windows, ZoneId zone) {
        List<double[]> out = new ArrayList<>();
        for (double[] w : windows) {
            double a = w[0];
            while (a < w[1]) {
                LocalDate d = Instant.ofEpochSecond((long) Math.floor(a)).atZone(zone).toLocalDate();
                double b = Math.min(w[1], start(d.plusDays(1), zone));
                if (b <= a) {
                    b = w[1];
                }
                out.add(new double[] {a, b});
                a = b;
            }
        }
        return out;
    }

    /** A window as local date-times, e.g. "2008-05-19T00:00..2008-05-23T00:00 (America/Los_Angeles)". */
    public static String describe(double[] w, ZoneId zone) {
        return local(w[0], zone) + ".." + local(w[1], zone) + " (" + zone + ")";
    }

    private static String local(double t, ZoneId zone) {
        return Instant.ofEpochSecond((long) Math.floor(t)).atZone(zone).toLocalDateTime().toString();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static LocalDate day(String option, String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + ": '" + s + "' is not a day (YYYY-MM-DD), a range FROM..TO, date-times"
                    + " (YYYY-MM-DDTHH:MM) or epoch seconds");
        }
    }

    private static double dateTime(String option, String s, ZoneId zone) {
        try {
            return LocalDateTime.parse(s).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return start(LocalDate.parse(s), zone);
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException(option + ": '" + s + "' is not a date-time (YYYY-MM-DDTHH:MM)");
            }
        }
    }

    static double start(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toEpochSecond();
    }
}
