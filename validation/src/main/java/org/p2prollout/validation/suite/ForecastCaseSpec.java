package org.p2prollout.validation.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.model.forecast.ForecastModel;
import org.p2prollout.model.forecast.ForecastQuestion;
import org.p2prollout.model.spread.FleetTrace;

/**
 * A trace forecast case: models fitted on training days of a trace, each compared with the trace's
 * own spread (the truth) on held-out days it was not fitted on.
 *
 * @param name        short unique name
 * @param description one sentence
 * @param trace       supplies the trace (read from a path, or synthetic)
 * @param train       training windows (the syntax of {@code --train})
 * @param test        held-out windows (the syntax of {@code --test})
 * @param models      the models, each with what it must achieve
 * @param levels      the coverage levels whose mean T_q are checked (e.g. 0.5 and 0.9); every level of the
 *                    question is reported
 * @param question    what is forecast
 * @param notes       caveats for the report
 * @param unavailable non-null: the case cannot run (e.g. the trace is absent), and why
 */
public record ForecastCaseSpec(String name, String description, TraceSupply trace, String train, String test,
                               Map<ForecastModel, ForecastTolerance> models, double[] levels, ForecastQuestion question,
                               List<String> notes, String unavailable) {
    /** Supplies a trace (loading it may take seconds). */
    @FunctionalInterface
    public interface TraceSupply {
        FleetTrace load();
    }

    public ForecastCaseSpec {
        if (name == null || name.isBlank()) {
            throw new org.p2prollout.core.InvalidInputException("forecast case name must be a non-empty string");
        }
        if (models.isEmpty()) {
            throw new org.p2prollout.core.InvalidInputException("forecast case " + name + " needs at least one model");
        }
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
        levels = levels.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** The same case reported as not run, with the reason. */
    public ForecastCaseSpec asUnavailable(String reason) {
        return new ForecastCaseSpec(name, description, trace, train, test, models, levels, question, notes, reason);
    }

    /** Every forecast model with its default tolerance: replay, spatial (positions) or pairs (contact lists), classes, homogeneous. */
    public static Map<ForecastModel, ForecastTolerance> allModels(boolean positions) {
        Map<ForecastModel, ForecastTolerance> m = new LinkedHashMap<>();
        m.put(ForecastModel.REPLAY, ForecastTolerance.REPLAY);
        if (positions) {
            m.put(ForecastModel.SPATIAL, ForecastTolerance.MODEL);
        } else {
            m.put(ForecastModel.PAIRS, ForecastTolerance.MODEL);
        }
        m.put(ForecastModel.CLASSES, ForecastTolerance.REFERENCE);
        m.put(ForecastModel.HOMOGENEOUS, ForecastTolerance.REFERENCE);
        return m;
    }
}
