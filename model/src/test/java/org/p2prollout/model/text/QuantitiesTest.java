package org.p2prollout.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void countsAgreeWithTheirNumber() {
        assertEquals("1 case", Quantities.count(1, "case"));
        assertEquals("0 cases", Quantities.count(0, "case"));
        assertEquals("2 matches", Quantities.count(2, "match"));
        assertEquals("3 replies", Quantities.count(3, "reply"));
        assertEquals("0 of 1 pair", Quantities.of(0, 1, "pair"));
        assertEquals("4 of 12 pairs", Quantities.of(4, 12, "pair"));
    }

    @Test
    void numbersHaveSignificantDigitsAndADecimalPointInEveryLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("103.5 s", Quantities.seconds(103.548));
            assertEquals("0.00123", Quantities.number(0.00123));
            assertEquals("1.235e+06", Quantities.number(1234567));
            assertEquals("1.2e-05", Quantities.significant(1.2e-5, 3));
            assertEquals("4.9 MB", Quantities.bytes(4.9e6));
            assertEquals("512 B", Quantities.bytes(512));
            assertEquals("1 MB", Quantities.bytes(999_600));
            assertEquals("37.5%", Quantities.percent(0.375));
            assertEquals("n/a", Quantities.number(Double.NaN));
        } finally {
            Locale.setDefault(before);
        }
    }
}
