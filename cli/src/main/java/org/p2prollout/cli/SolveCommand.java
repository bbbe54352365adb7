package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Solve a CTMC in PRISM explicit format: stationary, transient or absorption.", "", "Not built yet (issue 3)."})
final class SolveCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("solve", "issue 3");
    }
}
