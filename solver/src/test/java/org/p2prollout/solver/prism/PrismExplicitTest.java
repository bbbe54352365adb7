package org.p2prollout.solver.prism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;

class PrismExplicitTest {
    @TempDir
    Path dir;

    @Test
    void readsAHandWrittenPrismFileAndItsInitLabel() throws IOException {
        Path tra = dir.resolve("m.tra");
        Files.writeString(tra, "3 4\n0 1 0.5\n0 2 1e-3\n1 0 2\n2 1 7.25\n");
        Files.writeString(dir.resolve("m.lab"), "0=\"init\" 1=\"deadlock\" 2=\"goal\"\n1: 0\n2: 2\n");
        Files.writeString(dir.resolve("m.sta"), "(x,b)\n0:(0,false)\n1:(1,true)\n2:(2,false)\n");
        Generator q = PrismExplicit.readTransitions(tra);
        assertEquals(3, q.states());
        assertEquals(4, q.transitions());
        assertEquals(1e-3, q.rate(0, 2));
        assertEquals(7.25, q.exitRate(2));
        assertArrayEquals(new double[] {0, 1, 0}, PrismExplicit.initialDistribution(tra, 3));
        StateVariables v = PrismExplicit.readStates(dir.resolve("m.sta"));
        assertEquals(List.of("x", "b"), v.names());
        assertEquals(2, v.value(2, 0));
        assertEquals(1, v.value(1, 1));
        assertEquals("(1,true)", v.format(1));
        Labels l = PrismExplicit.readLabels(dir.resolve("m.lab"), 3);
        assertArrayEquals(new int[] {2}, l.statesWith("goal"));
    }

    @Test
    void initialStateIsZeroWithoutLabels() throws IOException {
        Path tra = dir.resolve("n.tra");
        Files.writeString(tra, "2 1\n1 0 1\n");
        assertArrayEquals(new double[] {1, 0}, PrismExplicit.initialDistribution(tra, 2));
    }

    @Test
    void roundTripIsExact() throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 50;
        Generator.Builder b = Generator.builder(n);
        for (int e = 0; e < 300; e++) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (i != j) {
                b.add(i, j, Math.exp(rng.nextDouble(-20, 20)));
            }
        }
        Generator q = b.build();
        Path tra = dir.resolve("r.tra");
        PrismExplicit.writeTransitions(tra, q);
        Generator back = PrismExplicit.readTransitions(tra);
        assertEquals(q.transitions(), back.transitions());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    assertEquals(q.rate(i, j), back.rate(i, j), 0.0);
                }
            }
        }
        int[][] values = new int[2][n];
        for (int s = 0; s < n; s++) {
            values[0][s] = s / 7;
            values[1][s] = s % 2;
        }
        StateVariables vars = new StateVariables(List.of("x", "flag"), new boolean[] {false, true}, values);
        PrismExplicit.writeStates(dir.resolve("r.sta"), vars);
        StateVariables vBack = PrismExplicit.readStates(dir.resolve("r.sta"));
        for (int s = 0; s < n; s++) {
            assertEquals(vars.format(s), vBack.format(s));
        }
        Map<String, BitSet> sets = new LinkedHashMap<>();
        BitSet init = new BitSet();
        init.set(3);
        BitSet odd = new BitSet();
        for (int s = 1; s < n; s += 2) {
            odd.set(s);
        }
        sets.put("init", init);
        sets.put("odd", odd);
        PrismExplicit.writeLabels(dir.resolve("r.lab"), new Labels(sets, n));
        Labels lBack = PrismExplicit.readLabels(dir.resolve("r.lab"), n);
        assertEquals(List.of("init", "odd"), lBack.names());
        assertArrayEquals(odd.stream().toArray(), lBack.statesWith("odd"));
        assertEquals(1.0, PrismExplicit.initialDistribution(tra, n)[3]);
    }

    @Test
    void malformedLinesNameFileLineAndWhatWasExpected() throws IOException {
        assertMessage("2 1\n0 1\n", "m.tra:2: expected 3 fields 'from to rate', got 2");
        assertMessage("2 1\n0 1 abc\n", "m.tra:2: expected rate as a number, got 'abc'");
        assertMessage("2 1\n0 0 1\n", "m.tra:2: transition 0 -> 0 with rate 1.0: self-loops");
        assertMessage("2 1\n0 1 -1\n", "m.tra:2: transition 0 -> 1: rate must be a finite number >= 0, got -1.0");
        assertMessage("2 1\n0 5 1\n", "m.tra:2: transition 0 -> 5: states must be in [0, 1]");
        assertMessage("2 2\n0 1 1\n", "m.tra:2: header announced 2 transitions, the file has 1");
        assertMessage("2 1 5\n0 1 1\n", "m.tra:1: expected header 'states transitions' (a CTMC)");
        Path lab = dir.resolve("m.lab");
        Files.writeString(lab, "0=\"init\"\n7: 0\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readLabels(lab, 3));
        assertTrue(e.getMessage().endsWith("m.lab:2: expected a state in [0, 2], got 7"), e.getMessage());
        Path sta = dir.resolve("m.sta");
        Files.writeString(sta, "(x,y)\n0:(1,2)\n1:(1)\n");
        e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readStates(sta));
        assertTrue(e.getMessage().endsWith("m.sta:3: expected 2 values, got 1"), e.getMessage());
    }

    private void assertMessage(String content, String expectedStart) throws IOException {
        Path tra = dir.resolve("m.tra");
        Files.writeString(tra, content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PrismExplicit.readTransitions(tra));
        String message = e.getMessage().substring(e.getMessage().indexOf("m.tra"));
        assertTrue(message.startsWith(expectedStart), message);
    }
}
