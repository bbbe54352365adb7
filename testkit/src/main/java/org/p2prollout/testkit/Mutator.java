package org.p2prollout.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of valid inputs, for the fuzz tests of the readers, the wire codec and the
 * commands: edits at random positions (delete up to a few chars, insert a hostile token or a stray
 * char), and cuts that keep a random leading share. Every draw comes from the {@link SplittableRandom}
 * passed in, so a mutation is a pure function of the generator's state; {@link FuzzCases#random}
 * makes that state a pure function of (base seed, case index), which is what makes a failing case
 * replayable. No shrinking: inputs are small valid files, so a failing case is read as it is.
 */
public final class Mutator {
    /** Bytes that break length fields and sign handling more often than a uniform byte does. */
    private static final byte[] SPECIAL_BYTES = {0, -1, 0x7f, (byte) 0x80};

    private Mutator() {
    }

    /**
     * Edits of text.
     *
     * @param tokens hostile tokens (numbers at the edges of their types, separators, markup, control
     *               and non-ASCII chars); an insert is one of them or a stray char, with equal chance
     * @param minEdits fewest edits, at least 0
     * @param maxEdits most edits, at least {@code minEdits}
     * @param maxDelete most chars deleted at an edit's position (uniform in 0..maxDelete)
     * @param mayInsertNothing whether an edit may insert nothing (a pure deletion), as likely as a token
     */
    public record TextEdits(List<String> tokens, int minEdits, int maxEdits, int maxDelete, boolean mayInsertNothing) {
        public TextEdits {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty() || minEdits < 0 || maxEdits < minEdits || maxDelete < 0) {
                throw new IllegalArgumentException("tokens non-empty, 0 <= minEdits <= maxEdits, maxDelete >= 0: "
                        + tokens.size() + " tokens, " + minEdits + ".." + maxEdits + ", " + maxDelete);
            }
        }

        /** {@code base} with between {@code minEdits} and {@code maxEdits} edits applied one after another. */
        public String apply(String base, SplittableRandom random) {
            StringBuilder s = new StringBuilder(base);
            int edits = random.nextInt(minEdits, maxEdits + 1);
            for (int e = 0; e < edits; e++) {
                int at = position(s.length(), random);
                s.delete(at, Math.min(s.length(), at + random.nextInt(maxDelete + 1)));
                s.insert(at, insert(random));
            }
            return s.toString();
        }

        private String insert(SplittableRandom random) {
            int kind = random.nextInt(mayInsertNothing ? 3 : 2);
            return switch (kind) {
                case 0 -> tokens.get(random.nextInt(tokens.size()));
                case 1 -> String.valueOf(strayChar(random));
                default -> "";
            };
        }
    }

    /**
     * Edits of bytes: each overwrites, inserts or deletes one byte at a random position, or cuts the
     * rest off there (each kind as likely); a written byte is uniform or one of 0x00, 0xFF, 0x7F, 0x80.
     *
     * @param minEdits fewest edits, at least 0
     * @param maxEdits most edits, at least {@code minEdits}
     */
    public record ByteEdits(int minEdits, int maxEdits) {
        public ByteEdits {
            if (minEdits < 0 || maxEdits < minEdits) {
                throw new IllegalArgumentException("0 <= minEdits <= maxEdits: " + minEdits + ".." + maxEdits);
            }
        }

        /** A copy of {@code base} with the edits applied; {@code base} is not changed. */
        public byte[] apply(byte[] base, SplittableRandom random) {
            byte[] b = base.clone();
            int edits = random.nextInt(minEdits, maxEdits + 1);
            for (int e = 0; e < edits; e++) {
                int i = position(b.length, random);
                int kind = random.nextInt(4);
                byte value = random.nextBoolean() ? (byte) random.nextInt(256) : SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)];
                switch (kind) {
                    case 0 -> { // overwrite
                        if (i < b.length) {
                            b[i] = value;
                        }
                    }
                    case 1 -> { // insert
                        byte[] n = new byte[b.length + 1];
                        System.arraycopy(b, 0, n, 0, i);
                        n[i] = value;
                        System.arraycopy(b, i, n, i + 1, b.length - i);
                        b = n;
                    }
                    case 2 -> { // delete
                        if (i < b.length) {
                            byte[] n = new byte[b.length - 1];
                            System.arraycopy(b, 0, n, 0, i);
                            System.arraycopy(b, i + 1, n, i, b.length - i - 1);
                            b = n;
                        }
                    }
                    default -> b = Arrays.copyOf(b, i); // cut
                }
            }
            return b;
        }
    }

    /**
     * A share of an input to keep, in [0, 1]: half the draws 1 (no cut), the others uniform in [0, 1).
     */
    public static double keep(SplittableRandom random) {
        return random.nextBoolean() ? 1.0 : random.nextDouble();
    }

    /** The first {@code ceil(keep * length)} chars of {@code s}; {@code keep} in [0, 1]. */
    public static String cut(String s, double keep) {
        return s.substring(0, (int) Math.ceil(keep * s.length()));
    }

    /**
     * The first {@code max(atLeast, floor(keep * length))} bytes of {@code b} (at most all of them);
     * {@code keep} in [0, 1]. A gzip stream cut to 2 bytes still has its magic, so the reader
     * sees a truncated stream rather than plain text.
     */
    public static byte[] cut(byte[] b, double keep, int atLeast) {
        return Arrays.copyOf(b, Math.min(b.length, Math.max(atLeast, (int) (keep * b.length))));
    }

    /**
     * A position in [0, length]: the start and the end each an eighth of the draws (where parsers
     * miss cases most), otherwise uniform.
     */
    static int position(int length, SplittableRandom random) {
        int r = random.nextInt(8);
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return length;
        }
        return random.nextInt(length + 1);
    }

    /**
     * A stray char: a third ASCII controls (0-31, 127), a third printable ASCII, a third any UTF-16
     * unit (lone surrogates included, which UTF-8 encoding turns into '?').
     */
    static char strayChar(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> {
                int c = random.nextInt(33);
                yield (char) (c == 32 ? 127 : c);
            }
            case 1 -> (char) random.nextInt(32, 127);
            default -> (char) random.nextInt(Character.MAX_VALUE + 1);
        };
    }

    /** {@code s} as the body of a Java string literal: printable ASCII as is, everything else escaped. */
    public static String javaEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append(c);
                    } else {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@code b} in hex, two digits a byte. */
    public static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(2 * b.length);
        for (byte x : b) {
            s.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return s.toString();
    }
}
