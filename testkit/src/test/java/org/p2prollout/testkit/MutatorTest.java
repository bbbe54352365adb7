package org.p2prollout.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class MutatorTest {
    private static final Mutator.TextEdits EDITS = new Mutator.TextEdits(List.of("<", "1e308", "\u0000"), 1, 4, 6, true);
    private static final String BASE = "3 4\n0 1 0.5\n0 2 1e-3\n1 0 2\n2 1 7.25\n";

    @Test
    void sameSeedAndIndexGiveTheSameMutationWhateverRanBefore() {
        String first = EDITS.apply(BASE, FuzzCases.random(1301, 17));
        for (int i = 0; i < 5; i++) {
            EDITS.apply(BASE, FuzzCases.random(1301, i)); // other cases in between change nothing
        }
        assertEquals(first, EDITS.apply(BASE, FuzzCases.random(1301, 17)));
        byte[] frame = BASE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Mutator.ByteEdits bytes = new Mutator.ByteEdits(1, 4);
        assertArrayEquals(bytes.apply(frame, FuzzCases.random(9, 3)), bytes.apply(frame, FuzzCases.random(9, 3)));
    }

    @Test
    void differentIndicesAndSeedsGiveDifferentMutations() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(EDITS.apply(BASE, FuzzCases.random(1301, i)));
        }
        // 1-4 edits at ~37 positions with 3 tokens or ~65536 chars: repeats are rare; 150 distinct of 200 is far below the mean
        assertTrue(seen.size() >= 150, () -> seen.size() + " distinct mutations of 200");
        assertNotEquals(FuzzCases.mix(1, 0), FuzzCases.mix(1, 1));
        assertNotEquals(FuzzCases.mix(1, 0), FuzzCases.mix(2, 0));
        assertNotEquals(EDITS.apply(BASE, FuzzCases.random(1, 0)), EDITS.apply(BASE, FuzzCases.random(2, 0)));
    }

    @Test
    void oneInsertOnlyEditAddsOneTokenOrCharAndKeepsTheRest() {
        Mutator.TextEdits one = new Mutator.TextEdits(List.of("XY"), 1, 1, 0, false);
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String m = one.apply("abc", FuzzCases.random(5, i));
            int at = m.indexOf("XY");
            if (at >= 0 && m.length() == 5) {
                assertEquals("abc", m.substring(0, at) + m.substring(at + 2), m);
                positions.add(at);
            } else {
                assertEquals(4, m.length(), m);
                boolean found = false;
                for (int p = 0; p < 4; p++) {
                    found |= (m.substring(0, p) + m.substring(p + 1)).equals("abc");
                }
                assertTrue(found, () -> "not abc plus one char: " + Mutator.javaEscaped(m));
            }
        }
        assertEquals(Set.of(0, 1, 2, 3), positions, "the token goes at every position, both ends included");
    }

    @Test
    void byteEditsChangeLengthByAtMostOneOrCutAndLeaveTheBaseAlone() {
        byte[] base = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Mutator.ByteEdits one = new Mutator.ByteEdits(1, 1);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            byte[] m = one.apply(base, FuzzCases.random(11, i));
            assertTrue(m.length <= 11, () -> "length " + m.length);
            lengths.add(m.length);
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, base);
        assertTrue(lengths.containsAll(Set.of(9, 10, 11)) && lengths.stream().anyMatch(n -> n < 9), lengths::toString);
    }

    @Test
    void keepIsOneAboutHalfTheTimeAndCutsKeepAPrefix() {
        SplittableRandom r = FuzzCases.random(3, 0);
        int ones = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double k = Mutator.keep(r);
            assertTrue(k >= 0 && k <= 1, () -> "keep " + k);
            ones += k == 1.0 ? 1 : 0;
        }
        // binomial(10000, 0.5): sd 50; 3.3 sd is the two-sided 99.9 % bound
        assertTrue(Math.abs(ones - n / 2) < 165, ones + " of " + n);
        assertEquals("abc", Mutator.cut("abcd", 0.51)); // ceil(2.04)
        assertEquals("", Mutator.cut("abcd", 0));
        assertArrayEquals(new byte[] {1, 2}, Mutator.cut(new byte[] {1, 2, 3, 4, 5}, 0.1, 2));
        assertArrayEquals(new byte[] {1}, Mutator.cut(new byte[] {1}, 0.0, 2));
    }

    @Test
    void aFailingCaseNamesSeedIndexAndEscapedInput() {
        AssertionError e = assertThrows(AssertionError.class, () -> FuzzCases.replay(42, 7, c -> {
            c.input("text", "a\u0000\n\u00e9\"");
            c.input("bytes", new byte[] {0, -1, 0x10});
            throw new IllegalStateException("boom");
        }));
        String m = e.getMessage();
        assertTrue(m.contains("seed 42, index 7"), m);
        assertTrue(m.contains("text = \"a\\u0000\\n\\u00e9\\\"\""), m);
        assertTrue(m.contains("bytes = hex 00ff10"), m);
        assertTrue(m.contains("IllegalStateException: boom"), m);
        assertEquals(IllegalStateException.class, e.getCause().getClass());
    }

    @Test
    void casesRunEveryIndexOnceInBatches() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        Set<Integer> indices = new HashSet<>();
        List<DynamicTest> tests = FuzzCases.cases(8, 120, c -> {
            runs.incrementAndGet();
            indices.add(c.index());
            assertEquals(FuzzCases.random(8, c.index()).nextLong(), c.random().nextLong());
        }).toList();
        assertEquals(3, tests.size()); // 50 + 50 + 20
        for (DynamicTest t : tests) {
            t.getExecutable().execute();
        }
        assertEquals(120, runs.get());
        assertEquals(120, indices.size());
    }
}
