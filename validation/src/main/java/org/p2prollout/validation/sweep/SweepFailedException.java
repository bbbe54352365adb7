package org.p2prollout.validation.sweep;

/** A point of a sweep failed with a checked exception (its cause); unchecked ones are rethrown as they are. */
public final class SweepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SweepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
