package org.p2prollout.protocol;

import java.util.Comparator;

/**
 * A release version {@code major.minor.patch}, ordered component by component. On the wire: three
 * unsigned 16-bit integers (6 bytes).
 *
 * @param major in [0, 65535]
 * @param minor in [0, 65535]
 * @param patch in [0, 65535]
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {
    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor).thenComparingInt(Version::patch);

    public Version {
        check("major", major);
        check("minor", minor);
        check("patch", patch);
    }

    private static void check(String name, int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("version " + name + " must be in [0, 65535], got " + v);
        }
    }

    public static Version of(int major, int minor, int patch) {
        return new Version(major, minor, patch);
    }

    /** Parses {@code "1.2.3"}; throws {@link IllegalArgumentException} on anything else. */
    public static Version parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("version must look like 'major.minor.patch', got '" + text + "'");
        }
        try {
            return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version must look like 'major.minor.patch', got '" + text + "'", e);
        }
    }

    public boolean isNewerThan(Version other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Version o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
