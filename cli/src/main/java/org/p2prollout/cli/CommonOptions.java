package org.p2prollout.cli;

import picocli.CommandLine.Option;

/** Options every command takes. Mix in with {@code @Mixin CommonOptions common;}. */
public final class CommonOptions {
    @Option(names = "--json", description = "Write one JSON object to stdout instead of text.")
    public boolean json;
}
