package org.p2prollout.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.core.Checks;
import org.p2prollout.solver.Generator;
import org.p2prollout.solver.NotConvergedException;
import org.p2prollout.solver.absorption.AbsorptionAnalysis;
import org.p2prollout.solver.absorption.AbsorptionOptions;
import org.p2prollout.core.AtomicFile;
import org.p2prollout.solver.prism.PrismExplicit;
import org.p2prollout.solver.stationary.Convergence;
import org.p2prollout.solver.stationary.StationaryMethods;
import org.p2prollout.solver.stationary.StationaryResult;
import org.p2prollout.solver.uniformisation.TransientOptions;
import org.p2prollout.solver.uniformisation.TransientResult;
import org.p2prollout.solver.uniformisation.TransientSolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve a CTMC in PRISM explicit format (.tra, with optional .lab next to it):",
            "stationary (long-run) distribution, transient distribution at given times, or time to absorption.",
            "Every result states its method, iterations, residual or error bound, and whether it converged."})
final class SolveCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.tra",
            description = "transitions 'from to rate' (rates per second) with header 'states transitions' (printable ASCII;"
                    + " at most 50,000,000 states and no more transitions than lines fit in the file)")
    Path tra;

    static final class Mode {
        @Option(names = "--steady", description = "long-run distribution (default); for a reducible chain, "
                + "each bottom class weighted by the probability of reaching it")
        boolean steady;

        @Option(names = "--transient", split = ",", paramLabel = "T",
                description = "distribution at times T[,T2,...] in seconds (uniformisation, Fox-Glynn bounds)")
        double[] times;

        @Option(names = "--absorption", description = "time to absorption (in states without outgoing "
                + "transitions, or in the bottom classes when there are none): mean, sd, where absorbed")
        boolean absorption;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    @Option(names = "--initial", paramLabel = "STATE",
            description = "initial state; default: the 'init' label of the .lab file next to FILE.tra, else state 0")
    Integer initial;

    @Option(names = "--method", paramLabel = "M", completionCandidates = Choices.StationaryMethodNames.class,
            description = "stationary method, one of ${COMPLETION-CANDIDATES} (direct: sparse LU, gs: Gauss-Seidel,"
                    + " krylov: BiCGSTAB+ILU(0), multilevel: aggregation W-cycles); default: gth up to "
                    + StationaryMethods.GTH_DEFAULT_LIMIT + " states, multilevel above")
    String method;

    @Option(names = "--epsilon", paramLabel = "E",
            description = {"tolerance. Steady (power, jacobi, gs, sor, multilevel): bound on the ESTIMATED 1-norm "
                    + "distance to the true distribution, ||x - pi||_1 ~ d*rho/(1-rho) (d the 1-norm change over the last "
                    + "iteration, rho the contraction factor from the last changes; an estimate, not a proof), so each "
                    + "probability is within about E/2 and each expectation E[f] within E*max|f|; default "
                    + Convergence.DEFAULT_EPSILON + "; krylov: relative residual; gth and direct are exact.",
                "Transient: proven bound on the 1-norm error of each distribution (Poisson tails, dropped mass, "
                    + "steady-state shortcut; rounding excluded), default 1e-9."})
    Double epsilon;

    @Option(names = "--uniformisation", paramLabel = "M", defaultValue = "auto",
            description = "transient method: auto (adaptive when the initial distribution sits on at most 1/16 of the "
                    + "states, else standard), adaptive (active states only, rate per time interval), standard "
                    + "(one rate for the whole chain), default ${DEFAULT-VALUE}")
    String uniformisation;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100000",
            description = "iterations before an iterative stationary method gives up, default ${DEFAULT-VALUE}")
    long maxIterations;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "write 'state,probability' per state (transient: one column per time; "
                    + "absorption: probability of being absorbed in each state)")
    Path out;

    @Override
    public Integer call() throws IOException {
        OutputFolder.checkFile("--out", out);
        Generator q = PrismExplicit.readTransitions(tra);
        double[] start = initialDistribution(q);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", tra.toString());
        r.put("states", q.states());
        r.put("transitions", q.transitions());
        long t0 = System.nanoTime();
        var w = spec.commandLine().getOut();
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            if (mode != null && mode.times != null) {
                transientMode(q, start, progress, r);
            } else if (mode != null && mode.absorption) {
                absorptionMode(q, start, r);
            } else {
                steadyMode(q, start, progress, r);
            }
        } catch (NotConvergedException e) {
            // not bad input and not a bug: say what was reached and what to try, exit 1
            r.put("method", e.reached().method());
            putAccuracy(r, e.reached());
            String message = OptionNames.translate(e.getMessage(), spec);
            r.put("error", message);
            if (common.json) {
                Json.print(w, r);
            }
            spec.commandLine().getErr().println("solve: " + message);
            return ExitCodes.INTERNAL;
        }
        r.put("seconds", (System.nanoTime() - t0) / 1e9);
        if (out != null) {
            r.put("out", out.toString());
        }
        if (common.json) {
            Json.print(w, r);
        } else {
            r.forEach((k, v) -> w.println(k + ": " + (v instanceof double[] d ? java.util.Arrays.toString(d) : v)));
            w.flush();
        }
        return ExitCodes.OK;
    }

    private void steadyMode(Generator q, double[] start, TerminalProgress progress, Map<String, Object> r)
            throws IOException {
        String name = method != null ? method : StationaryMethods.defaultName(q);
        double eps = epsilon != null ? epsilon : Convergence.DEFAULT_EPSILON;
        Convergence c = Convergence.errorEstimate(eps).withMaxIterations(maxIterations);
        StationaryResult res = StationaryMethods.byName(name, c, progress).solve(q, start);
        r.put("mode", "steady");
        r.put("method", res.accuracy().method());
        r.put("methodChosen", method != null ? "--method " + method
                : "default for " + q.states() + " states (gth up to " + StationaryMethods.GTH_DEFAULT_LIMIT + ")");
        putAccuracy(r, res.accuracy());
        r.put("tolerance", eps);
        r.put("errorEstimate", Json.finiteOrNull(res.errorEstimate()));
        r.put("bottomClasses", res.bottomClasses());
        double[] pi = res.distribution();
        int mode = 0;
        for (int s = 1; s < pi.length; s++) {
            if (pi[s] > pi[mode]) {
                mode = s;
            }
        }
        r.put("mostLikelyState", mode);
        r.put("mostLikelyProbability", pi[mode]);
        if (out != null) {
            writeCsv(new String[] {"probability"}, new double[][] {pi});
        }
    }

    private void transientMode(Generator q, double[] start, TerminalProgress progress, Map<String, Object> r)
            throws IOException {
        for (double t : mode.times) {
            Checks.nonNegative("--transient time", t);
        }
        TransientOptions o = TransientOptions.defaults().withMethod(switch (uniformisation) {
            case "auto" -> TransientOptions.Method.AUTO;
            case "adaptive" -> TransientOptions.Method.ADAPTIVE;
            case "standard" -> TransientOptions.Method.STANDARD;
            default -> throw new org.p2prollout.core.InvalidInputException(
                    "--uniformisation must be auto, adaptive or standard, got '" + uniformisation + "'");
        });
        if (epsilon != null) {
            o = o.withEpsilon(epsilon);
        }
        TransientResult res = new TransientSolver(o).solve(q, start, mode.times, null, progress);
        r.put("mode", "transient");
        r.put("method", res.accuracy().method());
        putAccuracy(r, res.accuracy());
        r.put("tolerance", o.epsilon());
        r.put("times", res.times());
        r.put("errorBounds", res.errorBounds());
        r.put("uniformisationRate", res.uniformisationRate());
        if (out != null) {
            String[] header = new String[mode.times.length];
            for (int i = 0; i < header.length; i++) {
                header[i] = "t=" + mode.times[i];
            }
            writeCsv(header, res.distributions());
        }
    }

    private void absorptionMode(Generator q, double[] start, Map<String, Object> r) throws IOException {
        // Bottom classes include every absorbing state as a one-state class, so a chain that also
        // has a closed cycle gets the time to reach any of them rather than an infinite mean.
        AbsorptionAnalysis a = AbsorptionAnalysis.ofBottomClasses(q, start, AbsorptionOptions.defaults());
        r.put("mode", "absorption");
        r.put("absorbingSet", "bottom classes (each absorbing state is a one-state bottom class)");
        r.put("method", a.accuracy().method());
        putAccuracy(r, a.accuracy());
        r.put("absorptionProbability", a.absorptionProbability());
        r.put("meanTime", a.meanTime());
        r.put("sdTime", a.sdTime());
        if (out != null) {
            writeCsv(new String[] {"probability"}, new double[][] {a.absorptionProbabilities()});
        }
    }

    private static void putAccuracy(Map<String, Object> r, Accuracy a) {
        r.put("iterations", a.iterations());
        r.put("residual", Json.finiteOrNull(a.residual()));
        r.put("errorBound", Json.finiteOrNull(a.errorBound()));
        r.put("criterion", a.criterion());
        r.put("converged", a.converged());
    }

    private double[] initialDistribution(Generator q) throws IOException {
        if (initial != null) {
            Checks.inRange("--initial", initial, 0, q.states() - 1);
            double[] d = new double[q.states()];
            d[initial] = 1;
            return d;
        }
        return PrismExplicit.initialDistribution(tra, q.states());
    }

    private void writeCsv(String[] header, double[][] columns) throws IOException {
        AtomicFile.writeText(out, w -> {
            w.write("state");
            for (String h : header) {
                w.write("," + h);
            }
            w.write("\n");
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < columns[0].length; s++) {
                b.setLength(0);
                b.append(s);
                for (double[] col : columns) {
                    b.append(',').append(col[s]);
                }
                w.append(b).append('\n');
            }
        });
    }
}
