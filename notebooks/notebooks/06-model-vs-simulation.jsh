// Model against simulation: one validation case end to end. A random-walk fleet is simulated R
// times; the single-piece chain is fitted to the simulation's own contact logs (rates pipeline) and
// compared: mean T_q with the simulation's 95 % interval, coverage curves, KS distance of T_1.
import org.p2prollout.validation.suite.*;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.core.ProgressListener;

Scenario s = Scenario.builder().devices(30).initialHolders(1).mobility(Scenario.MobilityModel.RANDOM_WALK)
        .area(3000).speedMinMetersPerSecond(10).speedMaxMetersPerSecond(20).stepSeconds(30).rangeMeters(100)
        .durationSeconds(12000).instantaneous(true).pieces(1).sizeBytes(100000)
        .implementation(Scenario.ProtocolImplementation.IDEAL).serverRate(1e-4).build();
CaseSpec spec = CaseSpec.of("random walk, server", "notebook case", ModelKind.SINGLE_PIECE, s, 16, 11, Tolerances.DEFAULT);
CaseResult r = new CaseRunner().run(spec, ProgressListener.NONE);
System.out.println("verdict " + r.verdict() + " " + r.reasons());
r.parameters().forEach((k, v) -> System.out.println("  " + k + ": " + v));

List<List<?>> rows = new ArrayList<>();
for (Comparison c : r.comparisons()) {
    rows.add(List.of(c.metric(), c.unit(), c.predicted(), c.simulated(), c.ciLow(), c.ciHigh(), c.relativeError(), c.checked() ? (c.pass() ? "PASS" : "FAIL") : "info"));
}
for (Check k : r.checks()) {
    rows.add(List.of(k.name(), "distance", k.value(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, k.checked() ? (k.pass() ? "PASS" : "FAIL") : "info"));
}
NB.csv("comparison", List.of("metric", "unit", "predicted", "simulated", "ci_low", "ci_high", "relative_error", "result"), rows);

Curve model = r.predictedCoverage(), sim = r.simulatedCoverage();
NB.table("coverage", new String[] {"seconds", "model", "simulation_mean", "simulation_ci_low", "simulation_ci_high"},
        model.times(), model.values(), sim.values(), sim.low(), sim.high());
var chart = NB.xy("Coverage: model against simulation (" + r.replications() + " replications)", "time since release (s)", "fraction holding the update");
chart.addSeries("simulation 95% low", sim.times(), sim.low());
chart.addSeries("simulation 95% high", sim.times(), sim.high());
chart.addSeries("simulation mean", sim.times(), sim.values());
chart.addSeries("model", model.times(), model.values());
NB.png("coverage", chart);
if (r.verdict() == Verdict.NOT_RUN) throw new AssertionError("case did not run: " + r.reasons());
