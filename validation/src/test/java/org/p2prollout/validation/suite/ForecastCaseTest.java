package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.p2prollout.model.forecast.ForecastModel;
import org.p2prollout.core.ProgressListener;

/**
 * The quick suite's synthetic forecast case, end to end: trace, truth of the held-out Friday, every
 * model fitted on Monday to Thursday. The days of this fleet are alike by construction, so the
 * replay of four days must match the fifth within its 15 % (Monte Carlo noise of 1000 releases is
 * about 3 %); the well-mixed chains ignore districts, shifts and presence and must be far too fast.
 */
class ForecastCaseTest {
    @Test
    void districtWeekReplayHoldsWellMixedChainsAreFarTooFast() {
        ForecastCaseSpec spec = BuiltInSuites.districtWeekForecast(1000, 7);
        ForecastCaseResult r = new ForecastCaseRunner().run(spec, ProgressListener.NONE);
        Map<ForecastModel, ForecastCaseResult.Outcome> by = r.outcomes().stream()
                .collect(Collectors.toMap(ForecastCaseResult.Outcome::model, o -> o));
        assertEquals(Verdict.PASS, r.verdict(), r.reasons()::toString);
        for (String level : new String[] {"0.5", "0.9"}) {
            double replay = by.get(ForecastModel.REPLAY).meanError().get(level);
            assertTrue(Math.abs(replay) <= 0.15, "replay T_" + level + " error " + replay);
            double spatial = by.get(ForecastModel.SPATIAL).meanError().get(level);
            assertTrue(Math.abs(spatial) <= BuiltInSuites.KNOWN_BIAS.meanError(), "spatial T_" + level + " " + spatial);
            for (ForecastModel wellMixed : new ForecastModel[] {ForecastModel.HOMOGENEOUS, ForecastModel.CLASSES}) {
                double e = by.get(wellMixed).meanError().get(level);
                // at least 3x too fast: relative error below -2/3
                assertTrue(e < -2.0 / 3, wellMixed + " T_" + level + " error " + e);
            }
        }
        assertTrue(r.truthTimes().get("0.5").reached() > 0.95, "truth followed to the end of the trace");
    }
}
