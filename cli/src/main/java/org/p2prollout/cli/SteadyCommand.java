package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(name = "steady", mixinStandardHelpOptions = true,
        description = {"Stationary state of an open fleet (devices arriving and leaving).", "", "Not built yet (issue 5)."})
final class SteadyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("steady", "issue 5");
    }
}
