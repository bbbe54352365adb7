package org.p2prollout.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a fuzz property over numbered cases, each a pure function of (base seed, case index), as
 * JUnit dynamic tests of {@link #BATCH} cases each. A failing case fails its batch with the seed,
 * the index and every input the case recorded (escaped), so it can be replayed alone with
 * {@link #replay}.
 */
public final class FuzzCases {
    /** Cases per dynamic test: small enough that a report points near the case, large enough to stay cheap. */
    public static final int BATCH = 50;

    private FuzzCases() {
    }

    /** One property: runs case {@code c}, drawing everything from {@code c.random()}, and throws if it does not hold. */
    @FunctionalInterface
    public interface Property {
        void check(Case c) throws Exception;
    }

    /**
     * One case: its seed, its index and its random numbers; the inputs it records with
     * {@link #input} go into the failure message.
     */
    public static final class Case {
        private final long seed;
        private final int index;
        private final SplittableRandom random;
        private final List<String> inputs = new ArrayList<>();

        Case(long seed, int index) {
            this.seed = seed;
            this.index = index;
            this.random = FuzzCases.random(seed, index);
        }

        public long seed() {
            return seed;
        }

        public int index() {
            return index;
        }

        public SplittableRandom random() {
            return random;
        }

        /** Records a text input under {@code label} (shown escaped on failure) and returns it. */
        public String input(String label, String text) {
            inputs.add(label + " = \"" + Mutator.javaEscaped(text) + "\"");
            return text;
        }

        /** Records a byte input under {@code label} (shown in hex on failure) and returns it. */
        public byte[] input(String label, byte[] bytes) {
            inputs.add(label + " = hex " + Mutator.hex(bytes));
            return bytes;
        }

        /** Records another draw (a flag, a choice) under {@code label} and returns it. */
        public <T> T note(String label, T value) {
            inputs.add(label + " = " + value);
            return value;
        }

        List<String> inputs() {
            return List.copyOf(inputs);
        }
    }

    /**
     * The random numbers of case {@code index} of a run seeded with {@code seed}: the same pair
     * always gives the same numbers, whatever ran before (no shared generator).
     */
    public static SplittableRandom random(long seed, int index) {
        return new SplittableRandom(mix(seed, index));
    }

    /** A 64-bit mix of (seed, index) (SplitMix64's finaliser over a Weyl step), so neighbouring indices give unrelated seeds. */
    static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Cases 0..tries-1 of {@code property} under {@code seed}, as dynamic tests of {@link #BATCH} cases each. */
    public static Stream<DynamicTest> cases(long seed, int tries, Property property) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries >= 1: " + tries);
        }
        return IntStream.range(0, (tries + BATCH - 1) / BATCH).mapToObj(b -> {
            int from = b * BATCH;
            int to = Math.min(tries, from + BATCH);
            return DynamicTest.dynamicTest("seed " + seed + ", cases " + from + ".." + (to - 1), () -> {
                for (int i = from; i < to; i++) {
                    replay(seed, i, property);
                }
            });
        });
    }

    /**
     * Runs case {@code index} of {@code property} under {@code seed} alone; a failure (assertion or
     * any exception) is rethrown as an {@link AssertionError} naming the seed, the index and the inputs.
     */
    public static void replay(long seed, int index, Property property) {
        Case c = new Case(seed, index);
        try {
            property.check(c);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError v && !(t instanceof OutOfMemoryError)) {
                throw v;
            }
            throw new AssertionError("fuzz case failed: seed " + seed + ", index " + index
                    + " (replay: FuzzCases.replay(" + seed + "L, " + index + ", ...)); inputs: "
                    + String.join("; ", c.inputs()) + "; cause: " + t, t);
        }
    }
}
