package org.p2prollout.model.planning;

import java.util.function.DoubleFunction;
import org.p2prollout.model.swarm.DeterministicTime;
import org.p2prollout.model.swarm.RolloutModel;
import org.p2prollout.model.swarm.TimeDistribution;
import org.p2prollout.model.traffic.TrafficModel;
import org.p2prollout.model.traffic.TrafficPrediction;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

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
    private final boolean peers;

    /**
     * @param modelAtServerRate the rollout model with server rate mu (per second)
     * @param traffic           bytes accounting
     * @param initialHolders    devices holding the update at release (for the byte counts)
     */
    public CapacityPlanner(DoubleFunction<RolloutModel> modelAtServerRate, TrafficModel traffic, long initialHolders) {
        this(modelAtServerRate, traffic, initialHolders, true);
    }

    private CapacityPlanner(DoubleFunction<RolloutModel> modelAtServerRate, TrafficModel traffic, long initialHolders,
                            boolean peers) {
        this.modelAtServerRate = modelAtServerRate;
        this.traffic = traffic;
        this.initialHolders = initialHolders;
        this.peers = peers;
    }

    /**
     * The planner for the server alone (client-server): the bytes are accounted with
     * {@link TrafficModel#accountClientServer}, so no peer announcements, peer pieces or peer
     * requests are charged to the baseline the P2P plan is compared with.
     *
     * @param modelAtServerRate the rollout model without peers, with server rate mu
     */
    public static CapacityPlanner clientServer(DoubleFunction<RolloutModel> modelAtServerRate, TrafficModel traffic,
                                               long initialHolders) {
        return new CapacityPlanner(modelAtServerRate, traffic, initialHolders, false);
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
            RolloutModel m = modelAtServerRate.apply(mu);
            TimeDistribution d = m.timeDistribution(coverage);
            if (d instanceof DeterministicTime) {
                throw noDistribution(m, coverage, confidence);
            }
            return d.cdf(deadline);
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
            while (lo / 4 >= org.p2prollout.model.swarm.RolloutScenario.MIN_POSITIVE_RATE && prob.applyAsDouble(lo) >= confidence) {
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
        TrafficPrediction t = peers ? traffic.account(prediction, model.nodes(), initialHolders)
                : traffic.accountClientServer(prediction, model.nodes(), initialHolders);
        double peak = rate * (model.nodes() - initialHolders) * traffic.parameters().updateBytes();
        return new CapacityPlan(rate, p, prediction, t, t.serverBytes(), peak, evaluations[0] + 1);
    }

    /**
     * The confidence of a plan is a probability of the rollout time, which a mean-field ODE does not
     * give: its times are deterministic, so every confidence would give the same server rate.
     * Refused rather than answered with a confidence that is not honoured.
     */
    private static InvalidInputException noDistribution(RolloutModel m, double coverage, double confidence) {
        return new InvalidInputException("'confidence' " + confidence + " needs the distribution of the rollout time T_q,"
                + " and this fleet (" + m.nodes() + " devices) is solved by the mean-field ODE, whose times are"
                + " deterministic; confidence is supported by the exact models: one piece without classes up to "
                + org.p2prollout.model.swarm.SinglePieceModel.CLOSED_FORM_LIMIT + " devices to reach (closed form),"
                + " classes or 'pieces' > 1 up to 'maxStates' states (raise 'maxStates', or use 'predict' for the"
                + " mean-field time)");
    }

    private boolean peersAlone(java.util.function.DoubleUnaryOperator prob, double confidence) {
        try {
            return prob.applyAsDouble(0) >= confidence;
        } catch (InvalidInputException e) {
            return false; // no peer can start without the server (e.g. no initial holder)
        }
    }
}
