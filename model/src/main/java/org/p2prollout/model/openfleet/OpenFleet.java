package org.p2prollout.model.openfleet;

import org.p2prollout.core.Checks;
import org.p2prollout.solver.Generator;

/**
 * An open fleet (PRODUCT.md section 4.5): devices lacking the update come online at rate alpha and
 * go offline at rate theta each; holders stop sharing at rate gamma each; a lacking device gets the
 * update at rate mu (server) + p lambda y (peers). State (x lacking, y holding), truncated at
 * x &lt;= maxLacking, y &lt;= maxHolding: arrivals at x = maxLacking are lost, and a transfer at
 * y = maxHolding removes the lacking device without adding a holder. Both are reported as the
 * probability mass at the bounds.
 *
 * @param arrival      alpha, arrivals per second (&gt;= 0)
 * @param leaveLacking theta, per second per lacking device
 * @param leaveHolding gamma, per second per holder
 * @param rate         lambda, encounter rate per pair, per second
 * @param serverRate   mu, per second per lacking device
 * @param success      p in [0, 1]
 * @param maxLacking   X &gt;= 1
 * @param maxHolding   Y &gt;= 1
 */
public record OpenFleet(double arrival, double leaveLacking, double leaveHolding, double rate, double serverRate,
        double success, int maxLacking, int maxHolding) {
    public OpenFleet {
        Checks.nonNegative("arrival", arrival);
        Checks.nonNegative("leaveLacking", leaveLacking);
        Checks.nonNegative("leaveHolding", leaveHolding);
        Checks.nonNegative("rate", rate);
        Checks.nonNegative("serverRate", serverRate);
        Checks.probability("success", success);
        Checks.inRange("maxLacking", maxLacking, 1, 100_000);
        Checks.inRange("maxHolding", maxHolding, 1, 100_000);
        if ((long) (maxLacking + 1) * (maxHolding + 1) > 50_000_000L) {
            throw new org.p2prollout.core.InvalidInputException("('maxLacking' + 1) x ('maxHolding' + 1) must be"
                    + " at most 50,000,000 states, got " + (long) (maxLacking + 1) * (maxHolding + 1));
        }
    }

    public int states() {
        return (maxLacking + 1) * (maxHolding + 1);
    }

    /** State index of (x, y). */
    public int index(int x, int y) {
        return x * (maxHolding + 1) + y;
    }

    /** Per lacking device: rate of getting the update with y holders online. */
    public double transferRate(int y) {
        return serverRate + success * rate * y;
    }

    /** The truncated generator. */
    public Generator generator() {
        Generator.Builder b = Generator.builder(states(), 4 * states());
        for (int x = 0; x <= maxLacking; x++) {
            for (int y = 0; y <= maxHolding; y++) {
                int s = index(x, y);
                if (x < maxLacking) {
                    b.add(s, index(x + 1, y), arrival);
                }
                if (x > 0) {
                    b.add(s, index(x - 1, y), leaveLacking * x);
                    b.add(s, index(x - 1, Math.min(y + 1, maxHolding)), transferRate(y) * x);
                }
                if (y > 0) {
                    b.add(s, index(x, y - 1), leaveHolding * y);
                }
            }
        }
        return b.build();
    }
}
