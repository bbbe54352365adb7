package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run a validation suite: model predictions against simulation, with a report.", "", "Not built yet (issue 7)."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("validate", "issue 7");
    }
}
