package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Defects 1 and 3 of issue 12 as the command line shows them. */
class ApproximationOutputTest {
    private static final String[] MEAN_FIELD = {"predict", "--nodes", "50", "--rate", "0.001", "--free-riders", "0.3",
            "--max-states", "10"};

    @Test
    void meanFieldTextSaysApproximationNotAZeroError() {
        SwarmCommandsTest.Run r = SwarmCommandsTest.run(MEAN_FIELD);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("CDF error <= 0"), r.out());
        assertTrue(r.out().contains("approximation, error not bounded"), r.out());
    }

    @Test
    void meanFieldJsonCarriesNullNotNaN() throws Exception {
        String[] args = java.util.Arrays.copyOf(MEAN_FIELD, MEAN_FIELD.length + 1);
        args[MEAN_FIELD.length] = "--json";
        SwarmCommandsTest.Run r = SwarmCommandsTest.run(args);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        JsonNode a = r.json().get("accuracy");
        assertTrue(a.get("errorBound").isNull(), a.toString());
        assertTrue(a.get("approximation").asBoolean(), a.toString());
    }

    @Test
    void freeRidersWithSeveralPiecesExitTwo() {
        SwarmCommandsTest.Run with = SwarmCommandsTest.run("predict", "--nodes", "10", "--rate", "0.001", "--pieces",
                "2", "--free-riders", "0.5");
        assertEquals(2, with.code(), with.out());
        assertTrue(with.err().contains("--free-riders"), with.err());
        assertEquals(1, with.err().strip().lines().count(), with.err());
    }
}
