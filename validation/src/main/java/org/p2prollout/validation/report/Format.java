package org.p2prollout.validation.report;

import java.util.Locale;

/** Number formatting shared by the report writers: 4 significant digits, NaN as "n/a". */
final class Format {
    private Format() {
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1000 && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return significant(v);
    }

    /** Four significant digits without trailing zeros, e.g. 0.8, 262.5, 1.235e+06 (the tool's one formatter). */
    static String significant(double v) {
        return org.p2prollout.model.text.Quantities.significant(v, 4);
    }

    static String percent(double ratio) {
        return org.p2prollout.model.text.Quantities.percent(ratio);
    }

    static String interval(double low, double high) {
        return "[" + num(low) + ", " + num(high) + "]";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** A value for CSV: full precision, empty for NaN. */
    static String csv(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String csv(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A file-name-safe version of a case name. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "case" : s;
    }
}
