package org.p2prollout.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputTextTest {
    @Test
    void escapesControlsFormatCharactersAndKeepsPrintableText() {
        assertEquals("plain ascii 1.5e-3", InputText.printable("plain ascii 1.5e-3"));
        assertEquals("Z\u00fcrich", InputText.printable("Z\u00fcrich"));
        assertEquals("a\\x1B[2Jb\\r\\n\\t\\x00\\x7F\\x9B", InputText.printable("a\u001b[2Jb\r\n\t\u0000\u007f\u009b"));
        // bidi override, byte-order mark, zero-width space, line separator, unpaired surrogate
        assertEquals("\\u202Eabc\\uFEFF\\u200B\\u2028\\uD800", InputText.printable("\u202eabc\ufeff\u200b\u2028\ud800"));
        // a valid pair of a printable code point (U+1F600) stays
        assertEquals("\ud83d\ude00", InputText.printable("\ud83d\ude00"));
    }

    @Test
    void quoteCutsLongInput() {
        assertEquals("'ab\\x07'", InputText.quote("ab\u0007"));
        String q = InputText.quote("x".repeat(200));
        assertEquals("'" + "x".repeat(InputText.MAX_QUOTED) + "'...", q);
    }
}
