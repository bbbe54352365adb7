package org.p2prollout.model.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChartsTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        // hand-checked: span / 6 ticks -> the next 1-2-5 value
        assertEquals(200, Charts.niceStep(830, 6), 1e-9);   // 138 -> 200 (not 207.5)
        assertEquals(0.2, Charts.niceStep(1, 6), 1e-12);     // 0.167 -> 0.2
        assertEquals(5, Charts.niceStep(30, 6), 1e-12);      // 5 -> 5
        assertEquals(1000, Charts.niceStep(4000, 6), 1e-9);  // 667 -> 1000
        for (double span = 0.013; span < 1e7; span *= 1.37) {
            double step = Charts.niceStep(span, 6);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                    span + " -> " + step);
            assertTrue(span / step <= 6 + 1e-9, span + " -> " + step);
        }
    }

    @Test
    void timeAxesUseWholeUnits() {
        assertEquals("s", Charts.TimeScale.of(120).name());
        assertEquals("min", Charts.TimeScale.of(830).name());
        assertEquals("h", Charts.TimeScale.of(5 * 3600).name());
        assertEquals("days", Charts.TimeScale.of(7 * 86400).name());
        assertEquals(2.5, Charts.TimeScale.of(830).apply(new double[] {150})[0], 1e-12);
    }

    @Test
    void identifiersBecomeWords() {
        assertEquals("peer payload", Charts.words("peerPayload"));
        assertEquals("rejected lying bitfield", Charts.words("rejected.lying-bitfield".replace('.', ' ')));
        assertEquals("T_1", Charts.words("T_1"));
        assertEquals("server bytes per second", Charts.words("serverBytesPerSecond"));
    }

    @Test
    void decadesDecideLogAxes() {
        assertTrue(Charts.spansDecades(1e-5, 2e-4));
        assertFalse(Charts.spansDecades(1e-5, 5e-5));
        assertFalse(Charts.spansDecades(0, 1), "zero has no place on a log axis");
    }
}
