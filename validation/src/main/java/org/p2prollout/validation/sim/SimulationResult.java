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
        double horizon = scenario.mobility().durationSeconds();
        double[][] rows = new double[points][2];
        for (int i = 0; i < points; i++) {
            double t = points == 1 ? horizon : horizon * i / (points - 1);
            double sum = 0;
            for (ReplicationResult r : replications) {
                sum += r.coverageAt(t);
            }
            rows[i][0] = t;
            rows[i][1] = sum / replications.size();
        }
        return rows;
    }
}
