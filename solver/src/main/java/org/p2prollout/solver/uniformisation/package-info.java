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
