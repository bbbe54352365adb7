package org.p2prollout.model.openfleet;

import java.util.List;
import org.p2prollout.core.Checks;
import org.p2prollout.solver.ode.OdeOptions;
import org.p2prollout.solver.ode.OdeResult;
import org.p2prollout.solver.ode.OdeSolver;
import org.p2prollout.solver.ode.VectorField;

/**
 * The Qiu–Srikant fluid model of a BitTorrent swarm (Qiu and Srikant, SIGCOMM 2004), the reference
 * point for "compared with BitTorrent": x downloaders, y seeds,
 * {@code dx/dt = arrival - theta x - min(c x, mu (eta x + y))},
 * {@code dy/dt = min(c x, mu (eta x + y)) - gamma y}. Rates are in files per second.
 *
 * @param arrival       lambda, peers arriving per second
 * @param downloadRate  c, download bandwidth of a peer, files per second (&gt; 0)
 * @param uploadRate    mu, upload bandwidth of a peer, files per second (&gt; 0)
 * @param abortRate     theta, downloaders giving up, per second each
 * @param seedLeaveRate gamma, seeds leaving, per second each (&gt; 0)
 * @param effectiveness eta in [0, 1], how well downloaders' upload is used
 */
public record QiuSrikantModel(double arrival, double downloadRate, double uploadRate, double abortRate,
        double seedLeaveRate, double effectiveness) {
    public QiuSrikantModel {
        Checks.nonNegative("arrival", arrival);
        Checks.positive("download rate c", downloadRate);
        Checks.positive("upload rate mu", uploadRate);
        Checks.nonNegative("abort rate theta", abortRate);
        Checks.positive("seed leave rate gamma", seedLeaveRate);
        Checks.probability("effectiveness eta", effectiveness);
    }

    /**
     * The closed-form steady state.
     *
     * @param downloaders  x-bar
     * @param seeds        y-bar
     * @param beta         the service rate of a downloader: 1/beta = max(1/c, (1/eta)(1/mu - 1/gamma))
     * @param downloadTime mean time a completing peer spends downloading, 1 / (theta + beta), seconds
     */
    public record Steady(double downloaders, double seeds, double beta, double downloadTime) {
    }

    public Steady steadyState() {
        double inverseBeta = 1 / downloadRate;
        if (effectiveness > 0) {
            inverseBeta = Math.max(inverseBeta, (1 / uploadRate - 1 / seedLeaveRate) / effectiveness);
        }
        double beta = 1 / inverseBeta;
        double x = arrival / (beta + abortRate);
        double y = beta * x / seedLeaveRate;
        return new Steady(x, y, beta, 1 / (abortRate + beta));
    }

    /** The fluid ODE as a vector field over (x, y). */
    public VectorField field() {
        return new VectorField() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivative(double t, double[] s, double[] d) {
                double x = Math.max(0, s[0]);
                double y = Math.max(0, s[1]);
                double service = Math.min(downloadRate * x, uploadRate * (effectiveness * x + y));
                d[0] = arrival - abortRate * x - service;
                d[1] = service - seedLeaveRate * y;
            }
        };
    }

    /** (x, y) at each of {@code times} (ascending, seconds) from (x0, y0). */
    public double[][] trajectory(double x0, double y0, double[] times) {
        double end = times[times.length - 1];
        OdeResult r = new OdeSolver(OdeOptions.DEFAULT.withTolerances(1e-10, 1e-10).withMaxCheckInterval(end))
                .integrate(field(), 0, new double[] {x0, y0}, end, times, List.of(), false);
        return r.samples();
    }
}
