package org.p2prollout.validation.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.forecast.ForecastModel;
import org.p2prollout.model.spread.LevelTimes;
import org.p2prollout.model.spread.TimeSample;

/**
 * What a trace forecast case found: the truth of the held-out window and every model's forecast
 * with its error.
 *
 * @param name        case name
 * @param description one sentence
 * @param parameters  trace, windows, question (ordered, for the report)
 * @param verdict     PASS when every checked model is within its tolerance
 * @param reasons     the checks outside tolerance, or why the case did not run
 * @param notes       caveats (adequacy figures, outages, censoring)
 * @param truthTimes  per level key, the truth's mean, median, interval, reached share
 * @param truth       per level key, the truth's distribution of T_q
 * @param outcomes    per model, in the spec's order
 * @param seconds     wall-clock time of the case
 */
public record ForecastCaseResult(String name, String description, Map<String, String> parameters, Verdict verdict,
                                 List<String> reasons, List<String> notes, Map<String, LevelTimes> truthTimes,
                                 Map<String, TimeSample> truth, List<Outcome> outcomes, double seconds) {
    /**
     * One model's forecast against the truth.
     *
     * @param model     the model
     * @param method    how it was computed
     * @param times     per level key, the forecast's mean, median, interval, reached share
     * @param samples   per level key, its distribution of T_q
     * @param meanError per level key, relative error of the mean
     * @param ks        per level key, KS distance to the truth
     * @param tolerance what it had to achieve
     * @param pass      true when within tolerance at every checked level (always true when not checked)
     * @param seconds   time to fit and forecast
     * @param error     non-null when the model could not forecast, and why
     */
    public record Outcome(ForecastModel model, String method, Map<String, LevelTimes> times, Map<String, TimeSample> samples,
                          Map<String, Double> meanError, Map<String, Double> ks, ForecastTolerance tolerance, boolean pass,
                          double seconds, String error) {
        public Outcome {
            times = Collections.unmodifiableMap(new LinkedHashMap<>(times));
            samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
            meanError = Collections.unmodifiableMap(new LinkedHashMap<>(meanError));
            ks = Collections.unmodifiableMap(new LinkedHashMap<>(ks));
        }
    }

    public ForecastCaseResult {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        truthTimes = Collections.unmodifiableMap(new LinkedHashMap<>(truthTimes));
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
        outcomes = List.copyOf(outcomes);
    }

    /** A case that could not run. */
    public static ForecastCaseResult notRun(String name, String description, Map<String, String> parameters, String reason,
                                            List<String> notes) {
        return new ForecastCaseResult(name, description, parameters, Verdict.NOT_RUN, List.of(reason), notes, Map.of(),
                Map.of(), List.of(), 0);
    }
}
