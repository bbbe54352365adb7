package org.p2prollout.solver.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.solver.Generator;

class CommunicatingClassesTest {
    @Test
    void handCheckedChainWithTransientAndBottomClasses() {
        // {0,1} transient cycle -> {2,3} closed cycle; 1 -> 4 absorbing; 5 isolated
        Generator q = Generator.builder(6)
                .add(0, 1, 1).add(1, 0, 1).add(0, 2, 1).add(2, 3, 1).add(3, 2, 1).add(1, 4, 1).build();
        CommunicatingClasses c = CommunicatingClasses.of(q);
        assertEquals(4, c.count());
        assertEquals(c.classOf(0), c.classOf(1));
        assertEquals(c.classOf(2), c.classOf(3));
        assertNotEquals(c.classOf(0), c.classOf(2));
        assertFalse(c.isBottom(c.classOf(0)));
        assertTrue(c.isBottom(c.classOf(2)));
        assertTrue(c.isBottom(c.classOf(4)));
        assertTrue(c.isBottom(c.classOf(5)));
        assertTrue(c.isTransient(1));
        assertEquals(3, c.bottomClasses().length);
        assertArrayEquals(new int[] {0, 1}, c.members(c.classOf(0)));
        assertFalse(c.isIrreducible());
        assertTrue(c.isBottom(0), "class 0 is always bottom (reverse topological numbering)");
    }

    @Test
    void longCycleOfAMillionStatesNeedsNoRecursion() {
        int n = 1_000_000;
        Generator.Builder b = Generator.builder(n, n);
        for (int s = 0; s < n; s++) {
            b.add(s, (s + 1) % n, 1.0);
        }
        CommunicatingClasses c = CommunicatingClasses.of(b.build());
        assertTrue(c.isIrreducible());
        assertEquals(n, c.size(0));
    }

    @Test
    void longPathGivesOneClassPerStateInReverseTopologicalOrder() {
        int n = 200_000;
        Generator.Builder b = Generator.builder(n, n);
        for (int s = 0; s + 1 < n; s++) {
            b.add(s, s + 1, 1.0);
        }
        CommunicatingClasses c = CommunicatingClasses.of(b.build());
        assertEquals(n, c.count());
        assertArrayEquals(new int[] {c.classOf(n - 1)}, c.bottomClasses());
        for (int s = 0; s + 1 < n; s += 997) {
            assertTrue(c.classOf(s) > c.classOf(s + 1));
        }
    }

    @Test
    void agreesWithMutualReachabilityOnRandomGraphs() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 25;
            boolean[][] reach = new boolean[n][n];
            Generator.Builder b = Generator.builder(n);
            for (int e = 0; e < 35; e++) {
                int i = rng.nextInt(n);
                int j = rng.nextInt(n);
                if (i != j) {
                    b.add(i, j, 1.0);
                    reach[i][j] = true;
                }
            }
            for (int i = 0; i < n; i++) {
                reach[i][i] = true;
            }
            for (int k = 0; k < n; k++) {   // Warshall's transitive closure, independent of Tarjan
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        reach[i][j] |= reach[i][k] && reach[k][j];
                    }
                }
            }
            CommunicatingClasses c = CommunicatingClasses.of(b.build());
            for (int i = 0; i < n; i++) {
                boolean bottom = true;
                for (int j = 0; j < n; j++) {
                    assertEquals(reach[i][j] && reach[j][i], c.classOf(i) == c.classOf(j));
                    bottom &= !reach[i][j] || reach[j][i];
                }
                assertEquals(bottom, c.isBottom(c.classOf(i)), "state " + i);
            }
        }
    }
}
