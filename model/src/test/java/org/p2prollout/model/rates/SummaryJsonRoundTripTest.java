package org.p2prollout.model.rates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.swarm.RatesFile;
import org.p2prollout.core.InvalidInputException;

/** summary.json: one writer, one reader, on synthetic data (no trace needed: always runs). */
class SummaryJsonRoundTripTest {
    static RatesSummary synthetic() {
        Map<String, Double> q = new LinkedHashMap<>();
        q.put("0.5", 31.5);
        q.put("0.9", null);
        return new RatesSummary(5, 1000, 7, 42, 6, 10, 1.25e-5, new int[] {2, 3},
                new double[][] {{1e-5, 2e-5}, {2e-5, 3.5e-5}}, null, 17.5, 86400, "cabspotting", true, 3, 1e-5, 1.5e-5,
                0.95, 1.1e-5, 4, 36, 2400.0, q, 50, 10, 300, 100, 86500, 1, 2, 4, "s", null, 0, 0,
                List.of("seen-only devices dominate"));
    }

    @Test
    void whatIsWrittenIsReadBack(@TempDir Path dir) throws Exception {
        RatesSummary s = synthetic();
        Path f = dir.resolve(RatesFiles.SUMMARY);
        RatesFiles.writeSummary(f, s);
        assertTrue(Files.readString(f).contains("\"meanRate\""));
        RatesSummary back = RatesFiles.readSummary(f);
        assertArrayEquals(s.classSizes(), back.classSizes());
        assertArrayEquals(s.classRates(), back.classRates());
        // with the arrays equal, the rest must match component by component: compare as records with the
        // arrays set aside
        assertEquals(withoutArrays(s), withoutArrays(back));
        assertNull(back.expFitShare());
        assertNull(back.contactDurationQuantiles().get("0.9"));

        RatesFile model = RatesFile.read(dir);
        assertEquals(5, model.devices());
        assertEquals(1.25e-5, model.meanRate());
        assertArrayEquals(new long[] {2, 3}, model.classSizes());
        assertArrayEquals(new double[][] {{1e-5, 2e-5}, {2e-5, 3.5e-5}}, model.classRates());
        assertEquals(17.5, model.meanContactDuration());
    }

    private static RatesSummary withoutArrays(RatesSummary s) {
        return new RatesSummary(s.devices(), s.fixes(), s.droppedFixes(), s.contacts(), s.pairsWithContact(),
                s.pairsObserved(), s.meanRate(), null, null, s.expFitShare(), s.meanContactDuration(),
                s.observedSeconds(), s.format(), s.formatDetected(), s.malformedLines(), s.meanRateLower(),
                s.meanRateUpper(), s.confidence(), s.unweightedMeanRate(), s.pairsTested(), s.interContactTimes(),
                s.meanInterContact(), s.contactDurationQuantiles(), s.range(), s.step(), s.maxGap(), s.from(), s.to(),
                s.droppedRegion(), s.droppedSpeed(), s.droppedDuplicate(), s.timeUnit(), s.deviceFilter(),
                s.devicesDropped(), s.contactsDropped(), s.warnings());
    }

    @Test
    void aHandWrittenMinimalFileAndBadFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "{\"meanRate\": 0.01, \"classSizes\": [6, 6], \"classRates\": [[0.01, 0.02], [0.02, 0.01]]}");
        RatesFile r = RatesFile.read(f);
        assertEquals(12, r.devices()); // from the classes
        assertTrue(Double.isNaN(r.meanContactDuration()));
        Files.writeString(f, "{\"devices\": 3}");
        assertTrue(assertThrows(InvalidInputException.class, () -> RatesFile.read(f)).getMessage()
                .contains("'meanRate'"));
        Files.writeString(f, "{\"meanRate\": 0.01, \"classSizes\": [1, 2], \"classRates\": [[0.01, 0.02]]}");
        assertTrue(assertThrows(InvalidInputException.class, () -> RatesFile.read(f)).getMessage()
                .contains("2 x 2"));
        Files.writeString(f, "{\"meanRate\": \n oops}");
        assertTrue(assertThrows(InvalidInputException.class, () -> RatesFile.read(f)).getMessage()
                .contains("summary.json:2:"));
    }
}
