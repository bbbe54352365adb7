package org.p2prollout.protocol.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.protocol.manifest.Digest;

class PiecePolicyTest {
    static final Digest A = Digest.sha256(new byte[] {1});
    static final Digest B = Digest.sha256(new byte[] {2});

    static BitSet bits(int... i) {
        BitSet b = new BitSet();
        for (int x : i) {
            b.set(x);
        }
        return b;
    }

    /** A: pieces 0..3 offered, availability {3, 1, 2, 1}, lack nearby {0, 1, 4, 2}; rank 1, priority 0. */
    static Candidate a() {
        return new Candidate(A, 1, 0, 0, bits(0, 1, 2, 3), new int[] {3, 1, 2, 1}, new int[] {0, 1, 4, 2});
    }

    /** B: pieces 1, 2 offered, availability {9, 5, 0}, lack {0, 0, 0}; rank 0 (a dependency), priority 5. */
    static Candidate b() {
        return new Candidate(B, 0, 1, 5, bits(1, 2), new int[] {9, 5, 0}, new int[] {0, 0, 0});
    }

    private static PieceChoice first(PiecePolicy p, long seed) {
        return p.choose(List.of(a(), b()), new SplittableRandom(seed));
    }

    @Test
    void eachPolicyPicksWhatItsRuleSays() {
        // rarest: B's piece 2 is held by nobody
        assertEquals(new PieceChoice(B, 2), first(PiecePolicy.RAREST_FIRST, 1));
        // sequential: the dependency (rank 0) first, lowest index
        assertEquals(new PieceChoice(B, 1), first(PiecePolicy.SEQUENTIAL, 1));
        // priority: B (5) over A (0), rarest within B
        assertEquals(new PieceChoice(B, 2), first(PiecePolicy.PRIORITY_AWARE, 1));
        // encounter-aware: A's piece 2 is lacked by 4 likely next peers
        assertEquals(new PieceChoice(A, 2), first(PiecePolicy.ENCOUNTER_AWARE, 1));
        // dependency-first: only B's pieces, for every seed
        for (long s = 0; s < 50; s++) {
            assertEquals(B, first(PiecePolicy.DEPENDENCY_FIRST, s).release());
        }
    }

    @Test
    void tiesAreBrokenAtRandomAmongTheTiedOnly() {
        // rarest-first with only A: pieces 1 and 3 tie at availability 1
        int[] count = new int[4];
        for (long s = 0; s < 400; s++) {
            PieceChoice c = PiecePolicy.RAREST_FIRST.choose(List.of(a()), new SplittableRandom(s));
            count[c.index()]++;
        }
        assertEquals(0, count[0] + count[2]);
        // Binomial(400, 1/2): P(|X - 200| > 60) < 1e-9 (Hoeffding: 2 exp(-2 * 60^2 / 400))
        assertTrue(Math.abs(count[1] - 200) <= 60, "piece 1 chosen " + count[1] + " of 400");
    }

    @Test
    void randomIsUniformOverAllOfferedPieces() {
        int n = 6000;
        int[] count = new int[6];
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < n; k++) {
            PieceChoice c = PiecePolicy.RANDOM.choose(List.of(a(), b()), r);
            count[c.release().equals(A) ? c.index() : 3 + c.index()]++;
        }
        // slots: A0..A3 -> 0..3, B1 -> 4, B2 -> 5; six equally likely pairs
        double chi2 = 0;
        for (int o : count) {
            chi2 += Math.pow(o - n / 6.0, 2) / (n / 6.0);
        }
        // chi-square with 5 degrees of freedom: P(X > 25.7) < 1e-4
        assertTrue(chi2 < 25.7, "chi2 = " + chi2);
    }

    @Test
    void choosingRemovesThePieceSoRepeatedCallsExhaustTheCandidates() {
        List<Candidate> cs = List.of(a(), b());
        SplittableRandom r = new SplittableRandom(3);
        BitSet seenA = new BitSet();
        BitSet seenB = new BitSet();
        for (int k = 0; k < 6; k++) {
            PieceChoice c = PiecePolicy.RAREST_FIRST.choose(cs, r);
            (c.release().equals(A) ? seenA : seenB).set(c.index());
        }
        assertEquals(bits(0, 1, 2, 3), seenA);
        assertEquals(bits(1, 2), seenB);
        assertNull(PiecePolicy.RAREST_FIRST.choose(cs, r));
    }

    @Test
    void parseTakesEveryDocumentedSpellingAndNamesThemAllOtherwise() {
        // docs/SCENARIO.md, docs/SWEEPS.md and the CLI's --policy help spell them so
        String[][] spellings = {
            {"random", "RANDOM"}, {"rarest-first", "RAREST_FIRST"}, {"rarest", "RAREST_FIRST"},
            {"RAREST_FIRST", "RAREST_FIRST"}, {" Sequential ", "SEQUENTIAL"}, {"dependency-first", "DEPENDENCY_FIRST"},
            {"priority-aware", "PRIORITY_AWARE"}, {"priority", "PRIORITY_AWARE"}, {"encounter-aware", "ENCOUNTER_AWARE"}};
        for (String[] s : spellings) {
            assertEquals(PiecePolicy.valueOf(s[1]), PiecePolicy.parse("protocol.policy", s[0]), s[0]);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PiecePolicy.parse("--policy", "fastest"));
        assertEquals("--policy must be one of random, rarest-first (rarest), sequential, dependency-first,"
                + " priority-aware (priority), encounter-aware, got 'fastest'", e.getMessage());
        assertThrows(InvalidInputException.class, () -> PiecePolicy.parse("--policy", "rarest-"));
    }
}
