package org.p2prollout.solver.uniformisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.solver.uniformisation.PiecewiseGenerator.Piece;

/**
 * Contract test of the piecewise-constant (time-inhomogeneous) transient solver: every
 * configuration against closed forms (two-state chains, the inhomogeneous Poisson process) and
 * products of dense matrix exponentials, with the reported bounds checked against the true errors.
 */
class PiecewiseTransientSolverTest {
    static Stream<TransientOptions> configurations() {
        TransientOptions d = TransientOptions.defaults().withEpsilon(1e-12);
        return Stream.of(
                d.withThreads(1),
                d.withThreads(2).withSteadyStateDetection(false).withDropThreshold(0),
                d.withThreads(1).withUniformisationFactor(1.0),
                d.withThreads(2).withUniformisationFactor(3.0).withDropThreshold(1e-18));
    }

    private static Generator twoState(double a, double b) {
        return Generator.builder(2).add(0, 1, a).add(1, 0, b).build();
    }

    /** A chain counting events at rate λ up to K (absorbing): the inhomogeneous Poisson process truncated at K. */
    private static Generator counting(int k, double lambda) {
        Generator.Builder b = Generator.builder(k + 1);
        for (int i = 0; i < k; i++) {
            b.add(i, i + 1, lambda);
        }
        return b.build();
    }

    // ---- (1) one piece is the homogeneous solver --------------------------------------------

    @ParameterizedTest
    @MethodSource("configurations")
    void onePieceIsTheHomogeneousSolver(TransientOptions o) {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 9;
        Generator.Builder b = Generator.builder(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && rnd.nextDouble() < 0.4) {
                    b.add(i, j, Math.pow(10, -2 + 3 * rnd.nextDouble()));
                }
            }
        }
        Generator q = b.build();
        double[] init = TransientSolver.pointMass(n, 2);
        double[] reward = new double[n];
        for (int i = 0; i < n; i++) {
            reward[i] = i - 3;
        }
        double[] times = {4, 0, 0.25, 30, 4};
        TransientResult ref = new TransientSolver(o).solve(q, init, times, reward);
        PiecewiseTransientResult r = new PiecewiseTransientSolver(o).solve(PiecewiseGenerator.constant(q), 0, init,
                times, reward, ProgressListener.NONE);
        for (int i = 0; i < times.length; i++) {
            assertArrayEquals(ref.distribution(i), r.distribution(i), 1e-12, "t = " + times[i]);
            assertEquals(ref.accumulatedRewards()[i], r.accumulatedRewards()[i], 1e-12);
            assertEquals(ref.errorBounds()[i], r.errorBounds()[i], 1e-15);
            assertEquals(times[i] == 0 ? 0 : 1, r.piecesTraversed()[i]);
        }
        assertEquals(1, r.pieces());
        assertEquals(ref.accuracy().iterations(), r.steps());
        assertTrue(r.accuracy().converged());
    }

    // ---- (2) two-state chain switching rates: closed form per piece ---------------------------

    /** Rates (a, b) per piece; walks the pieces with p1 ← π∞ + (p1 − π∞) e^{−(a+b)dt}, and integrates p1. */
    private static double[] twoStateClosedForm(double[] starts, double period, double[] a, double[] b, double t0,
                                               double p1At0, double t) {
        double p = p1At0;
        double integral = 0;
        double s = t0;
        while (s < t) {
            long cycle = (long) Math.floor(s / period);
            double r = s - cycle * period;
            int k = starts.length - 1;
            while (starts[k] > r) {
                k--;
            }
            double end = k + 1 < starts.length ? cycle * period + starts[k + 1] : (cycle + 1) * period;
            double e = Math.min(end, t);
            double dt = e - s;
            double sum = a[k] + b[k];
            double inf = a[k] / sum;
            double decay = Math.exp(-sum * dt);
            integral += inf * dt + (p - inf) * (1 - decay) / sum;
            p = inf + (p - inf) * decay;
            s = e;
        }
        return new double[] {p, integral};
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void twoStateChainSwitchingRatesMatchesClosedForm(TransientOptions o) {
        // three unequal pieces per period of 10 s: slow, fast, asymmetric
        double[] starts = {0, 2.5, 6};
        double[] a = {0.1, 3.0, 0.7};
        double[] b = {0.4, 2.0, 0.05};
        double period = 10;
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            pieces.add(new Piece(starts[k], twoState(a[k], b[k])));
        }
        PiecewiseGenerator schedule = PiecewiseGenerator.of(pieces, period);
        double t0 = 1.3;   // mid-piece
        double[] init = {0.8, 0.2};
        double[] reward = {0, 1};   // time spent in state 1
        // any order, boundaries exactly (2.5, 6, 10, 32.5), t0 itself, a repeat, four periods
        double[] times = {41.3, 2.5, 1.3, 6, 10, 17.77, 32.5, 2.5, 1.30001};
        PiecewiseTransientResult r = new PiecewiseTransientSolver(o).solve(schedule, t0, init, times, reward,
                ProgressListener.NONE);
        assertArrayEquals(new double[] {0.8, 0.2}, init, "initial unchanged");
        assertArrayEquals(new double[] {0, 1}, reward, "reward unchanged");
        assertArrayEquals(new double[] {41.3, 2.5, 1.3, 6, 10, 17.77, 32.5, 2.5, 1.30001}, r.times());
        for (int i = 0; i < times.length; i++) {
            double[] exact = twoStateClosedForm(starts, period, a, b, t0, 0.2, times[i]);
            assertEquals(exact[0], r.probability(i, 1), 1e-10, "t = " + times[i]);
            assertEquals(1 - exact[0], r.probability(i, 0), 1e-10, "t = " + times[i]);
            assertTrue(Math.abs(exact[0] - r.probability(i, 1)) <= r.errorBounds()[i] + 1e-14, "within bound at " + times[i]);
            assertEquals(exact[1], r.accumulatedRewards()[i], r.rewardErrorBounds()[i] + 1e-12, "reward at " + times[i]);
            assertEquals(exact[1], r.accumulatedRewards()[i], 1e-9, "reward at " + times[i]);
        }
        // pieces from 1.3 to 41.3: [1.3,2.5) then 3 per period through 40, then [40, 41.3] → 1 + 2 + 3·3 + 1 = 13
        assertEquals(13, r.pieces());
        assertEquals(13, r.piecesTraversed()[0]);
        assertEquals(1, r.piecesTraversed()[1]);
        assertEquals(0, r.piecesTraversed()[2]);
        assertEquals(2, r.piecesTraversed()[3]);
        assertEquals(3, r.piecesTraversed()[4]);
        assertTrue(r.distribution(1) != r.distribution(7), "repeated times do not alias");
        assertTrue(r.accuracy().converged(), r.accuracy().summary());

        // expectations(): the same numbers without distributions
        PiecewiseExpectationResult e = new PiecewiseTransientSolver(o).expectations(schedule, t0, init, times, reward,
                ProgressListener.NONE);
        for (int i = 0; i < times.length; i++) {
            double[] exact = twoStateClosedForm(starts, period, a, b, t0, 0.2, times[i]);
            assertEquals(exact[0], e.values()[i], e.errorBounds()[i] + 1e-14);
            assertEquals(exact[1], e.integrals()[i], e.integralErrorBounds()[i] + 1e-12);
        }
    }

    @Test
    void equalPiecesFactoryRepeatsDaily() {
        // 24 "hours" of 1 s each; rates change every hour; compare at 3.5 days
        List<Generator> hourly = new ArrayList<>();
        double[] a = new double[24];
        double[] b = new double[24];
        double[] starts = new double[24];
        for (int h = 0; h < 24; h++) {
            a[h] = 0.2 + 0.15 * h;
            b[h] = 1.5 - 0.05 * h;
            starts[h] = h;
            hourly.add(twoState(a[h], b[h]));
        }
        PiecewiseGenerator day = PiecewiseGenerator.periodic(hourly, 1.0);
        assertEquals(24, day.period());
        double[] times = {84, 12.25, 50.5};
        PiecewiseTransientResult r = new PiecewiseTransientSolver(TransientOptions.defaults().withEpsilon(1e-12))
                .solve(day, 0, new double[] {1, 0}, times);
        for (int i = 0; i < times.length; i++) {
            double exact = twoStateClosedForm(starts, 24, a, b, 0, 0, times[i])[0];
            assertEquals(exact, r.probability(i, 1), 1e-10, "t = " + times[i]);
        }
        assertEquals(84, r.pieces());
    }

    // ---- (3) inhomogeneous Poisson process ---------------------------------------------------

    private static final double[] POISSON_RATES = {0.02, 0.05, 0.01, 0.0, 0.08, 0.03};   // per second, 600 s each

    /** m(t) = ∫_{t0}^{t} λ(s) ds for the periodic 600-s profile above. */
    private static double meanEvents(double[] rates, double pieceSeconds, double t0, double t) {
        double m = 0;
        double period = rates.length * pieceSeconds;
        for (double s = t0; s < t; ) {
            int k = (int) Math.floor((s % period) / pieceSeconds);
            double end = Math.min(t, (Math.floor(s / pieceSeconds) + 1) * pieceSeconds);
            m += rates[k] * (end - s);
            s = end;
        }
        return m;
    }

    private static PiecewiseGenerator countingSchedule(double[] rates, int k, double pieceSeconds) {
        List<Generator> gens = new ArrayList<>();
        for (double rate : rates) {
            gens.add(counting(k, rate));
        }
        return PiecewiseGenerator.periodic(gens, pieceSeconds);
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void countingChainIsAnInhomogeneousPoissonProcess(TransientOptions o) {
        int k = 400;
        PiecewiseGenerator schedule = countingSchedule(POISSON_RATES, k, 600);
        double t0 = 300;
        double[] times = {7500, 900, 1800, 2100, 4000};   // 1800..2400 is the rate-0 piece
        PiecewiseTransientResult r = new PiecewiseTransientSolver(o).solve(schedule, t0,
                TransientSolver.pointMass(k + 1, 0), times);
        for (int i = 0; i < times.length; i++) {
            double m = meanEvents(POISSON_RATES, 600, t0, times[i]);
            PoissonDistribution p = new PoissonDistribution(null, m, 1e-15, 100_000);
            double tol = r.errorBounds()[i] + 1e-12;
            for (int j = 0; j < k; j++) {
                assertEquals(p.probability(j), r.probability(i, j), tol, "t = " + times[i] + ", j = " + j);
            }
            assertEquals(1 - p.cumulativeProbability(k - 1), r.probability(i, k), tol);
        }
        // the rate-0 piece [1800, 2400) leaves the distribution exactly as it was at 1800, at no cost
        assertArrayEquals(r.distribution(2), r.distribution(3), 0.0);
        assertEquals(r.errorBounds()[2], r.errorBounds()[3], 0.0);
    }

    /** First passage to J = 3 events: CDF 1 − F_2(m(t)); truncated mean Σ ∫ P(N(s) < 3) ds in closed form. */
    @ParameterizedTest
    @MethodSource("configurations")
    void firstPassageOfThirdEventMatchesClosedForm(TransientOptions o) {
        double[] rates = {0.002, 0.005, 0.001, 0.0, 0.008, 0.003};
        int j = 3;
        PiecewiseGenerator schedule = countingSchedule(rates, j, 600);
        double t0 = 300;
        double[] times = new double[17];
        for (int i = 0; i < times.length; i++) {
            times[i] = t0 + 450.0 * ((i * 7) % 17);   // 0..7200 s after t0, shuffled
        }
        double[] init = TransientSolver.pointMass(j + 1, 0);
        FirstPassageResult fp = new PiecewiseTransientSolver(o).firstPassage(schedule, t0, init, new int[] {j}, times,
                ProgressListener.NONE);
        for (int i = 0; i < times.length; i++) {
            double m = meanEvents(rates, 600, t0, times[i]);
            PoissonDistribution p = new PoissonDistribution(null, Math.max(m, 1e-300), 1e-15, 100_000);
            double cdf = 1 - p.cumulativeProbability(j - 1);
            assertEquals(cdf, fp.cdf()[i], fp.errorBounds()[i] + 1e-13, "t = " + times[i]);
            double mean = truncatedMeanOfJthEvent(rates, 600, t0, times[i], j);
            assertEquals(mean, fp.truncatedMeans()[i], fp.truncatedMeanErrorBounds()[i] + 1e-9, "mean at " + times[i]);
            assertTrue(fp.truncatedMeanErrorBounds()[i] < 1e-6, "mean bound " + fp.truncatedMeanErrorBounds()[i]);
        }
        assertEquals(7200, fp.horizon(), 1e-9);
        assertEquals(truncatedMeanOfJthEvent(rates, 600, t0, t0 + 7200, j), fp.horizonMean(), 1e-8);
        double m = meanEvents(rates, 600, t0, t0 + 7200);
        assertEquals(new PoissonDistribution(null, m, 1e-15, 100_000).cumulativeProbability(j - 1), fp.tailAtHorizon(),
                1e-10);
    }

    /**
     * E[min(τ_J, t − t0)] = ∫ P(N(s) < J) ds; on a piece of rate λ > 0 from mean m0 to m1,
     * ∫ Poisson(i; m(s)) ds = (F_i(m0) − F_i(m1)) / λ because dF_i/dm = −Poisson(i; m);
     * on a piece of rate 0 the integrand is constant.
     */
    private static double truncatedMeanOfJthEvent(double[] rates, double pieceSeconds, double t0, double t, int jEvents) {
        double total = 0;
        double m0 = 0;
        double period = rates.length * pieceSeconds;
        for (double s = t0; s < t; ) {
            int k = (int) Math.floor((s % period) / pieceSeconds);
            double end = Math.min(t, (Math.floor(s / pieceSeconds) + 1) * pieceSeconds);
            double m1 = m0 + rates[k] * (end - s);
            for (int i = 0; i < jEvents; i++) {
                double f0 = poissonCdf(i, m0);
                if (rates[k] == 0) {
                    total += (end - s) * (i == 0 ? f0 : f0 - poissonCdf(i - 1, m0));
                } else {
                    total += (f0 - poissonCdf(i, m1)) / rates[k];
                }
            }
            m0 = m1;
            s = end;
        }
        return total;
    }

    /** P(N <= i) for N ~ Poisson(m), summed directly (small i). */
    private static double poissonCdf(int i, double m) {
        double term = Math.exp(-m);
        double sum = term;
        for (int k = 1; k <= i; k++) {
            term *= m / k;
            sum += term;
        }
        return sum;
    }

    @Test
    void firstPassageCountsInitialMassInTheTargets() {
        PiecewiseGenerator schedule = countingSchedule(new double[] {0.01, 0.02}, 1, 100);
        // half the mass starts absorbed; τ = first event otherwise: P(τ <= t) = 0.5 + 0.5(1 − e^{−m(t)})
        FirstPassageResult fp = new PiecewiseTransientSolver().firstPassage(schedule, 0, new double[] {0.5, 0.5},
                new int[] {1}, new double[] {0, 150}, ProgressListener.NONE);
        double m = 0.01 * 100 + 0.02 * 50;
        assertEquals(0.5, fp.cdf()[0], 1e-15);
        assertEquals(0.5 + 0.5 * (1 - Math.exp(-m)), fp.cdf()[1], 1e-9);
        // E[min(τ,150)] = 0.5 · (∫_0^100 e^{-0.01 s} ds + e^{-1} ∫_0^50 e^{-0.02 s} ds)
        double mean = 0.5 * ((1 - Math.exp(-1)) / 0.01 + Math.exp(-1) * (1 - Math.exp(-1)) / 0.02);
        assertEquals(mean, fp.truncatedMeans()[1], 1e-7);
        assertEquals(0, fp.truncatedMeans()[0]);
    }

    /** Random multi-state chains, pieces of different structure, against products of dense exponentials. */
    @ParameterizedTest
    @MethodSource("configurations")
    void randomSchedulesMatchProductsOfDenseExponentials(TransientOptions o) {
        SplittableRandom rnd = new SplittableRandom(424242);
        for (int c = 0; c < 4; c++) {
            int n = 3 + rnd.nextInt(8);
            int pieces = 2 + rnd.nextInt(4);
            List<Piece> list = new ArrayList<>();
            List<double[][]> dense = new ArrayList<>();
            double[] starts = new double[pieces];
            for (int k = 0; k < pieces; k++) {
                starts[k] = k == 0 ? 0 : starts[k - 1] + 0.2 + rnd.nextDouble();
                Generator.Builder b = Generator.builder(n);
                double[][] d = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i != j && rnd.nextDouble() < 0.4) {
                            double rate = Math.pow(10, -2 + 3 * rnd.nextDouble());
                            b.add(i, j, rate);
                            d[i][j] += rate;
                            d[i][i] -= rate;
                        }
                    }
                }
                list.add(new Piece(starts[k], b.build()));
                dense.add(d);
            }
            PiecewiseGenerator schedule = PiecewiseGenerator.of(list);   // finite: the last piece for ever
            double[] init = new double[n];
            init[rnd.nextInt(n)] = 1;
            double t = starts[pieces - 1] + 3;
            PiecewiseTransientResult r = new PiecewiseTransientSolver(o).solve(schedule, 0, init, new double[] {t});
            double[] exact = init;
            for (int k = 0; k < pieces; k++) {
                double end = k + 1 < pieces ? starts[k + 1] : t;
                exact = DenseExpm.timesExp(exact, dense.get(k), end - starts[k]);
            }
            for (int s = 0; s < n; s++) {
                assertEquals(exact[s], r.probability(0, s), r.errorBounds()[0] + 1e-11, "chain " + c + ", state " + s);
            }
            assertEquals(pieces, r.pieces());
        }
    }

    // ---- (4) the bound covers the true error and stays within ε per piece ----------------------

    @Test
    void boundCoversTrueErrorAndIsAtMostEpsilonPerPiece() {
        int k = 400;
        PiecewiseGenerator schedule = countingSchedule(POISSON_RATES, k, 600);
        double t0 = 0;
        double[] times = {600, 3000, 7200};
        for (TransientOptions o : List.of(TransientOptions.defaults().withEpsilon(1e-4).withThreads(1),
                TransientOptions.defaults().withEpsilon(1e-3).withThreads(1).withDropThreshold(0))) {
            PiecewiseTransientResult r = new PiecewiseTransientSolver(o).solve(schedule, t0,
                    TransientSolver.pointMass(k + 1, 0), times);
            double previous = 0;
            for (int i = 0; i < times.length; i++) {
                PoissonDistribution p = new PoissonDistribution(null, meanEvents(POISSON_RATES, 600, t0, times[i]), 1e-15,
                        100_000);
                double l1 = 0;
                for (int j = 0; j < k; j++) {
                    l1 += Math.abs(p.probability(j) - r.probability(i, j));
                }
                l1 += Math.abs(1 - p.cumulativeProbability(k - 1) - r.probability(i, k));
                double bound = r.errorBounds()[i];
                assertTrue(l1 <= bound + 1e-13, "error " + l1 + " within bound " + bound + " at " + times[i]);
                assertTrue(bound <= o.epsilon() * r.piecesTraversed()[i], "bound " + bound + " <= ε × "
                        + r.piecesTraversed()[i]);
                assertTrue(bound >= previous, "bounds add up over pieces");
                previous = bound;
            }
            assertEquals(12, r.pieces());
            assertArrayEquals(new long[] {1, 5, 12}, r.piecesTraversed());
        }
        // a coarse drop threshold: the bound still covers the error, and says "not converged"
        TransientOptions coarse = TransientOptions.defaults().withEpsilon(1e-10).withDropThreshold(1e-5).withThreads(1);
        PiecewiseTransientResult r = new PiecewiseTransientSolver(coarse).solve(schedule, 0,
                TransientSolver.pointMass(k + 1, 0), new double[] {7200});
        PoissonDistribution p = new PoissonDistribution(null, meanEvents(POISSON_RATES, 600, 0, 7200), 1e-15, 100_000);
        double l1 = Math.abs(1 - p.cumulativeProbability(k - 1) - r.probability(0, k));
        for (int j = 0; j < k; j++) {
            l1 += Math.abs(p.probability(j) - r.probability(0, j));
        }
        assertTrue(r.droppedMass() > 1e-6, "dropped " + r.droppedMass());
        assertTrue(l1 <= r.errorBounds()[0], "error " + l1 + " within bound " + r.errorBounds()[0]);
        assertTrue(!r.accuracy().converged());
    }

    // ---- (5) invalid input; inputs not modified ------------------------------------------------

    @Test
    void invalidSchedulesAreRefusedWithClearMessages() {
        Generator two = twoState(1, 2);
        Generator three = Generator.builder(3).add(0, 1, 1).build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PiecewiseGenerator.of(List.of(new Piece(0, two), new Piece(5, three))));
        assertTrue(e.getMessage().contains("piece 1") && e.getMessage().contains("3 states")
                && e.getMessage().contains("same state space"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> PiecewiseGenerator.of(List.of(new Piece(0, two), new Piece(5, two), new Piece(5, two))));
        assertTrue(e.getMessage().contains("strictly increasing") && e.getMessage().contains("piece 2"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> PiecewiseGenerator.of(List.of(new Piece(3, two), new Piece(1, two))));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> new Piece(Double.NaN, two));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> PiecewiseGenerator.of(List.of()));
        assertTrue(e.getMessage().contains("at least one piece"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> PiecewiseGenerator.of(List.of(new Piece(1, two)), 10));
        assertTrue(e.getMessage().contains("must start at 0"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> PiecewiseGenerator.of(List.of(new Piece(0, two), new Piece(10, two)), 10));
        assertTrue(e.getMessage().contains("before the period"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> PiecewiseGenerator.of(List.of(new Piece(0, two)), -5));
        assertThrows(InvalidInputException.class, () -> PiecewiseGenerator.of(List.of(new Piece(0, two)), Double.NaN));
        assertThrows(InvalidInputException.class, () -> PiecewiseGenerator.periodic(List.of(two), 0));
        assertThrows(InvalidInputException.class, () -> PiecewiseGenerator.periodic(List.of(), 1));
    }

    @Test
    void invalidSolverInputIsRefused() {
        Generator two = twoState(1, 2);
        PiecewiseGenerator finite = PiecewiseGenerator.of(List.of(new Piece(10, two), new Piece(20, twoState(3, 1))));
        PiecewiseTransientSolver s = new PiecewiseTransientSolver();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> s.solve(finite, 5, new double[] {1, 0}, new double[] {30}));
        assertTrue(e.getMessage().contains("before the schedule's first piece"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> s.solve(finite, 15, new double[] {1, 0}, new double[] {14}));
        assertTrue(e.getMessage().contains(">= t0 = 15"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> s.solve(finite, 15, new double[] {0.6, 0.6}, new double[] {16}));
        assertThrows(InvalidInputException.class, () -> s.solve(finite, 15, new double[] {1}, new double[] {16}));
        assertThrows(InvalidInputException.class, () -> s.solve(finite, 15, new double[] {1, 0}, new double[0]));
        assertThrows(InvalidInputException.class, () -> s.solve(finite, 15, new double[] {1, 0}, new double[] {Double.NaN}));
        assertThrows(InvalidInputException.class,
                () -> s.solve(finite, Double.POSITIVE_INFINITY, new double[] {1, 0}, new double[] {16}));
        e = assertThrows(InvalidInputException.class, () -> s.firstPassage(finite, 15, new double[] {1, 0}, new int[] {1},
                new double[] {16}, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("absorbing"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> s.firstPassage(finite, 15, new double[] {1, 0}, new int[] {2},
                new double[] {16}, ProgressListener.NONE));
        assertThrows(InvalidInputException.class, () -> s.firstPassage(finite, 15, new double[] {1, 0}, new int[0],
                new double[] {16}, ProgressListener.NONE));
        // too many steps over all pieces, though each piece alone is allowed
        PiecewiseGenerator fast = PiecewiseGenerator.periodic(List.of(twoState(50, 50)), 1);
        e = assertThrows(InvalidInputException.class, () -> new PiecewiseTransientSolver(
                TransientOptions.defaults().withMaxIterations(1000)).solve(fast, 0, new double[] {1, 0}, new double[] {100}));
        assertTrue(e.getMessage().contains("1000 steps"), e.getMessage());
    }

    @Test
    void inputsAreNotModifiedAndSchedulesAreImmutable() {
        Generator a = twoState(1, 2);
        Generator b = twoState(0.5, 4);
        List<Piece> pieces = new ArrayList<>(List.of(new Piece(0, a), new Piece(3, b)));
        PiecewiseGenerator schedule = PiecewiseGenerator.of(pieces, 5);
        pieces.add(new Piece(4, a));   // the schedule took a copy
        assertEquals(2, schedule.size());
        assertThrows(UnsupportedOperationException.class, () -> schedule.pieces().add(new Piece(4, a)));
        double[] init = {0.3, 0.7};
        double[] times = {12, 2};
        double[] reward = {1, 5};
        PiecewiseTransientResult r = new PiecewiseTransientSolver().solve(schedule, 1, init, times, reward,
                ProgressListener.NONE);
        assertArrayEquals(new double[] {0.3, 0.7}, init);
        assertArrayEquals(new double[] {12, 2}, times);
        assertArrayEquals(new double[] {1, 5}, reward);
        double[] d = r.distribution(0);
        d[0] = 99;
        assertTrue(r.probability(0, 0) != 99, "results hand out copies");
        r.times()[0] = -1;
        assertEquals(12, r.times()[0]);
    }

    @Test
    void pieceInForceAndNextChange() {
        Generator a = twoState(1, 2);
        Generator b = twoState(3, 4);
        Generator c = twoState(5, 6);
        PiecewiseGenerator day = PiecewiseGenerator.of(List.of(new Piece(0, a), new Piece(7, b), new Piece(19, c)), 24);
        assertEquals(0, day.pieceIndexAt(0));
        assertEquals(0, day.pieceIndexAt(6.999));
        assertEquals(1, day.pieceIndexAt(7));      // a piece is in force from its start
        assertEquals(2, day.pieceIndexAt(23.5));
        assertEquals(0, day.pieceIndexAt(24));
        assertEquals(1, day.pieceIndexAt(24 * 1000 + 8));
        assertEquals(2, day.pieceIndexAt(-1));     // periodic: 23:00 of the day before
        assertTrue(day.generatorAt(31) == b);
        assertEquals(7, day.nextChange(0));
        assertEquals(7, day.nextChange(6.5));
        assertEquals(19, day.nextChange(7));
        assertEquals(24, day.nextChange(19));
        assertEquals(48 + 7, day.nextChange(48));
        assertEquals(0, day.nextChange(-3));
        assertEquals(6, day.maxExitRate());
        PiecewiseGenerator finite = PiecewiseGenerator.of(List.of(new Piece(2, a), new Piece(5, b)));
        assertEquals(Double.POSITIVE_INFINITY, finite.nextChange(6));
        assertEquals(5, finite.nextChange(2));
        assertEquals(1, finite.pieceIndexAt(1e9));
        assertThrows(InvalidInputException.class, () -> finite.pieceIndexAt(1));
        assertTrue(!finite.isPeriodic() && day.isPeriodic());
    }

    @Test
    void reportsProgressPerPiece() {
        PiecewiseGenerator schedule = countingSchedule(new double[] {0.1, 0.2, 0.3}, 20, 10);
        AtomicLong calls = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        new PiecewiseTransientSolver().solve(schedule, 0, TransientSolver.pointMass(21, 0), new double[] {60}, null,
                (done, total, what) -> {
                    calls.incrementAndGet();
                    lastDone.set(done);
                    assertEquals(6, total);
                });
        assertEquals(6, calls.get());
        assertEquals(6, lastDone.get());
    }
}
