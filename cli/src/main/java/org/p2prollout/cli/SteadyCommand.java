package org.p2prollout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.model.openfleet.OpenFleet;
import org.p2prollout.model.openfleet.OpenFleetModel;
import org.p2prollout.model.openfleet.QiuSrikantModel;
import org.p2prollout.model.openfleet.SteadyState;
import org.p2prollout.solver.stationary.Convergence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "steady", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stationary state of an open fleet: devices come online lacking the update, leave, get it"
                + " from the server or from peers, and stop sharing. The (lacking, holding) chain is truncated at"
                + " --max-lacking and --max-holding; the probability mass at those bounds is reported (raise the"
                + " bounds when it is not small). Optionally compares with the Qiu-Srikant BitTorrent fluid model.",
            "Rates per second."})
final class SteadyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--arrival", required = true, paramLabel = "ALPHA", description = "devices coming online lacking the update, per second")
    double arrival;

    @Option(names = "--leave-lacking", required = true, paramLabel = "THETA", description = "rate at which a device lacking the update goes offline, per second")
    double leaveLacking;

    @Option(names = "--leave-holding", required = true, paramLabel = "GAMMA", description = "rate at which a holder stops sharing, per second")
    double leaveHolding;

    @Option(names = "--rate", required = true, paramLabel = "LAMBDA", description = "encounter rate of a pair, per second")
    double rate;

    @Option(names = "--server-rate", required = true, paramLabel = "MU", description = "rate at which a lacking device reaches the server, per second")
    double serverRate;

    @Option(names = "--success", defaultValue = "1", paramLabel = "P", description = "probability a contact transfers (default ${DEFAULT-VALUE})")
    double success;

    @Option(names = "--max-lacking", defaultValue = "200", paramLabel = "X", description = "truncation of lacking devices (default ${DEFAULT-VALUE})")
    int maxLacking;

    @Option(names = "--max-holding", defaultValue = "200", paramLabel = "Y", description = "truncation of holders (default ${DEFAULT-VALUE})")
    int maxHolding;

    @Option(names = "--method", paramLabel = "M", completionCandidates = Choices.StationaryMethodNames.class,
            description = "stationary method, one of ${COMPLETION-CANDIDATES} (gth takes at most 5,000 states; default: gth up to"
                    + " 1,500 states, direct up to 100,000, else multilevel). The answer is accepted when its residual ||pi Q||"
                    + " is at most 1e-9 of the fastest exit rate; a method given here is the one used (exit 1 if it fails),"
                    + " the default falls back to another method and says so")
    String method;

    @Option(names = "--epsilon", defaultValue = "1e-10", description = "iterative methods stop when no probability changes by more"
            + " than this between sweeps (default ${DEFAULT-VALUE}); the residual decides whether the answer is accepted")
    double epsilon;

    @Option(names = "--distribution", paramLabel = "FILE", description = "write the stationary distribution as CSV x,y,probability")
    Path distribution;

    @Option(names = "--bt-download-rate", paramLabel = "C", description = "Qiu-Srikant comparison: download bandwidth of a peer, files per second")
    Double btDownload;

    @Option(names = "--bt-upload-rate", paramLabel = "MU_BT", description = "Qiu-Srikant comparison: upload bandwidth of a peer, files per second")
    Double btUpload;

    @Option(names = "--bt-effectiveness", defaultValue = "1", paramLabel = "ETA", description = "Qiu-Srikant effectiveness of file sharing in [0, 1] (default ${DEFAULT-VALUE})")
    double btEffectiveness;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Results with more probability than this at the truncation bounds are refused (exit 2). */
    static final double MAX_TRUNCATION_MASS = 1e-3;
    /** Results with more than this at the bounds (and at most {@link #MAX_TRUNCATION_MASS}) carry a warning. */
    static final double WARN_TRUNCATION_MASS = 1e-6;

    /**
     * Refuses a result dominated by truncation: with mass at --max-lacking or --max-holding the
     * means describe the bounds, not the fleet (mass 1.0 gave means equal to the bounds, exit 0).
     * Suggests bounds from the fleet without peers: lacking devices are at most Poisson(alpha /
     * (theta + mu)) (peers only shorten their stay) and holders at most Poisson(alpha / gamma).
     *
     * @return a warning when the mass is small but not negligible, else null
     */
    static String truncationWarning(OpenFleet fleet, SteadyState s) {
        double mass = s.truncationMass();
        if (mass <= WARN_TRUNCATION_MASS) {
            return null;
        }
        String where = String.format(java.util.Locale.ROOT, "%.3g of the stationary probability is at the truncation bounds"
                + " (%.3g at --max-lacking %d, %.3g at --max-holding %d)", mass, s.massAtMaxLacking(), fleet.maxLacking(),
                s.massAtMaxHolding(), fleet.maxHolding());
        if (mass > MAX_TRUNCATION_MASS) {
            double lacking = fleet.arrival() / Math.max(fleet.leaveLacking() + fleet.serverRate(), Double.MIN_NORMAL);
            double holding = fleet.arrival() / Math.max(fleet.leaveHolding(), Double.MIN_NORMAL);
            throw new org.p2prollout.core.InvalidInputException(where + ", more than " + MAX_TRUNCATION_MASS
                    + ": the means would describe the bounds, not the fleet; raise the bounds (without peers about --max-lacking "
                    + suggest(lacking) + " --max-holding " + suggest(holding) + " would hold all but 1e-9)");
        }
        return where + "; the figures are accurate to about that much";
    }

    /** A bound holding all but about 1e-9 of a Poisson(m): m + 6 sqrt(m) + 10, as text. */
    private static String suggest(double m) {
        double b = m + 6 * Math.sqrt(m) + 10;
        return b > 1e7 ? String.format(java.util.Locale.ROOT, "%.3g", b) : Long.toString((long) Math.ceil(b));
    }

    @Override
    public Integer call() throws Exception {
        OpenFleet fleet = new OpenFleet(arrival, leaveLacking, leaveHolding, rate, serverRate, success, maxLacking, maxHolding);
        QiuSrikantModel qs = null;
        if (btDownload != null || btUpload != null) {
            if (btDownload == null || btUpload == null) {
                throw new org.p2prollout.core.InvalidInputException("the Qiu-Srikant comparison needs both --bt-download-rate and --bt-upload-rate");
            }
            qs = new QiuSrikantModel(arrival, btDownload, btUpload, leaveLacking, leaveHolding, btEffectiveness);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            OpenFleetModel model = new OpenFleetModel(fleet, method, Convergence.relative(epsilon), progress);
            SteadyState s = model.steadyState();
            String warning = truncationWarning(fleet, s);
            if (warning != null) {
                out.put("warning", warning);
                if (!common.json) {
                    spec.commandLine().getErr().println("rollout steady: warning: " + warning);
                }
            }
            out.put("meanLacking", s.meanLacking());
            out.put("meanHolding", s.meanHolding());
            out.put("shareUpToDate", s.shareUpToDate());
            out.put("serverDownloadsPerSecond", s.serverDownloadsPerSecond());
            out.put("peerDownloadsPerSecond", s.peerDownloadsPerSecond());
            out.put("offload", s.offload());
            out.put("truncationMass", s.truncationMass());
            out.put("massAtMaxLacking", s.massAtMaxLacking());
            out.put("massAtMaxHolding", s.massAtMaxHolding());
            out.put("states", s.states());
            out.put("method", s.method());
            out.put("residual", s.residual());
            out.put("accuracy", s.accuracy());
            if (qs != null) {
                QiuSrikantModel.Steady q = qs.steadyState();
                out.put("qiuSrikant", Map.of("downloaders", q.downloaders(), "seeds", q.seeds(), "beta", q.beta(),
                        "downloadTime", q.downloadTime()));
            }
            if (distribution != null) {
                model.writeDistribution(distribution);
                out.put("distribution", distribution.toString());
            }
        }
        var w = spec.commandLine().getOut();
        if (common.json) {
            Json.print(w, out);
        } else {
            // Text in words with units and 4 significant digits; --json keeps every digit.
            out.forEach((k, v) -> w.printf(java.util.Locale.ROOT, "%-34s %s%n", label(k), text(k, v)));
        }
        return ExitCodes.OK;
    }

    private static String label(String key) {
        String words = org.p2prollout.model.chart.Charts.words(key);
        if (key.endsWith("PerSecond")) {
            return words.replace(" per second", "") + " (per second)";
        }
        return words;
    }

    private static String text(String key, Object v) {
        if (v instanceof Double d) {
            return key.startsWith("share") || key.equals("offload") ? org.p2prollout.model.text.Quantities.percent(d)
                    : org.p2prollout.model.text.Quantities.number(d);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, x) -> b.append(b.length() > 0 ? ", " : "").append(org.p2prollout.model.chart.Charts.words(
                    String.valueOf(k))).append(' ').append(x instanceof Double d ? org.p2prollout.model.text.Quantities
                    .number(d) : String.valueOf(x)));
            return b.toString();
        }
        return String.valueOf(v);
    }
}
