package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(name = "rates", mixinStandardHelpOptions = true,
        description = {"Derive pairwise encounter rates from a mobility trace or contact list.", "", "Not built yet (issue 4)."})
final class RatesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("rates", "issue 4");
    }
}
