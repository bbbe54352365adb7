package org.p2prollout.model.forecast;

import java.util.Arrays;
import java.util.Locale;
import org.p2prollout.core.InvalidInputException;

/** The forecast models of a trace, from the most faithful to the crudest. */
public enum ForecastModel {
    /** The training window's own trace truth, offered as the forecast (no model). */
    REPLAY("replay"),
    /** The spatial time-varying chain: zones, an absent state, hourly movement, within-zone encounters. */
    SPATIAL("spatial"),
    /** Per-pair encounter rates with per-device hourly presence: an individual-based chain. */
    PAIRS("pairs"),
    /** Classes by total contact rate, well mixed (the pre-4.7 model). */
    CLASSES("classes"),
    /** One encounter rate for every pair, well mixed (the pre-4.7 model). */
    HOMOGENEOUS("homogeneous");

    private final String cliName;

    ForecastModel(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in JSON. */
    public String cliName() {
        return cliName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return cliName;
    }

    /** The model named {@code name} (case-insensitive). */
    public static ForecastModel byName(String name) {
        for (ForecastModel m : values()) {
            if (m.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException("model must be one of " + Arrays.stream(values()).map(ForecastModel::cliName)
                .toList() + ", got '" + name + "'");
    }
}
