package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text output says what a number is: approximations labelled, values in words with a few significant digits. */
class TextOutputTest {
    @Test
    void meanFieldResultsSayDeterministicApproximationInsteadOfAZeroSpread() throws Exception {
        String[] args = {"predict", "--nodes", "5000", "--rate", "1e-5", "--free-riders", "0.3", "--max-states", "1000"};
        String[] json = java.util.Arrays.copyOf(args, args.length + 1);
        json[args.length] = "--json";
        assertEquals("mean-field", SwarmCommandsTest.run(json).json().get("method").asText());
        SwarmCommandsTest.Run r = SwarmCommandsTest.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("deterministic approximation"), r.out());
        assertFalse(r.out().contains("sd 0"), r.out());
        assertFalse(r.out().contains("  quantile "), "no quantiles equal to the mean: " + r.out());
    }

    @Test
    void steadyPrintsWordsAndFourSignificantDigits() {
        SwarmCommandsTest.Run r = SwarmCommandsTest.run("steady", "--arrival", "0.05", "--rate", "0.01",
                "--server-rate", "0.02", "--leave-lacking", "0.001", "--leave-holding", "0.002", "--max-lacking", "40",
                "--max-holding", "60");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("mean lacking "), r.out());
        assertTrue(r.out().contains("server downloads (per second) "), r.out());
        assertFalse(r.out().matches("(?s).*[a-z][A-Z].*"), "no camelCase names: " + r.out());
        assertFalse(r.out().matches("(?s).*\\d\\.0*[1-9]\\d{4,}.*"), "no raw doubles (5+ significant digits): " + r.out());
    }
}
