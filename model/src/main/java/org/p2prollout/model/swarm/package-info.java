/**
 * Swarm models of a closed fleet and their predictions (PRODUCT.md sections 4.2 and 4.3).
 *
 * <p>Entry points: {@link org.p2prollout.model.swarm.RolloutScenario#model()} picks the model for a
 * scenario; every model is a {@link org.p2prollout.model.swarm.RolloutModel} with
 * {@code predict(q, levels...)} (a {@link org.p2prollout.model.swarm.RolloutPrediction}),
 * {@code timeDistribution(q)} (CDF and quantiles of T_q) and {@code coverageCurve(times)}
 * (E[fraction holding at t]). {@link org.p2prollout.model.swarm.Forecast#of} gives all of them and
 * the traffic in one call. Models: {@link org.p2prollout.model.swarm.SinglePieceModel} (closed
 * form, hypoexponential), {@link org.p2prollout.model.swarm.HeterogeneousModel} (exact
 * {@link org.p2prollout.model.swarm.AcyclicChain} or mean-field), and
 * {@link org.p2prollout.model.pieces.MultiPieceModel}. Times in seconds, rates per second.
 */
package org.p2prollout.model.swarm;
