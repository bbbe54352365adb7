package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Text output must not depend on the default locale (issue 12, defect 8: printf without
 * Locale.ROOT printed "103,548 s" under de_DE). Each command runs once under Locale.ROOT and once
 * with Locale.GERMANY as the default; the outputs must be the same, and the German run must not
 * contain a decimal comma.
 */
class LocaleIndependenceTest {
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"predict", "--nodes", "200", "--rate", "0.0013"},
            new String[] {"predict", "--nodes", "50", "--rate", "0.0013", "--pieces", "2"},
            new String[] {"plan", "--nodes", "100", "--rate", "0.0013", "--deadline", "3600.5", "--confidence", "0.9"},
            new String[] {"steady", "--arrival", "0.05", "--rate", "0.01", "--server-rate", "0.02",
                "--leave-lacking", "0.001", "--leave-holding", "0.002", "--max-lacking", "40", "--max-holding", "80"});

    private static String runUnder(Locale locale, String[] args) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            SwarmCommandsTest.Run r = SwarmCommandsTest.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            return r.out();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void textOutputIsTheSameUnderAGermanDefaultLocale() {
        for (String[] args : COMMANDS) {
            String root = runUnder(Locale.ROOT, args);
            String german = runUnder(Locale.GERMANY, args);
            assertEquals(root, german, String.join(" ", args));
            // a decimal comma: digit, comma, digits, then a unit or the end of a number (never 1,000-style grouping of 3)
            assertFalse(german.matches("(?s).*\\d,(\\d{1,2}|\\d{4,})(\\D|$).*"), german);
        }
    }
}
