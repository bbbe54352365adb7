package org.p2prollout.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static final int OK = 0;
    /** Internal error, or numerics that did not converge (the message says what was reached). */
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
}
