package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseResultTest {
    @Test
    void relativeErrorIsAgainstTheSimulatedValue() {
        Comparison c = Comparison.of("T_1", "s", 110, 100, 95, 105, 0.05, true);
        assertEquals(0.1, c.relativeError(), 1e-15);
        assertFalse(c.insideInterval());
        assertFalse(c.pass(), "10 % error > 5 % tolerance and outside the CI");
    }

    @Test
    void insideTheIntervalPassesWhateverTheTolerance() {
        assertTrue(Comparison.of("T_1", "s", 104, 100, 95, 105, 0.0, true).pass());
    }

    @Test
    void withinToleranceOutsideIntervalPasses() {
        assertTrue(Comparison.of("T_1", "s", 104, 100, 99, 101, 0.05, true).pass());
    }

    @Test
    void uncheckedComparisonNeverFailsACase() {
        assertTrue(Comparison.of("overhead", "ratio", 3, 1, 0.9, 1.1, 0.01, false).pass());
    }

    @Test
    void verdictFailsWithTheNumbersOfEachBrokenCheck() {
        CaseResult r = CaseResult.ran("x", "d", Map.of(), List.of(), 5,
                List.of(Comparison.of("T_1", "s", 150, 100, 90, 110, 0.2, true),
                        Comparison.of("T_0.5", "s", 50, 50, 45, 55, 0.2, true)),
                List.of(new Check(CaseResult.KS_T1, 0.4, 0.3), new Check(CaseResult.COVERAGE_GAP, 0.1, 0.2)),
                Curve.empty(), Curve.empty(), Curve.empty(), new double[0], Map.of(), Map.of(), 0);
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals(2, r.reasons().size(), r.reasons()::toString);
        assertTrue(r.reasons().get(0).contains("T_1") && r.reasons().get(0).contains("50.0%"), r.reasons()::toString);
        assertTrue(r.reasons().get(1).contains("0.400 > limit 0.300"), r.reasons()::toString);
    }

    @Test
    void allChecksWithinToleranceIsAPass() {
        CaseResult r = CaseResult.ran("x", "d", Map.of(), List.of(), 5,
                List.of(Comparison.of("T_1", "s", 101, 100, 90, 110, 0.2, true)),
                List.of(new Check(CaseResult.KS_T1, 0.1, 0.3)),
                Curve.empty(), Curve.empty(), Curve.empty(), new double[0], Map.of(), Map.of(), 0);
        assertEquals(Verdict.PASS, r.verdict());
        assertTrue(r.reasons().isEmpty());
    }

    @Test
    void curveInterpolatesLinearlyAndHoldsAtTheEnds() {
        Curve c = Curve.of(new double[] {0, 10, 20}, new double[] {0, 1, 3});
        assertEquals(0.5, c.valueAt(5), 1e-15);
        assertEquals(2.0, c.valueAt(15), 1e-15);
        assertEquals(0.0, c.valueAt(-1), 0);
        assertEquals(3.0, c.valueAt(99), 0);
    }
}
