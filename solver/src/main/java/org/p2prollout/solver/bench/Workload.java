package org.p2prollout.solver.bench;

import java.util.Map;
import org.p2prollout.core.ProgressListener;

/**
 * A reference workload timed by {@code rollout bench NAME}. Each module registers its own in
 * {@code META-INF/services/org.p2prollout.solver.bench.Workload}; the figures go to
 * docs/PERFORMANCE.md with the command that produced them.
 *
 * <p>{@link #prepare} runs untimed (e.g. locating input files); {@link #run} is the timed part
 * and returns what it computed (sizes, iterations, a checksum of the answer) so that a benchmark
 * can be checked for doing the real work.
 */
public interface Workload {
    /** Short unique name, e.g. {@code solver-steady}. */
    String name();

    /** One line: what is computed, on what input, and the goal it is measured against. */
    String description();

    /** Untimed set-up; throws {@link org.p2prollout.core.InvalidInputException} when input is missing. */
    default void prepare() throws Exception {
    }

    /** The timed work. Returns named facts about what was computed. */
    Map<String, Object> run(ProgressListener progress) throws Exception;
}
