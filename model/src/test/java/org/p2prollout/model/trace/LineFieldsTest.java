package org.p2prollout.model.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineFieldsTest {
    @Test
    void fastDecimalParsingEqualsParseDoubleBitForBit() {
        SplittableRandom rnd = new SplittableRandom(9);
        LineFields f = new LineFields(' ');
        for (int k = 0; k < 200_000; k++) {
            int decimals = rnd.nextInt(0, 9);
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(0, 11));
            String s = decimals == 0 ? Long.toString((long) v) : String.format(Locale.ROOT, "%." + decimals + "f", v);
            f.split(s);
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(f.number(0)), s);
        }
        for (String s : new String[] {"37.77402", "-122.44095", "1211958098", "0", "-0.0", "+5", "5.", ".5", "007.50",
            "1e3", "1.5E-2", "12345678901234567890", "0.000000000000000000000001"}) {
            f.split(s);
            assertEquals(Double.parseDouble(s), f.number(0), s);
        }
        for (String s : new String[] {"-", ".", "+.", "1.2.3", "abc", "NaN", "Infinity", "1,5", "--1"}) {
            f.split(s);
            assertTrue(Double.isNaN(f.number(0)), s);
        }
    }

    @Test
    void splitsOnRunsOfBlanksOrOnASeparator() {
        LineFields ws = new LineFields(' ');
        assertEquals(4, ws.split("  1\t2   3 4\r"));
        assertEquals("4", ws.text(3));
        LineFields csv = new LineFields(',');
        assertEquals(4, csv.split("a, b ,,d"));
        assertEquals("b", csv.text(1));
        assertEquals("", csv.text(2));
    }
}
