package org.p2prollout.validation.protocol.adversary;

/** What a {@link HostileNode} does wrong; otherwise it behaves like an honest device. */
public enum Attack {
    /** Announces a newer release of the victim's software whose manifest is signed with a key
     * other than the publisher's, and serves that manifest. Detected as a forged manifest. */
    FORGED_MANIFEST,
    /** Answers manifest requests with a manifest whose piece hashes were replaced (re-signed by
     * the attacker): its digest is not the one requested. Detected as a forged manifest. */
    SUBSTITUTED_MANIFEST,
    /** Flips a byte in every piece it sends. Detected by the SHA-256 check. */
    TAMPERED_PIECES,
    /** Announces its installed releases with a newer version number than their signed manifests
     * say (an older version announced as new). Detected when the manifest is checked. */
    STALE_VERSION,
    /** Announces a release it does not hold as installed and answers piece requests for it with
     * {@code NOT_HELD}. Detected as a lying bitfield. */
    LYING_BITFIELD
}
