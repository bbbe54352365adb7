package org.p2prollout.validation.suite;

/** The outcome of a validation case. */
public enum Verdict {
    /** Every check within its tolerance. */
    PASS,
    /** At least one check outside its tolerance; the numbers are reported as they are. */
    FAIL,
    /** The case could not run (e.g. a missing capability or input); nothing was compared. */
    NOT_RUN
}
