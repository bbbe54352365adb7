/**
 * Transient analysis of CTMCs by uniformisation ({@code transient} is a Java keyword, hence the
 * name).
 *
 * <pre>{@code
 * TransientResult r = new TransientSolver(TransientOptions.defaults())
 *         .solve(generator, TransientSolver.pointMass(n, s0), new double[] {10, 100});
 * double[] pi100 = r.distributionAt(100);          // P(X(100) = s)
 * double bound = r.errorBounds()[1];               // proven 1-norm error bound
 * r = solver.solve(generator, initial, times, rewardRate, progress);   // + accumulatedRewards()
 * ExpectationResult e = solver.expectations(generator, initial, times, f, progress); // π(t)·f only
 * }</pre>
 *
 * {@link org.p2prollout.solver.uniformisation.FoxGlynn} gives the truncated Poisson weights with
 * a proven tail bound.
 */
package org.p2prollout.solver.uniformisation;
