package org.p2prollout.validation.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2prollout.model.openfleet.OpenFleet;
import org.p2prollout.model.openfleet.OpenFleetModel;
import org.p2prollout.model.openfleet.SteadyState;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.Estimate;
import org.p2prollout.validation.sim.churn.OpenFleetResult;
import org.p2prollout.validation.sim.churn.OpenFleetSimulator;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The open-fleet case (PRODUCT.md §4.5): a long {@link OpenFleetSimulator} run of the scenario's
 * churn section against the stationary (x, y) chain of {@link OpenFleetModel}. The chain's λ is the
 * simulation's own meetings per online pair-second; α, θ, γ and μ are the scenario's (their realised
 * values are shown beside them); p = 1 (instantaneous contacts). Compared: E[x], E[y], the share up
 * to date and server downloads per second against the batch-means 95 % intervals; peer downloads
 * and offload are shown unchecked. Checked too: the model's truncation mass and the share of
 * arrivals the simulator's device-slot cap refused (the model has no cap).
 */
public final class OpenFleetCase {
    /** The largest truncation mass accepted. */
    static final double TRUNCATION_LIMIT = 1e-6;
    /** The largest share of arrivals lost at the simulator's cap accepted. */
    static final double LOST_LIMIT = 1e-3;
    /** Check names. */
    public static final String TRUNCATION = "model truncation mass";
    public static final String LOST = "share of arrivals lost at the device cap";

    private OpenFleetCase() {
    }

    /** Simulates and compares; throws {@link CaseNotRunnable} when the scenario has no stationary state to compare. */
    static CaseResult run(CaseSpec spec, Map<String, String> scenarioParams, ProgressListener progress) {
        long started = System.nanoTime();
        Scenario s = spec.scenario();
        Scenario.Churn churn = s.churn();
        if (!churn.open()) {
            throw new CaseNotRunnable("the scenario's churn.arrivalRate is 0: a closed fleet has no open-fleet"
                    + " stationary state");
        }
        double alpha = churn.arrivalRate();
        double theta = churn.leaveLackingRate();
        double gamma = churn.leaveHoldingRate();
        double mu = s.server().rate();
        if (!(theta + mu > 0) || !(gamma > 0)) {
            throw new CaseNotRunnable("no stationary state: the fleet grows without bound unless"
                    + " churn.leaveLackingRate + server.rate > 0 and churn.leaveHoldingRate > 0");
        }
        OpenFleetResult sim = OpenFleetSimulator.run(s, spec.seed(), spec.replications(), progress);
        double lambda = sim.encounterRate();
        if (!(lambda > 0)) {
            throw new CaseNotRunnable("the simulation recorded no meetings: no encounter rate to fit");
        }
        // x is at most Poisson(alpha / (theta + mu)) (peers only drain it) and E[y] <= alpha / gamma
        int maxLacking = bound(alpha / (theta + mu));
        int maxHolding = bound(alpha / gamma);
        OpenFleet fleet = new OpenFleet(alpha, theta, gamma, lambda, mu, 1.0, maxLacking, maxHolding);
        SteadyState model = new OpenFleetModel(fleet).steadyState();

        Tolerances tol = spec.tolerances();
        List<String> notes = new ArrayList<>(spec.notes());
        notes.add("λ is measured from the simulation as meetings per ONLINE pair-second, not through the rates"
                + " pipeline: the pipeline divides contacts by all N(N-1)/2 pairs over the horizon, which holds"
                + " for a closed fleet only");
        notes.add("the open-fleet simulator runs the fleet-level dynamics (arrivals, departures, Poisson meetings of"
                + " online pairs, the server), not the update protocol's messages: this case checks the chain's"
                + " solution and truncation and the λ read back from the meetings, not protocol effects (finite"
                + " contacts, pieces)");
        notes.add(String.format(Locale.ROOT, "stationary means E[x], E[y] and the share up to date use the time"
                + " tolerance (%.0f%%); server downloads per second use the server-downloads tolerance (%.0f%%)",
                100 * tol.time(), 100 * tol.serverDownloads()));
        notes.add("intervals: batch means, " + churn.batches() + " batches of " + fmt(sim.replications().get(0)
                .batchSeconds()) + " s per replication after a warm-up of " + fmt(churn.warmupSeconds()) + " s");

        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(compare("E[x] online lacking", "devices", model.meanLacking(), sim.meanLacking(), tol.time(), true));
        comparisons.add(compare("E[y] online holding", "devices", model.meanHolding(), sim.meanHolding(), tol.time(), true));
        comparisons.add(compare("share up to date", "share", model.shareUpToDate(), sim.shareUpToDate(), tol.time(), true));
        comparisons.add(compare("server downloads per second", "1/s", model.serverDownloadsPerSecond(),
                sim.serverDownloadsPerSecond(), tol.serverDownloads(), mu > 0));
        comparisons.add(compare("peer downloads per second", "1/s", model.peerDownloadsPerSecond(),
                sim.peerDownloadsPerSecond(), tol.serverDownloads(), false));
        double simPeer = sim.peerDownloadsPerSecond().mean();
        double simServer = sim.serverDownloadsPerSecond().mean();
        double simOffload = simPeer + simServer > 0 ? simPeer / (simPeer + simServer) : 0;
        comparisons.add(Comparison.of("offload", "share", model.offload(), simOffload, Double.NaN, Double.NaN,
                tol.serverDownloads(), false));

        List<Check> checks = List.of(new Check(TRUNCATION, model.truncationMass(), TRUNCATION_LIMIT),
                new Check(LOST, sim.lostArrivalShare(), LOST_LIMIT));

        Map<String, String> params = new LinkedHashMap<>(scenarioParams);
        params.put("arrival rate α per second (scenario; realised)", fmt(alpha) + "; " + fmt(sim.arrivalRate()));
        params.put("leave-lacking rate θ per second (scenario; realised)", fmt(theta) + "; " + fmt(sim.leaveLackingRate()));
        params.put("leave-holding rate γ per second (scenario; realised)", fmt(gamma) + "; " + fmt(sim.leaveHoldingRate()));
        params.put("server rate μ per second (realised)", fmt(sim.serverRate()));
        params.put("λ per online pair per second (measured, used by the model)", fmt(lambda));
        params.put("success p", "1 (instantaneous contacts)");
        params.put("model truncation X x Y", maxLacking + " x " + maxHolding + " (" + model.states() + " states, "
                + model.method() + ", residual " + fmt(model.residual()) + ")");
        params.put("device slots (cap); most online at once", s.fleet().devices() + "; "
                + sim.replications().stream().mapToInt(r -> r.maxOnline()).max().orElse(0));
        params.put("replications R", Integer.toString(spec.replications()));
        params.put("seed", Long.toString(spec.seed()));
        return CaseResult.ran(spec.name(), spec.description(), params, notes, spec.replications(), comparisons,
                checks, Curve.empty(), Curve.empty(), Curve.empty(), new double[0], Map.of(), Map.of(),
                (System.nanoTime() - started) / 1e9);
    }

    /** The churn knobs for the report. */
    static void addScenarioParameters(Scenario s, Map<String, String> p) {
        p.keySet().removeIf(k -> k.equals("initial holders") || k.equals("update bytes") || k.equals("pieces K")
                || k.equals("policy") || k.equals("protocol") || k.equals("radio range m"));
        p.put("churn warm-up seconds", fmt(s.churn().warmupSeconds()));
        p.put("churn batches per replication", Integer.toString(s.churn().batches()));
    }

    private static Comparison compare(String metric, String unit, double predicted, Estimate e, double tolerance,
                                      boolean checked) {
        return Comparison.of(metric, unit, predicted, e.mean(), e.ciLow(), e.ciHigh(), tolerance, checked);
    }

    /** A truncation bound for a count of mean at most {@code mean}: 10 standard deviations of a Poisson beyond it. */
    static int bound(double mean) {
        long b = (long) Math.ceil(mean + 10 * Math.sqrt(mean) + 10);
        if (b > 5_000) {
            throw new CaseNotRunnable("the open fleet is too large for the stationary chain: a mean of " + fmt(mean)
                    + " devices needs a truncation of " + b + " (at most 5000 per dimension here)");
        }
        return (int) b;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
