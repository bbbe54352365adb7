package org.p2prollout.model.trace;

import org.p2prollout.core.InvalidInputException;

/**
 * The unit of a trace's timestamps ({@code --time-unit}); readers convert to seconds, which is
 * what everything downstream uses. {@link ReadOptions#timeUnit()} {@code null} means "not given":
 * seconds, but a trace whose times look like milliseconds or microseconds is refused (see
 * {@link TimeStamps}) rather than silently read as seconds.
 */
public enum TraceTimeUnit {
    SECONDS("s", 1),
    MILLISECONDS("ms", 1_000),
    MICROSECONDS("us", 1_000_000);

    private final String cliName;
    private final double perSecond;

    TraceTimeUnit(String cliName, double perSecond) {
        this.cliName = cliName;
        this.perSecond = perSecond;
    }

    /** The {@code --time-unit} value: {@code s}, {@code ms} or {@code us}. */
    public String cliName() {
        return cliName;
    }

    /** Units in one second (1, 1000, 10^6). */
    public double perSecond() {
        return perSecond;
    }

    /**
     * {@code raw} in this unit as seconds. Division (not multiplication by 1e-3) so that whole
     * seconds written in milliseconds convert exactly (1211958000000 ms = 1211958000 s).
     */
    public double toSeconds(double raw) {
        return perSecond == 1 ? raw : raw / perSecond;
    }

    /** The unit named {@code name} on the command line (case-insensitive; {@code µs} accepted for us). */
    public static TraceTimeUnit fromCliName(String name) {
        String n = name == null ? "" : name.strip();
        for (TraceTimeUnit u : values()) {
            if (u.cliName.equalsIgnoreCase(n)) {
                return u;
            }
        }
        if (n.equals("µs")) {
            return MICROSECONDS;
        }
        throw new InvalidInputException("timeUnit must be one of s, ms, us, got '" + name + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
