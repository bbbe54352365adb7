package org.p2prollout.cli;

/** A command whose capability is not built yet; exits with code 2. */
final class NotBuiltException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotBuiltException(String command, String issue) {
        super("'" + command + "' is not built yet (" + issue + "); see 'rollout --help' for what is");
    }
}
