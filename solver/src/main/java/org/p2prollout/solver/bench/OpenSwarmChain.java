package org.p2prollout.solver.bench;

import org.p2prollout.core.Checks;
import org.p2prollout.solver.Generator;

/**
 * The open-swarm reference chain of the solver benchmarks. State (x, y): x leechers
 * ({@code 0 <= x <= maxLeechers}), y seeds ({@code 0 <= y <= maxSeeds}); index
 * {@code x * (maxSeeds + 1) + y} (x-major, as PRISM orders variables x then y). Transitions, per
 * second:
 * <ul>
 * <li>arrival x → x+1 at {@code arrival} (when x &lt; maxLeechers);</li>
 * <li>abort x → x−1 at {@code abort · x};</li>
 * <li>completion (x, y) → (x−1, y+1) at {@code min(c·x, c·(η·x + y))} when y &lt; maxSeeds, and
 * (x, y) → (x−1, y) at that rate when y = maxSeeds (the seed leaves at once);</li>
 * <li>seed departure y → y−1 at {@code departure · y}.</li>
 * </ul>
 * The reference parameters ({@link #reference()}) give 2,003,001 states and 8,005,000 transitions.
 *
 * @param maxLeechers largest x, {@code >= 1}
 * @param maxSeeds    largest y, {@code >= 1}
 * @param arrival     leecher arrival rate λ, per second
 * @param abort       abort rate per leecher θ, per second
 * @param completion  download rate c per unit of upload capacity, per second
 * @param eta         fraction η of a leecher's upload that is useful to others, in [0, 1]
 * @param departure   seed departure rate γ per seed, per second
 */
public record OpenSwarmChain(int maxLeechers, int maxSeeds, double arrival, double abort, double completion,
                             double eta, double departure) {
    public OpenSwarmChain {
        Checks.inRange("maxLeechers", maxLeechers, 1, 1 << 20);
        Checks.inRange("maxSeeds", maxSeeds, 1, 1 << 20);
        Checks.nonNegative("arrival", arrival);
        Checks.nonNegative("abort", abort);
        Checks.nonNegative("completion", completion);
        Checks.probability("eta", eta);
        Checks.nonNegative("departure", departure);
        if ((long) (maxLeechers + 1) * (maxSeeds + 1) > Integer.MAX_VALUE - 8) {
            throw new org.p2prollout.core.InvalidInputException("open swarm chain too large: "
                    + (long) (maxLeechers + 1) * (maxSeeds + 1) + " states");
        }
    }

    /** x ≤ 2000, y ≤ 1000, λ = 2, θ = 0.001, c = 0.01, η = 0.5, γ = 0.005. */
    public static OpenSwarmChain reference() {
        return new OpenSwarmChain(2000, 1000, 2, 0.001, 0.01, 0.5, 0.005);
    }

    /** The same rates on a smaller grid (for tests and quick runs). */
    public OpenSwarmChain withLimits(int leechers, int seeds) {
        return new OpenSwarmChain(leechers, seeds, arrival, abort, completion, eta, departure);
    }

    public int states() {
        return (maxLeechers + 1) * (maxSeeds + 1);
    }

    public int index(int x, int y) {
        return x * (maxSeeds + 1) + y;
    }

    public int leechers(int state) {
        return state / (maxSeeds + 1);
    }

    public int seeds(int state) {
        return state % (maxSeeds + 1);
    }

    /** Completion rate in state (x, y), per second. */
    public double completionRate(int x, int y) {
        return Math.min(completion * x, completion * (eta * x + y));
    }

    /**
     * The same transitions as {@link #build()}, generated state by state (for adaptive
     * uniformisation, which explores the chain without building it).
     */
    public org.p2prollout.solver.uniformisation.TransitionFunction transitions() {
        int w = maxSeeds + 1;
        return new org.p2prollout.solver.uniformisation.TransitionFunction() {
            @Override
            public int states() {
                return OpenSwarmChain.this.states();
            }

            @Override
            public int maxTransitions() {
                return 4;
            }

            @Override
            public int transitions(int s, int[] targets, double[] rates) {
                int x = leechers(s);
                int y = seeds(s);
                int c = 0;
                double done = x > 0 ? completionRate(x, y) : 0;
                if (x > 0) {
                    c = put(targets, rates, c, s - w, abort * x + (y == maxSeeds ? done : 0));
                    if (y < maxSeeds) {
                        c = put(targets, rates, c, s - w + 1, done);
                    }
                }
                if (y > 0) {
                    c = put(targets, rates, c, s - 1, departure * y);
                }
                if (x < maxLeechers) {
                    c = put(targets, rates, c, s + w, arrival);
                }
                return c;
            }

            private int put(int[] targets, double[] rates, int c, int t, double r) {
                if (r > 0) {   // as the builder, which drops zero rates
                    targets[c] = t;
                    rates[c] = r;
                    return c + 1;
                }
                return c;
            }
        };
    }

    /** Builds the generator, rows in order (the builder's fast path, no sorting). */
    public Generator build() {
        int w = maxSeeds + 1;
        Generator.Builder b = Generator.builder(states(), 4 * states());
        for (int x = 0; x <= maxLeechers; x++) {
            for (int y = 0; y <= maxSeeds; y++) {
                int s = x * w + y;
                double done = x > 0 ? completionRate(x, y) : 0;
                if (x > 0) {   // targets in increasing index: (x-1, y), (x-1, y+1), (x, y-1), (x+1, y)
                    b.add(s, s - w, abort * x + (y == maxSeeds ? done : 0));
                    if (y < maxSeeds) {
                        b.add(s, s - w + 1, done);
                    }
                }
                if (y > 0) {
                    b.add(s, s - 1, departure * y);
                }
                if (x < maxLeechers) {
                    b.add(s, s + w, arrival);
                }
            }
        }
        return b.build();
    }
}
