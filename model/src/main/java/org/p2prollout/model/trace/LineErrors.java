package org.p2prollout.model.trace;

import org.p2prollout.core.InvalidInputException;

/**
 * What a reader does with a malformed line: stop with {@code file:line: what was expected}, or
 * (lenient) skip it and count it.
 */
final class LineErrors {
    private final boolean lenient;
    private long skipped;

    LineErrors(boolean lenient) {
        this.lenient = lenient;
    }

    /** Reports a malformed line; throws unless lenient. */
    void malformed(String file, long line, String expected) {
        if (!lenient) {
            throw InvalidInputException.atLine(file, line, expected + " (use 'lenient' to skip malformed lines)");
        }
        skipped++;
    }

    long skipped() {
        return skipped;
    }
}
