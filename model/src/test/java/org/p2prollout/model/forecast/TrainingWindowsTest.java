package org.p2prollout.model.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class TrainingWindowsTest {
    static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    /** 2008-05-19 00:00 PDT (UTC-7), hand-computed: 1211180400 = 2008-05-19T07:00Z. */
    static final double MONDAY = 1211180400;

    @Test
    void daysRangesDateTimesAndEpochSecondsReadInTheFleetsZone() {
        List<double[]> w = TrainingWindows.parse("--train", "2008-05-23, 2008-05-19..2008-05-21", LA);
        assertEquals(2, w.size());
        assertArrayEquals(new double[] {MONDAY, MONDAY + 3 * 86_400}, w.get(0), "sorted, days inclusive");
        assertArrayEquals(new double[] {MONDAY + 4 * 86_400, MONDAY + 5 * 86_400}, w.get(1));
        assertArrayEquals(new double[] {MONDAY + 6 * 3600, MONDAY + 30 * 3600},
                TrainingWindows.parse("--train", "2008-05-19T06:00..2008-05-20T06:00", LA).get(0));
        assertArrayEquals(new double[] {1000, 2000}, TrainingWindows.parse("--train", "1000..2000", LA).get(0));
        // the day of the switch to summer time has 23 hours
        double[] march = TrainingWindows.parse("--train", "2008-03-09", LA).get(0);
        assertEquals(23 * 3600, march[1] - march[0], 0);
    }

    @Test
    void badTextNamesTheOptionAndWhatIsAllowed() {
        assertTrue(assertThrows(InvalidInputException.class, () -> TrainingWindows.parse("--test", " ", LA)).getMessage()
                .startsWith("--test needs a day"));
        assertTrue(assertThrows(InvalidInputException.class,
                () -> TrainingWindows.parse("--train", "2008-05-19..2008-05-21,2008-05-20", LA)).getMessage().contains("overlap"));
        assertThrows(InvalidInputException.class, () -> TrainingWindows.parse("--train", "2008-13-01", LA));
        assertThrows(InvalidInputException.class, () -> TrainingWindows.parse("--train", "2000..1000", LA));
    }

    @Test
    void windowsAreCutToTheTraceWithAWarningAndRefusedWhenMostlyOutside() {
        List<String> warnings = new ArrayList<>();
        List<double[]> day = List.of(new double[] {0, 86_400});
        // the trace starts at 10 am: 14 of 24 h are covered
        List<double[]> cut = TrainingWindows.clip("--train", day, 36_000, 1e6, ZoneId.of("UTC"), warnings);
        assertArrayEquals(new double[] {36_000, 86_400}, cut.get(0));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("cut to the trace"), warnings.get(0));
        warnings.clear();
        assertArrayEquals(day.get(0), TrainingWindows.clip("--train", day, 0, 1e6, ZoneId.of("UTC"), warnings).get(0));
        assertTrue(warnings.isEmpty());
        // 10 of 24 h: the trace is shorter than the window
        assertTrue(assertThrows(InvalidInputException.class,
                () -> TrainingWindows.clip("--train", day, 50_400, 1e6, ZoneId.of("UTC"), new ArrayList<>()))
                .getMessage().contains("covers only 10.0 h of its 24.0 h"));
        assertTrue(assertThrows(InvalidInputException.class,
                () -> TrainingWindows.clip("--test", day, 90_000, 1e6, ZoneId.of("UTC"), new ArrayList<>()))
                .getMessage().contains("lies outside the trace"));
    }
}
