package org.p2prollout.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.bench.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Times reference workloads end to end; the figures go to docs/PERFORMANCE.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time reference workloads end to end (wall clock, in this JVM).",
            "Each run prints the seconds per repetition and what the workload computed.",
            "Record figures in docs/PERFORMANCE.md with this command, the machine and the date.",
            "Without a name, lists the workloads."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORKLOAD", description = "workload names (see the list without arguments)")
    List<String> names = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "0", description = "untimed repetitions first (JIT warm-up), default ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--repeat", defaultValue = "1", description = "timed repetitions, default ${DEFAULT-VALUE}")
    int repeat;

    static Map<String, Workload> workloads() {
        Map<String, Workload> all = new TreeMap<>();
        for (Workload w : ServiceLoader.load(Workload.class)) {
            all.put(w.name(), w);
        }
        return all;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Workload> all = workloads();
        var out = spec.commandLine().getOut();
        if (names.isEmpty()) {
            all.values().forEach(w -> out.printf(java.util.Locale.ROOT, "%-24s %s%n", w.name(), w.description()));
            return ExitCodes.OK;
        }
        org.p2prollout.core.Checks.inRange("--repeat", repeat, 1, 1000);
        org.p2prollout.core.Checks.inRange("--warmup", warmup, 0, 1000);
        List<Map<String, Object>> results = new ArrayList<>();
        try (TerminalProgress progress = TerminalProgress.forTerminal()) {
            for (String name : names) {
                Workload w = all.get(name);
                if (w == null) {
                    throw new InvalidInputException("unknown workload '" + name + "'; known: " + String.join(", ", all.keySet()));
                }
                w.prepare();
                for (int i = 0; i < warmup; i++) {
                    w.run(progress);
                }
                double[] seconds = new double[repeat];
                Map<String, Object> facts = Map.of();
                for (int i = 0; i < repeat; i++) {
                    long t0 = System.nanoTime();
                    facts = w.run(progress);
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("workload", name);
                r.put("seconds", seconds);
                r.put("bestSeconds", java.util.Arrays.stream(seconds).min().orElse(Double.NaN));
                r.put("cores", Runtime.getRuntime().availableProcessors());
                r.put("facts", facts);
                results.add(r);
                if (!common.json) {
                    out.printf(java.util.Locale.ROOT, "%s: best %.3f s of %d (%s); %s%n", name, (double) r.get("bestSeconds"), repeat,
                            java.util.Arrays.toString(seconds), facts);
                }
            }
        }
        if (common.json) {
            Json.print(out, Map.of("results", results));
        }
        return ExitCodes.OK;
    }
}
