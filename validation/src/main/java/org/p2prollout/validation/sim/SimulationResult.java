package org.p2prollout.validation.sim;

import java.io.Serializable;
import java.util.List;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * A simulation of R replications: the scenario, the seed, each replication's measurements (in
 * replication order) and the summary over them.
 */
public record SimulationResult(Scenario scenario, long seed, List<ReplicationResult> replications, Summary summary)
        implements Serializable {

    public SimulationResult {
        replications = List.copyOf(replications);
    }

    /**
     * Mean coverage (fraction of the coverage fleet installed) over replications at
     * {@code points} equally spaced times from 0 to the horizon.
     *
     * @return rows {time seconds, mean coverage}
     */
    public double[][] meanCoverage(int points) {
        double[][] band = coverageBand(points);
        double[][] rows = new double[points][];
        for (int i = 0; i < points; i++) {
            rows[i] = new double[] {band[i][0], band[i][1]};
        }
        return rows;
    }

    /**
     * The coverage curve with its 95 % confidence band over replications (Student t per time
     * point; NaN bounds with one replication) at {@code points} equally spaced times from 0 to
     * the horizon.
     *
     * @return rows {time seconds, mean coverage, ciLow, ciHigh}
     */
    public double[][] coverageBand(int points) {
        double horizon = scenario.mobility().durationSeconds();
        double[][] rows = new double[points][];
        double[] values = new double[replications.size()];
        for (int i = 0; i < points; i++) {
            double t = points == 1 ? horizon : horizon * i / (points - 1);
            for (int k = 0; k < values.length; k++) {
                values[k] = replications.get(k).coverageAt(t);
            }
            Estimate e = Estimate.of(values);
            rows[i] = new double[] {t, e.mean(), e.ciLow(), e.ciHigh()};
        }
        return rows;
    }

}
