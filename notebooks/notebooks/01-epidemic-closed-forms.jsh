// Epidemic closed forms against the solver.
// The classic epidemic (one initial holder, no server, every contact transfers) has
// E[T_1] = 2 H_{N-1} / (lambda N) (PRODUCT.md 4.2). We compare it with (a) the single-piece model
// (exact sums over the pure-birth chain) and (b) the generic CTMC solver: mean time to absorption
// of the pure-birth generator built state by state.
import org.p2prollout.model.swarm.SinglePieceModel;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.absorption.AbsorptionAnalysis;

double lambda = 1e-3;   // encounter rate per pair, per second
int[] sizes = {2, 5, 10, 20, 50, 100, 200, 500};

double closedForm(int n, double rate) {
    double h = 0;
    for (int i = 1; i <= n - 1; i++) h += 1.0 / i;
    return 2 * h / (rate * n);
}

// the pure-birth chain: state i = holders - 1, i -> i+1 at rate (N - h) lambda h with h = i + 1 holders
double solverMean(int n, double rate) {
    Generator.Builder b = Generator.builder(n);
    for (int h = 1; h < n; h++) b.add(h - 1, h, (double) (n - h) * rate * h);
    double[] start = new double[n];
    start[0] = 1;
    return AbsorptionAnalysis.of(b.build(), start).meanTime();
}

double[] n = new double[sizes.length];
double[] exact = new double[sizes.length];
double[] model = new double[sizes.length];
double[] solver = new double[sizes.length];
double worst = 0;
for (int k = 0; k < sizes.length; k++) {
    n[k] = sizes[k];
    exact[k] = closedForm(sizes[k], lambda);
    model[k] = SinglePieceModel.epidemic(sizes[k], lambda).predict(1.0).meanTime();
    solver[k] = solverMean(sizes[k], lambda);
    worst = Math.max(worst, Math.max(Math.abs(model[k] - exact[k]), Math.abs(solver[k] - exact[k])) / exact[k]);
}

// the three must agree to rounding; a notebook that disagrees fails the build
if (worst > 1e-9) throw new AssertionError("relative disagreement " + worst);
System.out.println("largest relative difference from the closed form: " + worst);
NB.table("epidemic-mean-t1", new String[] {"devices", "closed_form_s", "single_piece_model_s", "ctmc_solver_s"}, n, exact, model, solver);

var chart = NB.xy("Epidemic: mean time until every device holds the update", "devices N", "E[T_1] (s)");
chart.addSeries("closed form 2 H_{N-1} / (lambda N)", n, exact);
chart.addSeries("CTMC solver (absorption)", n, solver).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
chart.getStyler().setXAxisLogarithmic(true);
NB.png("epidemic-mean-t1", chart);
