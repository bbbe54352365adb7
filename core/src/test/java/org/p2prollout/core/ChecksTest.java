package org.p2prollout.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void rejectsNegativeNanAndInfiniteRatesNamingTheParameter() {
        for (double bad : new double[] {-1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Checks.nonNegative("rate", bad));
            assertEquals("rate must be a finite number >= 0, got " + bad, e.getMessage());
        }
        assertEquals(0.0, Checks.nonNegative("rate", 0.0));
    }

    @Test
    void integerRangeMessageShowsTheAllowedRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Checks.inRange("nodes", -5, 1, Integer.MAX_VALUE));
        assertEquals("nodes must be an integer >= 1, got -5", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Checks.inRange("pieces", 0L, 1L, 64L));
        assertEquals("pieces must be an integer in [1, 64], got 0", e.getMessage());
    }

    @Test
    void coverageMustLieInHalfOpenUnitInterval() {
        assertThrows(InvalidInputException.class, () -> Checks.fractionAboveZero("--coverage", 0.0));
        assertThrows(InvalidInputException.class, () -> Checks.fractionAboveZero("--coverage", 1.0000001));
        assertEquals(1.0, Checks.fractionAboveZero("--coverage", 1.0));
    }

    @Test
    void lineErrorsCarryFileAndLine() {
        assertEquals("a.txt:7: expected 4 fields", InvalidInputException.atLine("a.txt", 7, "expected 4 fields").getMessage());
    }
}
