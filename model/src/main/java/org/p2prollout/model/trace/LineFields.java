package org.p2prollout.model.trace;

/**
 * Splits a line into fields without regular expressions or per-field allocation beyond the
 * substrings parsed; one instance is reused for every line of a file.
 */
final class LineFields {
    private final char separator;
    private String line;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;

    /** @param separator a separator character, or {@code ' '} for runs of spaces and tabs */
    LineFields(char separator) {
        this.separator = separator;
    }

    /** Splits {@code line}; returns the number of fields. */
    int split(String line) {
        this.line = line;
        count = 0;
        int n = line.length();
        if (separator == ' ') {
            int i = 0;
            while (i < n) {
                while (i < n && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int s = i;
                while (i < n && !isBlank(line.charAt(i))) {
                    i++;
                }
                add(s, i);
            }
        } else {
            int s = 0;
            for (int i = 0; i <= n; i++) {
                if (i == n || line.charAt(i) == separator) {
                    int a = s;
                    int b = i;
                    while (a < b && isBlank(line.charAt(a))) {
                        a++;
                    }
                    while (b > a && isBlank(line.charAt(b - 1))) {
                        b--;
                    }
                    add(a, b);
                    s = i + 1;
                }
            }
        }
        return count;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private void add(int s, int e) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        count++;
    }

    /**
     * Parses {@code [-+]digits[.digits]} with at most 15 significant digits exactly as
     * {@link Double#parseDouble} would (the integer mantissa and the power of ten are both exact
     * doubles and IEEE division rounds correctly), without allocating; NaN for anything else,
     * which then takes the slow path. Reading speed of multi-million-line traces depends on it.
     */
    static double plainDecimal(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
            if (digits > 15) {
                return Double.NaN;
            }
        }
        boolean anyDigit = to - from > (negative || s.charAt(from) == '+' ? 1 : 0) + (fraction >= 0 ? 1 : 0);
        if (!anyDigit || fraction > 22) {
            return Double.NaN;
        }
        double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -v : v;
    }

    int count() {
        return count;
    }

    String text(int i) {
        return line.substring(starts[i], ends[i]);
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** The field as a finite double, or NaN when it is not a finite number. */
    double number(int i) {
        if (ends[i] == starts[i]) {
            return Double.NaN;
        }
        double fast = plainDecimal(line, starts[i], ends[i]);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        try {
            double v = Double.parseDouble(text(i));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
