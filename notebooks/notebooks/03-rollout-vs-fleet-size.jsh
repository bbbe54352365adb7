// Rollout time against fleet size: the single-piece model (exact) beside the simulator (contact-
// process mobility, instantaneous transfers, where the model is the simulation's law), for a fixed
// encounter rate per pair. Bigger fleets finish sooner: more holders meet each lacking device.
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.*;
import org.p2prollout.validation.sim.scenario.Scenario;

double lambda = 5e-4;      // per pair per second
double mu = 1e-4;          // server rate per second
int[] sizes = {10, 20, 40, 80};
int replications = 20;

double[] n = new double[sizes.length], t90Model = new double[sizes.length], t1Model = new double[sizes.length];
double[] t90Sim = new double[sizes.length], t1Sim = new double[sizes.length], t1Low = new double[sizes.length], t1High = new double[sizes.length];
for (int k = 0; k < sizes.length; k++) {
    int size = sizes[k];
    n[k] = size;
    SinglePieceModel model = new SinglePieceModel(size, 1, lambda, mu, 1);
    t90Model[k] = model.timeDistribution(0.9).mean();
    t1Model[k] = model.timeDistribution(1.0).mean();
    Scenario s = Scenario.builder().devices(size).initialHolders(1).mobility(Scenario.MobilityModel.CONTACT_PROCESS)
            .encounterRate(lambda).contactDurationSeconds(0).instantaneous(true).pieces(1).sizeBytes(1000)
            .implementation(Scenario.ProtocolImplementation.IDEAL).serverRate(mu).recordContacts(false)
            .durationSeconds(20 * t1Model[k]).build();
    Summary sum = Simulator.run(s, 42, replications, ProgressListener.NONE).summary();
    t90Sim[k] = sum.t90().mean();
    t1Sim[k] = sum.t100().mean();
    t1Low[k] = sum.t100().ciLow();
    t1High[k] = sum.t100().ciHigh();
    System.out.printf("N=%d: E[T_1] model %.0f s, simulated %.0f s [%.0f, %.0f]%n", size, t1Model[k], t1Sim[k], t1Low[k], t1High[k]);
}
NB.table("rollout-vs-fleet-size", new String[] {"devices", "t90_model_s", "t90_sim_s", "t1_model_s", "t1_sim_s", "t1_sim_ci_low_s", "t1_sim_ci_high_s"},
        n, t90Model, t90Sim, t1Model, t1Sim, t1Low, t1High);
var chart = NB.xy("Rollout time against fleet size (lambda = 5e-4/s, mu = 1e-4/s)", "devices N", "mean rollout time (s)");
chart.addSeries("T_1 model", n, t1Model);
double[] t1Err = new double[sizes.length];
for (int k = 0; k < sizes.length; k++) t1Err[k] = (t1High[k] - t1Low[k]) / 2;   // Student-t: symmetric about the mean
chart.addSeries("T_1 simulation, mean and 95% interval (" + replications + " replications)", n, t1Sim, t1Err)
        .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
chart.addSeries("T_0.9 model", n, t90Model);
chart.addSeries("T_0.9 simulation", n, t90Sim).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
NB.png("rollout-vs-fleet-size", chart);

// What the chart shows, checked against values computed independently of the code drawn:
// 1. the model's E[T_1] with mu > 0 is at most the mu = 0 closed form 2 H_{N-1} / (lambda N): the
//    server only adds a way in;
// 2. every simulated mean lies within 25 % of the model (the simulator runs the model's law, so a
//    larger gap is a bug, not noise: 20 replications put the 95 % interval within about +-15 %);
// 3. bigger fleets finish sooner, in the model and in the simulation;
// 4. each simulated 95 % interval is a real interval around its mean.
for (int k = 0; k < sizes.length; k++) {
    double h = 0;
    for (int i = 1; i < sizes[k]; i++) h += 1.0 / i;
    double closedForm = 2 * h / (lambda * sizes[k]);
    if (!(t1Model[k] <= closedForm * (1 + 1e-9))) throw new AssertionError("N=" + sizes[k] + ": model " + t1Model[k] + " above the mu = 0 closed form " + closedForm);
    if (Math.abs(t1Sim[k] / t1Model[k] - 1) > 0.25) throw new AssertionError("N=" + sizes[k] + ": T_1 simulated " + t1Sim[k] + " vs model " + t1Model[k]);
    if (Math.abs(t90Sim[k] / t90Model[k] - 1) > 0.25) throw new AssertionError("N=" + sizes[k] + ": T_0.9 simulated " + t90Sim[k] + " vs model " + t90Model[k]);
    if (!(t1Low[k] < t1Sim[k] && t1Sim[k] < t1High[k])) throw new AssertionError("N=" + sizes[k] + ": interval [" + t1Low[k] + ", " + t1High[k] + "] around " + t1Sim[k]);
    if (k > 0 && !(t1Model[k] < t1Model[k - 1] && t1Sim[k] < t1Sim[k - 1])) throw new AssertionError("N=" + sizes[k] + " is not faster than N=" + sizes[k - 1]);
}
System.out.println("checked: model below the mu = 0 closed form, simulation within 25 %, faster with more devices");
