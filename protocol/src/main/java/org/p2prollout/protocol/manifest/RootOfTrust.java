package org.p2prollout.protocol.manifest;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A device's current {@link TrustRoot} and the checks it makes with it: which manifests it
 * admits, and which next root it accepts (TUF's rotation rule: version + 1, signed by a
 * threshold of the current root keys and by a threshold of the new root's own keys). One per
 * device; not shared.
 */
public final class RootOfTrust {
    /** Why a manifest is not admitted. */
    public enum Verdict {
        ADMITTED,
        /** No publisher key of the current root signed it (forged, or signed by a revoked key). */
        BAD_SIGNATURE,
        /** Past its own expiry, or the root's: an old release replayed (freeze). */
        EXPIRED,
        /** Issued later than this device's clock allows. */
        NOT_YET_VALID,
        /** Its version is above the root's ceiling. */
        ABOVE_CEILING
    }

    private SignedRoot current;

    private RootOfTrust(SignedRoot initial) {
        this.current = initial;
    }

    /**
     * Trusts {@code initial} (installed at manufacture), provided a threshold of its own root keys
     * signed it.
     */
    public static RootOfTrust initial(SignedRoot initial) {
        Objects.requireNonNull(initial, "initial");
        if (initial.validSignaturesBy(initial.root().rootKeys()) < initial.root().threshold()) {
            throw new IllegalArgumentException("the initial root lacks " + initial.root().threshold() + " valid root signatures");
        }
        return new RootOfTrust(initial);
    }

    public TrustRoot root() {
        return current.root();
    }

    /**
     * Moves to {@code next} if it is the next version, signed by a threshold of the current root
     * keys and a threshold of its own; returns null on success, else why it was refused.
     */
    public String update(SignedRoot next) {
        TrustRoot now = current.root();
        TrustRoot n = next.root();
        if (n.version() != now.version() + 1) {
            return "root version " + n.version() + " does not follow " + now.version();
        }
        if (next.validSignaturesBy(now.rootKeys()) < now.threshold()) {
            return "root " + n.version() + " lacks " + now.threshold() + " signatures of the current root keys";
        }
        if (next.validSignaturesBy(n.rootKeys()) < n.threshold()) {
            return "root " + n.version() + " lacks " + n.threshold() + " signatures of its own root keys";
        }
        current = next;
        return null;
    }

    /**
     * Whether {@code m} may be installed at {@code nowMillis} on this device's clock, allowing
     * {@code skewMillis} of clock difference for the issue time.
     */
    public Verdict admit(SignedManifest m, long nowMillis, long skewMillis) {
        TrustRoot r = current.root();
        boolean signed = false;
        for (PublicKey k : r.publisherKeys()) {
            if (m.verify(k)) {
                signed = true;
                break;
            }
        }
        if (!signed) {
            return Verdict.BAD_SIGNATURE;
        }
        return checkTimesAndCeiling(m.manifest(), r, nowMillis, skewMillis);
    }

    /** The time and ceiling checks alone; {@code root} null: times only (a device without a root). */
    public static Verdict checkTimesAndCeiling(Manifest m, TrustRoot root, long nowMillis, long skewMillis) {
        if (nowMillis >= m.expiresAtMillis() || (root != null && nowMillis >= root.expiresAtMillis())) {
            return Verdict.EXPIRED;
        }
        if (m.issuedAtMillis() > nowMillis + skewMillis) {
            return Verdict.NOT_YET_VALID;
        }
        if (root != null && m.version().compareTo(root.versionCeiling()) > 0) {
            return Verdict.ABOVE_CEILING;
        }
        return Verdict.ADMITTED;
    }

    /** Whether a publisher key of the current root signed {@code certificate}. */
    public boolean certifies(DeviceCertificate certificate) {
        for (PublicKey k : current.root().publisherKeys()) {
            if (certificate.verify(k)) {
                return true;
            }
        }
        return false;
    }
}
