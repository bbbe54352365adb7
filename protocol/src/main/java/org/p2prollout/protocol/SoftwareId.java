package org.p2prollout.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Name of a piece of software, e.g. {@code "firmware"} or {@code "libtls"}. On the wire: one
 * length byte then the UTF-8 bytes, so the UTF-8 form is 1 to 255 bytes long.
 *
 * @param name non-blank; at most 255 bytes in UTF-8
 */
public record SoftwareId(String name) implements Comparable<SoftwareId> {
    public SoftwareId {
        Objects.requireNonNull(name, "name");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (name.isBlank() || bytes > 255) {
            throw new IllegalArgumentException(
                    "software name must be non-blank and at most 255 UTF-8 bytes, got '" + name + "'");
        }
    }

    public static SoftwareId of(String name) {
        return new SoftwareId(name);
    }

    /** Length of {@link #name} in UTF-8 bytes, 1..255. */
    public int utf8Length() {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public int compareTo(SoftwareId o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
