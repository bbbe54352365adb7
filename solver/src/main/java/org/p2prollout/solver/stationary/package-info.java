/**
 * Stationary (long-run) distributions of CTMCs: one interface,
 * {@link org.p2prollout.solver.stationary.StationarySolver}, and one class per method, all held
 * to the same contract test.
 *
 * <table>
 * <caption>Methods</caption>
 * <tr><th>name</th><th>class</th><th>use</th></tr>
 * <tr><td>gth</td><td>{@link org.p2prollout.solver.stationary.Gth}</td><td>up to a few thousand states; exact to a few ulp</td></tr>
 * <tr><td>direct</td><td>{@link org.p2prollout.solver.stationary.SparseDirect}</td><td>sparse LU, up to ~200,000 states (fill-in)</td></tr>
 * <tr><td>power, jacobi, gs, sor</td><td>{@link org.p2prollout.solver.stationary.Power}, {@link org.p2prollout.solver.stationary.Jacobi},
 *     {@link org.p2prollout.solver.stationary.GaussSeidel}</td><td>classic sweeps</td></tr>
 * <tr><td>krylov</td><td>{@link org.p2prollout.solver.stationary.Krylov}</td><td>BiCGSTAB + ILU(0); good on moderately sized chains</td></tr>
 * <tr><td>multilevel</td><td>{@link org.p2prollout.solver.stationary.Multilevel}</td><td>large chains with slow global modes
 *     (the 2M-state open swarm in about 60 cycles at the default tolerance); the default above 1,500 states</td></tr>
 * </table>
 *
 * <p>Tolerance ({@link org.p2prollout.solver.stationary.Convergence}): by default the iterative
 * methods stop when the <em>estimated 1-norm distance to the true distribution</em>,
 * {@code d·ρ/(1−ρ)} from the last iterate changes, is below 1e-8, and report that estimate in
 * {@link org.p2prollout.solver.stationary.StationaryResult#errorEstimate()}; PRISM's
 * change-between-iterates criterion is still available ({@code new Convergence(eps, relative, max)}).
 *
 * <p>Usage:
 * <pre>{@code
 * Generator q = Generator.builder(3).add(0, 1, 2.0).add(1, 2, 1.0).add(2, 0, 4.0).build();
 * StationaryResult r = StationaryMethods.byName("multilevel", Convergence.defaults(), ProgressListener.NONE).solve(q);
 * double p1 = r.probability(1);
 * r.accuracy().summary();   // method, iterations, residual ‖πQ‖∞, criterion, converged
r.errorEstimate();        // estimated ‖π_computed − π‖₁ (NaN for the direct methods)
 * }</pre>
 * Reducible chains: {@code solve(q, initial)} weights each bottom class's distribution by the
 * probability of reaching it ({@link org.p2prollout.solver.stationary.BottomClassReachability}).
 * Birth–death chains have a closed form in {@link org.p2prollout.solver.stationary.BirthDeath}.
 */
package org.p2prollout.solver.stationary;
