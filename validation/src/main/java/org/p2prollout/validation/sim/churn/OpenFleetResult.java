package org.p2prollout.validation.sim.churn;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import org.p2prollout.validation.sim.Estimate;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * R replications of an open fleet and their stationary estimates. Every estimate pools the batch
 * means of all replications (R x {@code churn.batches} batches, each after its replication's warm-up)
 * into a 95 % Student-t interval: the batch-means method, valid when a batch is much longer than
 * the chain's relaxation time (about 1 / min(theta + mu, gamma)).
 *
 * @param scenario     the scenario
 * @param seed         the run's seed
 * @param replications one result per replication, by index
 */
public record OpenFleetResult(Scenario scenario, long seed, List<OpenFleetReplication> replications)
        implements Serializable {
    public OpenFleetResult {
        replications = List.copyOf(replications);
    }

    /** E[x], online devices lacking the update. */
    public Estimate meanLacking() {
        return pooled(OpenFleetReplication::meanLacking);
    }

    /** E[y], online holders. */
    public Estimate meanHolding() {
        return pooled(OpenFleetReplication::meanHolding);
    }

    /** Server downloads per second. */
    public Estimate serverDownloadsPerSecond() {
        return pooled(OpenFleetReplication::serverDownloadsPerSecond);
    }

    /** Peer downloads per second. */
    public Estimate peerDownloadsPerSecond() {
        return pooled(OpenFleetReplication::peerDownloadsPerSecond);
    }

    /** Share of online devices holding the update, per batch y / (x + y) of the batch averages. */
    public Estimate shareUpToDate() {
        double[] v = replications.stream().flatMapToDouble(r -> {
            double[] s = new double[r.meanLacking().size()];
            for (int i = 0; i < s.length; i++) {
                double x = r.meanLacking().get(i);
                double y = r.meanHolding().get(i);
                s[i] = x + y > 0 ? y / (x + y) : Double.NaN;
            }
            return java.util.Arrays.stream(s);
        }).toArray();
        return Estimate.of(v);
    }

    /** Encounters per online pair per second, over all replications (the realised lambda). */
    public double encounterRate() {
        double pairs = replications.stream().mapToDouble(OpenFleetReplication::onlinePairSeconds).sum();
        return pairs > 0 ? replications.stream().mapToLong(OpenFleetReplication::encounters).sum() / pairs : Double.NaN;
    }

    /** Arrivals per second, over all replications (the realised alpha, lost arrivals included). */
    public double arrivalRate() {
        return replications.stream().mapToLong(OpenFleetReplication::arrivals).sum()
                / replications.stream().mapToDouble(OpenFleetReplication::seconds).sum();
    }

    /** Departures of lacking devices per lacking device-second (the realised theta). */
    public double leaveLackingRate() {
        return ratio(replications.stream().mapToLong(OpenFleetReplication::lackingLeft).sum(),
                replications.stream().mapToDouble(OpenFleetReplication::lackingSeconds).sum());
    }

    /** Holders leaving per holder-second (the realised gamma). */
    public double leaveHoldingRate() {
        return ratio(replications.stream().mapToLong(OpenFleetReplication::holdersLeft).sum(),
                replications.stream().mapToDouble(OpenFleetReplication::holdingSeconds).sum());
    }

    /** Server downloads per lacking device-second (the realised mu). */
    public double serverRate() {
        return ratio(replications.stream().mapToLong(OpenFleetReplication::serverDownloads).sum(),
                replications.stream().mapToDouble(OpenFleetReplication::lackingSeconds).sum());
    }

    /** Share of arrivals refused because every device slot was online (0 when the cap was never hit). */
    public double lostArrivalShare() {
        long all = replications.stream().mapToLong(OpenFleetReplication::arrivals).sum();
        return all == 0 ? 0 : (double) replications.stream().mapToLong(OpenFleetReplication::arrivalsLost).sum() / all;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? a / b : Double.NaN;
    }

    private Estimate pooled(Function<OpenFleetReplication, List<Double>> batches) {
        return Estimate.of(replications.stream().flatMap(r -> batches.apply(r).stream())
                .mapToDouble(Double::doubleValue).toArray());
    }
}
