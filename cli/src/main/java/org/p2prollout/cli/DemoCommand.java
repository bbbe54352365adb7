package org.p2prollout.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on the built-in scenario: synthetic city fleet -> encounter rates -> prediction -> simulation -> validation report.", "", "Not built yet (issue 7)."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    /** Everything after the command name, so that any input reaches the "not built" message. */
    @Unmatched
    List<String> unmatched;

    @Override
    public Integer call() {
        throw new NotBuiltException("demo", "issue 7");
    }
}
