package org.p2prollout.model.planning;

import java.util.function.DoubleFunction;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficPrediction;
import org.p2prollout.solver.Checks;
import org.p2prollout.solver.InvalidInputException;

/**
 * The capacity planner's inverse question: the smallest server rate mu such that
 * P(T_q &lt;= deadline) &gt;= confidence. P(T_q &lt;= d) never falls as mu grows (a faster server
 * only adds transfers), so the answer is found by bracketing and bisection on log mu to a relative
 * {@link #RELATIVE_TOLERANCE}.
 */
public final class CapacityPlanner {
    public static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double MAX_RATE = 1e12;

    private final DoubleFunction<RolloutModel> modelAtServerRate;
    private final TrafficModel traffic;
    private final long initialHolders;

    /**
     * @param modelAtServerRate the rollout model with server rate mu (per second)
     * @param traffic           bytes accounting
     * @param initialHolders    devices holding the update at release (for the byte counts)
     */
    public CapacityPlanner(DoubleFunction<RolloutModel> modelAtServerRate, TrafficModel traffic, long initialHolders) {
        this.modelAtServerRate = modelAtServerRate;
        this.traffic = traffic;
        this.initialHolders = initialHolders;
    }

    /**
     * @param coverage   q in (0, 1]
     * @param deadline   seconds, &gt; 0
     * @param confidence in (0, 1)
     */
    public CapacityPlan plan(double coverage, double deadline, double confidence) {
        Checks.fractionAboveZero("coverage", coverage);
        Checks.positive("deadline", deadline);
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidInputException("confidence must be in (0, 1), got " + confidence);
        }
        int[] evaluations = {0};
        java.util.function.DoubleUnaryOperator prob = mu -> {
            evaluations[0]++;
            return modelAtServerRate.apply(mu).timeDistribution(coverage).cdf(deadline);
        };
        double rate;
        if (peersAlone(prob, confidence)) {
            rate = 0;
        } else {
            double hi = 1 / deadline;
            while (prob.applyAsDouble(hi) < confidence) {
                hi *= 4;
                if (hi > MAX_RATE) {
                    throw new InvalidInputException("no server rate up to " + MAX_RATE + " per second meets the deadline "
                            + deadline + " s with confidence " + confidence);
                }
            }
            double lo = hi / 4;
            while (lo > 1e-300 && prob.applyAsDouble(lo) >= confidence) {
                hi = lo;
                lo /= 4;
            }
            while (hi / lo > 1 + RELATIVE_TOLERANCE) {
                double mid = Math.sqrt(lo * hi);
                if (prob.applyAsDouble(mid) >= confidence) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            rate = hi;
        }
        RolloutModel model = modelAtServerRate.apply(rate);
        var prediction = model.predict(coverage);
        double p = model.timeDistribution(coverage).cdf(deadline);
        TrafficPrediction t = traffic.account(prediction, model.nodes(), initialHolders);
        double peak = rate * (model.nodes() - initialHolders) * traffic.parameters().updateBytes();
        return new CapacityPlan(rate, p, prediction, t, t.serverBytes(), peak, evaluations[0] + 1);
    }

    private boolean peersAlone(java.util.function.DoubleUnaryOperator prob, double confidence) {
        try {
            return prob.applyAsDouble(0) >= confidence;
        } catch (InvalidInputException e) {
            return false; // no peer can start without the server (e.g. no initial holder)
        }
    }
}
