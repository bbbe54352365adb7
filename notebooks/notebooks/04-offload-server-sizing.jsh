// Offload and server sizing for a deadline: the smallest server rate mu for which the whole fleet
// holds the update by the deadline with probability 0.9 (P(T_1 <= D) >= 0.9), and what offload
// (share of payload from peers) the P2P scheme keeps at that rate. Client-server has offload 0 and
// needs P(max of N exponential(mu) <= D) = (1 - exp(-mu D))^N >= 0.9.
import org.p2prollout.model.swarm.SinglePieceModel;

int devices = 200;
double lambda = 2e-5;     // per pair per second (a sparse fleet)
double confidence = 0.9;
double[] deadlines = {1800, 3600, 7200, 14400, 28800};

double p2pRate(double deadline) {
    double lo = 0, hi = 1e-6;
    while (new SinglePieceModel(devices, 0, lambda, hi, 1).timeDistribution(1.0).cdf(deadline) < confidence) hi *= 2;
    for (int i = 0; i < 60; i++) {
        double mid = 0.5 * (lo + hi);
        if (new SinglePieceModel(devices, 0, lambda, mid, 1).timeDistribution(1.0).cdf(deadline) >= confidence) hi = mid; else lo = mid;
    }
    return hi;
}

// closed form for client-server: (1 - e^{-mu D})^N = c  =>  mu = -ln(1 - c^{1/N}) / D
double clientServerRate(double deadline) {
    return -Math.log(1 - Math.pow(confidence, 1.0 / devices)) / deadline;
}

double[] d = deadlines.clone();
double[] muP2p = new double[d.length], muCs = new double[d.length], offload = new double[d.length], serverDownloads = new double[d.length];
for (int k = 0; k < d.length; k++) {
    muP2p[k] = p2pRate(d[k]);
    muCs[k] = clientServerRate(d[k]);
    var prediction = new SinglePieceModel(devices, 0, lambda, muP2p[k], 1).predict(1.0);
    offload[k] = prediction.offload();
    serverDownloads[k] = prediction.serverDownloads();
    // with peers the server can be slower than without
    if (muP2p[k] > muCs[k] * (1 + 1e-6)) throw new AssertionError("P2P needs more server than client-server at D=" + d[k]);
    System.out.printf("deadline %5.0f s: server rate P2P %.3g/s vs client-server %.3g/s; offload %.1f%%%n", d[k], muP2p[k], muCs[k], 100 * offload[k]);
}
NB.table("server-sizing", new String[] {"deadline_s", "server_rate_p2p_per_s", "server_rate_client_server_per_s", "offload_p2p", "server_downloads_p2p"},
        d, muP2p, muCs, offload, serverDownloads);
var chart = NB.xy("Server rate needed for P(T_1 <= deadline) >= 0.9, N = 200", "deadline (s)", "server rate mu (per second)");
chart.addSeries("P2P (model)", d, muP2p);
chart.addSeries("client-server (closed form)", d, muCs);
chart.getStyler().setYAxisLogarithmic(true);
NB.png("server-sizing", chart);
var off = NB.xy("Offload at the sized server rate", "deadline (s)", "offload (share of payload from peers)");
off.addSeries("P2P", d, offload);
NB.png("offload-at-sized-rate", off);
