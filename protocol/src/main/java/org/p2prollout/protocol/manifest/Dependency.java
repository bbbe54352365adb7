package org.p2prollout.protocol.manifest;

import java.util.Objects;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;

/**
 * A release needs {@code software} installed at version {@code minimum} or newer before it can be
 * installed. On the wire: the name (1 + UTF-8 bytes) then the version (6 bytes).
 */
public record Dependency(SoftwareId software, Version minimum) {
    public Dependency {
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(minimum, "minimum");
    }

    /** Whether an installed {@code version} of {@link #software} satisfies this dependency. */
    public boolean satisfiedBy(Version version) {
        return version != null && version.compareTo(minimum) >= 0;
    }

    public int encodedSize() {
        return 1 + software.utf8Length() + 6;
    }
}
