package org.p2prollout.core;

/**
 * Bad input from a user: a parameter outside its allowed range, or a malformed line in a file.
 *
 * <p>The message is one line that says what was wrong and what is allowed, e.g.
 * {@code "nodes must be an integer >= 1, got -5"} or {@code "trace.txt:12: expected 4 fields
 * 'lat lon occupied time', got 3"}. The command line maps it to exit code 2; any other exception
 * is an internal error (exit code 1).
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A malformed line in a file: {@code file:line: message}. Lines count from 1. */
    public static InvalidInputException atLine(String file, long line, String message) {
        return new InvalidInputException(file + ":" + line + ": " + message);
    }
}
