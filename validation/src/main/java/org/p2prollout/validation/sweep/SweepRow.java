package org.p2prollout.validation.sweep;

/**
 * One row of points.csv: a point and replication with what was computed there.
 *
 * @param point       point index
 * @param replication replication index, from 0 (0 alone when only predicting)
 * @param predicted   the point's prediction, or null when the sweep does not predict
 * @param simulated   this replication's simulation, or null when the sweep does not simulate
 */
public record SweepRow(int point, int replication, Metrics predicted, Metrics simulated) {
}
