package org.p2prollout.core;

/**
 * Parameter checks shared by every module. Each throws {@link InvalidInputException} whose
 * message names the parameter, its allowed range and the value received, so that the
 * command line can print it as the one-line reason for exit code 2.
 */
public final class Checks {
    private Checks() {
    }

    /** A finite value {@code >= 0}, e.g. a rate per second. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A finite value {@code > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** A probability in the closed interval [0, 1]. */
    public static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException(name + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** A value in the half-open interval (0, 1], e.g. a coverage fraction q. */
    public static double fractionAboveZero(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidInputException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /** An integer in the closed interval [min, max]. */
    public static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            String range = max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? ">= " + min : "in [" + min + ", " + max + "]";
            throw new InvalidInputException(name + " must be an integer " + range + ", got " + value);
        }
        return value;
    }

    /** An integer in the closed interval [min, max], as an int. */
    public static int inRange(String name, int value, int min, int max) {
        return (int) inRange(name, (long) value, min, (long) max);
    }
}
