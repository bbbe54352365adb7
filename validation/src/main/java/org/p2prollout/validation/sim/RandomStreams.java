package org.p2prollout.validation.sim;

import java.util.SplittableRandom;

/**
 * One random stream per purpose and one substream per replication, derived from the run's seed
 * so that (seed, purpose, replication) always gives the same numbers, whatever else the run
 * draws and in whatever order replications execute.
 *
 * <p>Derivation: {@code new SplittableRandom(mix(mix(seed + GOLDEN * (purpose + 1)) + GOLDEN * (replication + 1)))}
 * where {@code mix} is the SplitMix64 finaliser and {@code GOLDEN = 0x9E3779B97F4A7C15}. The
 * finaliser is a bijection with full avalanche, so neighbouring seeds, purposes and replications
 * give unrelated streams.
 */
public final class RandomStreams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** What a stream is used for; adding a purpose never changes the numbers of the others. */
    public enum Purpose {
        /** Assigning bandwidth classes, free riders, initial holders, coverage, install-failure-prone devices. */
        FLEET,
        /** Movement of devices. */
        MOBILITY,
        /** Pair encounters of contact-process mobility, contact durations. */
        ENCOUNTERS,
        /** Times at which devices reach the server. */
        SERVER,
        /** Installation outcomes. */
        INSTALL_FAILURE,
        /** Piece selection of the protocol. */
        PIECE_CHOICE,
        /** Choice of hostile devices and what they do. */
        ADVERSARY,
        /** Everything else the protocol draws (keys, gossip). */
        PROTOCOL,
        /**
         * The open fleet's race of arrivals, departures, server downloads and encounters: the next
         * event is drawn from one race over all of them, so they share one stream.
         */
        CHURN
    }

    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        this.seed = seed;
        this.replication = replication;
    }

    /** A fresh generator for {@code purpose}; two calls give two identical generators. */
    public SplittableRandom stream(Purpose purpose) {
        return new SplittableRandom(key(purpose));
    }

    /** The 64-bit seed of the stream for {@code purpose}, e.g. to seed another generator type. */
    public long key(Purpose purpose) {
        return mix(mix(seed + GOLDEN * (purpose.ordinal() + 1)) + GOLDEN * (replication + 1L));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
