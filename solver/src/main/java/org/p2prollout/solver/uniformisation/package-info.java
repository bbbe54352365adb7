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
 *
 * <p>Standard or adaptive ({@link org.p2prollout.solver.uniformisation.TransientOptions.Method}):
 * from an initial distribution on few states (at most 1/16 of the chain) and without rewards,
 * {@code solve} uses adaptive uniformisation: only states whose probability is above a drop
 * threshold are kept, and time is cut into intervals each uniformised at the largest exit rate of
 * the states it reaches, not of the whole chain (on a 10^6-state birth–death chain with exit rates
 * up to 10^6/s, the states reached by t = 0.2 s have rates below 1,600/s). Its bound (per-interval
 * Fox–Glynn tails plus the mass dropped) is as rigorous as the standard one.
 * {@code explore(transitionFunction, initial, times, progress)} does the same on a chain given by
 * its transitions ({@link org.p2prollout.solver.uniformisation.TransitionFunction}), generating
 * only the states reached, without building the chain.
 *
 * <h2>Time-inhomogeneous chains with piecewise-constant generators</h2>
 *
 * A {@link org.p2prollout.solver.uniformisation.PiecewiseGenerator} says which generator is in
 * force when (e.g. 24 hourly zone-movement generators repeated daily);
 * {@link org.p2prollout.solver.uniformisation.PiecewiseTransientSolver} runs the same
 * uniformisation pass piece by piece, each with its own rate Λ_k, carrying the distribution
 * across boundaries. The error bound at a time is the sum of the bounds of the pieces traversed
 * (each ≤ ε): the exact propagators e^{Q_k τ} are stochastic, hence non-expansive in the 1-norm,
 * so an error made in one piece is carried forward without growing. Times are seconds on the
 * schedule's clock, not since t0.
 *
 * <pre>{@code
 * PiecewiseGenerator day = PiecewiseGenerator.periodic(hourly, 3600);          // period 86,400 s
 * PiecewiseTransientSolver solver = new PiecewiseTransientSolver(TransientOptions.defaults());
 * PiecewiseTransientResult r = solver.solve(day, 8 * 3600, initial, new double[] {9 * 3600, 32 * 3600});
 * double bound = r.errorBounds()[1];              // ≤ ε × r.piecesTraversed()[1]
 * FirstPassageResult fp = solver.firstPassage(day, 8 * 3600, initial, absorbingTargets, grid, progress);
 * double[] cdf = fp.cdf();                        // P(τ ≤ grid[i] − t0)
 * double mean = fp.horizonMean();                 // E[min(τ, H)], H = max(grid) − t0
 * }</pre>
 */
package org.p2prollout.solver.uniformisation;
