package org.p2prollout.protocol.node;

import java.util.Objects;
import org.p2prollout.core.Checks;
import org.p2prollout.protocol.selection.PiecePolicy;

/**
 * Settings of one device's protocol. Build with {@link #builder()}; {@link #defaults()} gives the
 * documented defaults.
 *
 * @param frameHeaderBytes bytes added to every message's encoding to model lower-layer headers
 *                         (>= 0; default 0)
 * @param policy piece-selection policy (default {@link PiecePolicy#RAREST_FIRST})
 * @param maxOutstandingPerPeer piece requests in flight to one peer at a time (>= 1; default 2:
 *                              one being answered and one queued behind it keeps a link busy)
 * @param installFailureProbability probability that installing a complete release fails and is
 *                                  rolled back, in [0, 1] (default 0)
 * @param failureShareThreshold a release is refused once the share of failed installs among the
 *                              reports this device knows exceeds this, in [0, 1] (default 0.5)
 * @param minReportsForRefusal ...and at least this many reports are known (>= 1; default 3)
 * @param metLastCount how many recently met devices an announcement names (>= 0; default 8)
 * @param rememberedPeers how many peers' last announcements are kept for rarest-first and
 *                        encounter-aware selection (>= 0; default 32)
 * @param maxGossipOutcomes install outcomes sent per contact, most recently learned first
 *                          (>= 0; default 16)
 * @param maxRememberedOutcomes install outcomes remembered, oldest forgotten first, so the
 *                              failure share is over the latest ones (>= 1; default 64: about
 *                              100 bytes each, which matters with 100,000 devices in one heap)
 * @param serving whether the device uploads pieces (false = free rider; default true)
 * @param maxClockSkewSeconds how far ahead of this device's clock a signed install time may
 *                            be before the outcome counts as forged (seconds, >= 0; default 300)
 * @param authenticatePeers whether a contact starts with a {@code Hello} each way and nothing
 *                          from a peer is used until its hello verifies (needs a device
 *                          identity; the server is exempt; default false)
 * @param pieceTimeoutSeconds a piece request not answered within this time (seconds, &gt; 0,
 *                            infinity = never; default 120) is withdrawn: the piece is asked of
 *                            another peer and the silent peer is blamed (see DeviceNode); set it
 *                            above the longest transfer time of one piece on the link
 */
public record ProtocolConfig(int frameHeaderBytes, PiecePolicy policy, int maxOutstandingPerPeer,
                             double installFailureProbability, double failureShareThreshold,
                             int minReportsForRefusal, int metLastCount, int rememberedPeers,
                             int maxGossipOutcomes, int maxRememberedOutcomes, boolean serving,
                             double maxClockSkewSeconds, double pieceTimeoutSeconds, boolean authenticatePeers) {
    public ProtocolConfig {
        Checks.inRange("frameHeaderBytes", frameHeaderBytes, 0, 1 << 20);
        Objects.requireNonNull(policy, "policy");
        Checks.inRange("maxOutstandingPerPeer", maxOutstandingPerPeer, 1, 1 << 16);
        Checks.probability("installFailureProbability", installFailureProbability);
        Checks.probability("failureShareThreshold", failureShareThreshold);
        Checks.inRange("minReportsForRefusal", minReportsForRefusal, 1, Integer.MAX_VALUE);
        Checks.inRange("metLastCount", metLastCount, 0, 0xFFFF);
        Checks.inRange("rememberedPeers", rememberedPeers, 0, Integer.MAX_VALUE);
        Checks.inRange("maxGossipOutcomes", maxGossipOutcomes, 0, 0xFFFF);
        Checks.inRange("maxRememberedOutcomes", maxRememberedOutcomes, 1, Integer.MAX_VALUE);
        Checks.nonNegative("maxClockSkewSeconds", maxClockSkewSeconds);
        if (!(pieceTimeoutSeconds > 0)) {
            throw new org.p2prollout.core.InvalidInputException("pieceTimeoutSeconds must be > 0 (or infinity), got "
                    + pieceTimeoutSeconds);
        }
    }

    public static ProtocolConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.frameHeaderBytes = frameHeaderBytes;
        b.policy = policy;
        b.maxOutstandingPerPeer = maxOutstandingPerPeer;
        b.installFailureProbability = installFailureProbability;
        b.failureShareThreshold = failureShareThreshold;
        b.minReportsForRefusal = minReportsForRefusal;
        b.metLastCount = metLastCount;
        b.rememberedPeers = rememberedPeers;
        b.maxGossipOutcomes = maxGossipOutcomes;
        b.maxRememberedOutcomes = maxRememberedOutcomes;
        b.serving = serving;
        b.maxClockSkewSeconds = maxClockSkewSeconds;
        b.pieceTimeoutSeconds = pieceTimeoutSeconds;
        b.authenticatePeers = authenticatePeers;
        return b;
    }

    /** Mutable builder; every setter is optional. */
    public static final class Builder {
        private int frameHeaderBytes = 0;
        private PiecePolicy policy = PiecePolicy.RAREST_FIRST;
        private int maxOutstandingPerPeer = 2;
        private double installFailureProbability = 0;
        private double failureShareThreshold = 0.5;
        private int minReportsForRefusal = 3;
        private int metLastCount = 8;
        private int rememberedPeers = 32;
        private int maxGossipOutcomes = 16;
        private int maxRememberedOutcomes = 64;
        private boolean serving = true;
        private double maxClockSkewSeconds = 300;
        private double pieceTimeoutSeconds = 120;
        private boolean authenticatePeers = false;

        public Builder frameHeaderBytes(int v) {
            frameHeaderBytes = v;
            return this;
        }

        public Builder policy(PiecePolicy v) {
            policy = v;
            return this;
        }

        public Builder maxOutstandingPerPeer(int v) {
            maxOutstandingPerPeer = v;
            return this;
        }

        public Builder installFailureProbability(double v) {
            installFailureProbability = v;
            return this;
        }

        public Builder failureShareThreshold(double v) {
            failureShareThreshold = v;
            return this;
        }

        public Builder minReportsForRefusal(int v) {
            minReportsForRefusal = v;
            return this;
        }

        public Builder metLastCount(int v) {
            metLastCount = v;
            return this;
        }

        public Builder rememberedPeers(int v) {
            rememberedPeers = v;
            return this;
        }

        public Builder maxGossipOutcomes(int v) {
            maxGossipOutcomes = v;
            return this;
        }

        public Builder maxRememberedOutcomes(int v) {
            maxRememberedOutcomes = v;
            return this;
        }

        public Builder serving(boolean v) {
            serving = v;
            return this;
        }

        public Builder maxClockSkewSeconds(double v) {
            maxClockSkewSeconds = v;
            return this;
        }

        public Builder pieceTimeoutSeconds(double v) {
            pieceTimeoutSeconds = v;
            return this;
        }

        public Builder authenticatePeers(boolean v) {
            authenticatePeers = v;
            return this;
        }

        public ProtocolConfig build() {
            return new ProtocolConfig(frameHeaderBytes, policy, maxOutstandingPerPeer, installFailureProbability,
                    failureShareThreshold, minReportsForRefusal, metLastCount, rememberedPeers, maxGossipOutcomes,
                    maxRememberedOutcomes, serving, maxClockSkewSeconds, pieceTimeoutSeconds,
                    authenticatePeers);
        }
    }
}
