package org.p2prollout.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.solver.stationary.StationaryMethods;

/**
 * The values options accept, taken from the library's registries so that help texts
 * ({@code ${COMPLETION-CANDIDATES}}) and shell completion never go stale.
 */
final class Choices {
    private Choices() {
    }

    /** Stationary solver names ({@link StationaryMethods#NAMES}). */
    static final class StationaryMethodNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return StationaryMethods.NAMES.iterator();
        }
    }

    /** Trace and contact-list format names ({@link TraceFormat#cliName()}). */
    static final class TraceFormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TraceFormat.values()).map(TraceFormat::cliName).iterator();
        }
    }
}
