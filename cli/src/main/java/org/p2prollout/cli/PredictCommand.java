package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict rollout time distribution, server downloads and offload for a fleet.", "", "Not built yet (issue 5)."})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("predict", "issue 5");
    }
}
