package org.p2prollout.model.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.p2prollout.model.spread.LevelTimes;

/**
 * How far a forecast is from the truth of a window, per level.
 *
 * @param meanError   per level key, (forecast mean − truth mean) / truth mean (NaN when either is undefined)
 * @param medianError per level key, the same for medians
 * @param ks          per level key, Kolmogorov–Smirnov distance between the two distributions of T_q
 *                    (never reached = infinity)
 */
public record ForecastError(Map<String, Double> meanError, Map<String, Double> medianError, Map<String, Double> ks) {
    public ForecastError {
        meanError = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meanError));
        medianError = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(medianError));
        ks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ks));
    }

    /** The error of {@code forecast} against {@code truth}, on the levels both have. */
    public static ForecastError of(Forecast forecast, Forecast truth) {
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> median = new LinkedHashMap<>();
        Map<String, Double> ks = new LinkedHashMap<>();
        for (String k : truth.rolloutTimes().keySet()) {
            LevelTimes f = forecast.rolloutTimes().get(k);
            if (f == null) {
                continue;
            }
            LevelTimes t = truth.rolloutTimes().get(k);
            mean.put(k, f.mean() / t.mean() - 1);
            median.put(k, f.median() / t.median() - 1);
            ks.put(k, forecast.level(k).ksDistance(truth.level(k)));
        }
        return new ForecastError(mean, median, ks);
    }
}
