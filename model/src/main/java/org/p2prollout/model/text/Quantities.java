package org.p2prollout.model.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one formatter of numbers in text output (command line, reports): times, sizes, counts and
 * shares, with significant digits, plurals and {@link Locale#ROOT} (a decimal point whatever the
 * machine's locale). JSON and CSV keep full precision and do not use it.
 */
public final class Quantities {
    private Quantities() {
    }

    /**
     * {@code v} to {@code digits} significant digits without trailing zeros: 103.5, 0.0012,
     * 1.235e+06 from a million, 1.2e-05 below 0.0001 (as {@code %g}); "n/a" for NaN, "inf" for infinity.
     */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            String s = String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v);
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return mantissa + s.substring(e);
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A value with 4 significant digits. */
    public static String number(double v) {
        return significant(v, 4);
    }

    /** A duration in seconds with 4 significant digits, e.g. "103.5 s". */
    public static String seconds(double s) {
        return significant(s, 4) + " s";
    }

    /** A size in bytes with SI prefixes and 3 significant digits, e.g. "512 B", "4.9 MB". */
    public static String bytes(double b) {
        if (!Double.isFinite(b)) {
            return significant(b, 3) + " B";
        }
        String[] prefixes = {"B", "kB", "MB", "GB", "TB", "PB"};
        double v = b;
        int k = 0;
        while (Math.abs(v) >= 999.5 && k < prefixes.length - 1) {
            v /= 1000;
            k++;
        }
        return significant(v, 3) + " " + prefixes[k];
    }

    /** A share in [0, 1] as a percentage with one decimal, e.g. "37.5%". */
    public static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A count with its noun, singular for exactly one: "1 case", "3 cases", "0 cases". */
    public static String count(long n, String singular) {
        return count(n, singular, plural(singular));
    }

    /** A count with its noun, given the plural for nouns that do not just take -s: "2 replies". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The English plural of a regular noun: -s, -es after s/x/ch/sh, -ies after a consonant and y. */
    static String plural(String noun) {
        if (noun.matches(".*(s|x|ch|sh)")) {
            return noun + "es";
        }
        if (noun.matches(".*[^aeiou]y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    /** "k of n nouns" with the noun agreeing with n: "0 of 1 pair", "3 of 10 pairs". */
    public static String of(long k, long n, String singular) {
        return k + " of " + count(n, singular);
    }
}
