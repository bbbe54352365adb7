package org.p2prollout.validation.suite;

/**
 * A validation case cannot run: a capability or input it needs is missing. The case is reported
 * as NOT_RUN with this message, never faked.
 */
public class CaseNotRunnable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaseNotRunnable(String message) {
        super(message);
    }
}
