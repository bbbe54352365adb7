package org.p2prollout.model.mobility;

import java.util.SplittableRandom;

/** Derivation of per-device random streams from a model's seed. */
final class Streams {
    private Streams() {
    }

    /**
     * One independent stream per device: device {@code i} gets the {@code (i+1)}-th
     * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}. Splitting (rather
     * than seeding with {@code seed + i}) avoids overlapping sequences, and per-device streams
     * keep a trajectory independent of when other devices are asked for.
     */
    static SplittableRandom[] perDevice(long seed, int devices) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[devices];
        for (int i = 0; i < devices; i++) {
            streams[i] = root.split();
        }
        return streams;
    }
}
