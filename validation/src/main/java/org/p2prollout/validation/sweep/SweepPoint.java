package org.p2prollout.validation.sweep;

import java.io.Serializable;
import java.util.List;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * One point of a sweep: its place in the grid, its seed and its parameters, resolved.
 *
 * @param index    position in the grid, from 0 (the first axis varies slowest)
 * @param seed     {@link SweepSeeds#pointSeed}(sweep seed, index): replication r draws from (seed, r)
 * @param values   the axis values of this point, as written in points.csv, in axis order
 * @param scenario the simulator's scenario of this point (a scenario base), or null (a model base)
 * @param model    the model's parameters of this point when the sweep predicts, else null
 */
public record SweepPoint(int index, long seed, List<String> values, Scenario scenario, ModelPoint model)
        implements Serializable {
    public SweepPoint {
        values = List.copyOf(values);
    }
}
