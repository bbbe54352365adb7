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

    int count() {
        return count;
    }

    String text(int i) {
        return line.substring(starts[i], ends[i]);
    }

    /** The field as a finite double, or NaN when it is not a finite number. */
    double number(int i) {
        if (ends[i] == starts[i]) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text(i));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
