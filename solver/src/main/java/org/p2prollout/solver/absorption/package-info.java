/**
 * Time to absorption of a CTMC: moments, CDF, quantiles, accumulated reward, absorption
 * probabilities per absorbing state or per bottom strongly connected component.
 *
 * <pre>{@code
 * AbsorptionAnalysis a = AbsorptionAnalysis.of(generator, initial);   // absorbing = no outgoing transitions
 * a.meanTime(); a.sdTime(); a.varianceTime();                          // seconds, seconds²
 * a.cdf(t); a.cdf(times, progress).errors();                           // P(T <= t)
 * a.quantile(0.9); a.quantileInterval(0.9);                            // seconds, with bracket
 * a.expectedReward(rewardRate); a.absorptionProbabilities(); a.accuracy();
 * AbsorptionAnalysis.ofBottomClasses(generator, initial, AbsorptionOptions.defaults()).groupProbabilities();
 * AbsorptionAnalysis.ofTarget(generator, initial, targetStates, options);  // first passage
 * }</pre>
 *
 * Acyclic chains (pure birth, epidemic chains over holder counts) are solved exactly in one pass
 * over their transitions, and their CDF is found by Laplace inversion whatever t.
 */
package org.p2prollout.solver.absorption;
