package org.p2prollout.model.forecast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.TimeSample;

/**
 * A forecast of rollout times for a fleet, by one model.
 *
 * @param model        the model
 * @param method       how it was computed, e.g. "mean-field ODE after a stochastic phase of 10 holders"
 * @param rolloutTimes per level key ("0.5"), mean, median, 95 % interval of the mean, reached share
 * @param levels       per level key, the distribution of T_q over releases
 * @param fleet        devices counted (mean over releases)
 * @param interval     how {@code low}/{@code high} were obtained
 * @param assumptions  what the forecast rests on
 * @param warnings     where it may not hold, with figures
 * @param details      model-specific figures (zones, states, training days), for reports and JSON
 */
public record Forecast(ForecastModel model, String method, Map<String, LevelTimes> rolloutTimes,
                       Map<String, TimeSample> levels, double fleet, String interval, List<String> assumptions,
                       List<String> warnings, Map<String, Object> details) {
    public Forecast {
        rolloutTimes = Collections.unmodifiableMap(new LinkedHashMap<>(rolloutTimes));
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        assumptions = List.copyOf(assumptions);
        warnings = List.copyOf(warnings);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The distribution of T_q at level key {@code key} ("0.5"). */
    public TimeSample level(String key) {
        TimeSample s = levels.get(key);
        if (s == null) {
            throw new org.p2prollout.core.InvalidInputException("level " + key + " not forecast; levels: " + levels.keySet());
        }
        return s;
    }

    /** The same forecast with more warnings. */
    public Forecast withWarnings(List<String> more) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.addAll(more);
        return new Forecast(model, method, rolloutTimes, levels, fleet, interval, assumptions, w, details);
    }
}
