package org.p2prollout.protocol.adversary;

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
    LYING_BITFIELD,
    /** Opens every contact with an install report of invented failures of the genuine release,
     * under device certificates it made itself. Detected as a forged report (the certificates
     * do not verify with the publisher's key); the release is not refused. */
    FORGED_REPORTS,
    /** Holds the genuine release, announces it, and never answers piece requests for it. The
     * requests time out ({@code pieceTimeoutSeconds}), the pieces are asked of other peers and the
     * silent peer is blamed as withholding. */
    WITHHOLDING_PIECES,
    /** Holds and announces the genuine release as serving, then answers every piece request with
     * {@code NOT_SERVING}. Blamed as withholding once it does so in a second contact after
     * announcing itself serving again. */
    CLAIMING_NOT_SERVING
}
