package org.p2prollout.model.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;

class AreaTest {
    @Test
    void meanDistanceOfASquareIsTheKnownConstant() {
        // (2 + sqrt 2 + 5 ln(1 + sqrt 2)) / 15 = 0.521405433...
        double known = (2 + Math.sqrt(2) + 5 * Math.log(1 + Math.sqrt(2))) / 15;
        assertEquals(known * 300, new Area(300, 300).meanDistance(), 1e-9);
    }

    @Test
    void meanDistanceOfARectangleAgreesWithMonteCarlo() {
        Area area = new Area(1000, 250);
        SplittableRandom r = new SplittableRandom(3);
        int n = 1_000_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.hypot((r.nextDouble() - r.nextDouble()) * 1000, (r.nextDouble() - r.nextDouble()) * 250);
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertEquals(mean, area.meanDistance(), 4 * se); // 4 standard errors: fails by chance < 1e-4
    }

    @Test
    void reflectionFoldsLikeMirrors() {
        assertEquals(3, Area.reflect(3, 10), 1e-12);
        assertEquals(8, Area.reflect(12, 10), 1e-12);
        assertEquals(2, Area.reflect(-2, 10), 1e-12);
        assertEquals(2, Area.reflect(22, 10), 1e-12);
        assertEquals(10, Area.reflect(10, 10), 1e-12);
        for (double u = -100; u < 100; u += 0.37) {
            double f = Area.reflect(u, 10);
            assertTrue(f >= 0 && f <= 10);
        }
    }

    @Test
    void rejectsEmptyAreas() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Area(0, 5));
        assertTrue(e.getMessage().startsWith("width"));
    }
}
