package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/** Measured speed of the reference workloads; figures go to docs/PERFORMANCE.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, hidden = true,
        description = {"Time a reference workload end to end (wall clock, this JVM).", "",
            "Workloads: none yet."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("bench", "no workload is registered yet");
    }
}
