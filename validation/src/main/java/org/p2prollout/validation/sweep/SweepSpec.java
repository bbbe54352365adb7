package org.p2prollout.validation.sweep;

import java.util.List;

/**
 * A sweep, read and validated ({@link SweepReader}): every point is resolved before any runs.
 *
 * @param source       the sweep file, for messages
 * @param name         a label for outputs (the file name without extension unless given)
 * @param compute      predict, simulate or both
 * @param seed         the sweep's seed; point seeds derive from it ({@link SweepSeeds})
 * @param replications R, simulated replications per point (1 when only predicting)
 * @param scenarioBase whether the base is a simulator scenario (else the model's parameters)
 * @param axes         the axes, in file order
 * @param points       every point of the grid, first axis slowest
 */
public record SweepSpec(String source, String name, Compute compute, long seed, int replications,
                        boolean scenarioBase, List<Axis> axes, List<SweepPoint> points) {
    public SweepSpec {
        axes = List.copyOf(axes);
        points = List.copyOf(points);
    }

    /** Rows of points.csv: one per point and replication. */
    public long rows() {
        return (long) points.size() * replications;
    }

    /** Units of work a runner computes: R simulations and/or one prediction per point. */
    public long units() {
        return (long) points.size() * unitsPerPoint();
    }

    public int unitsPerPoint() {
        return (compute.simulates() ? replications : 0) + (compute.predicts() ? 1 : 0);
    }
}
