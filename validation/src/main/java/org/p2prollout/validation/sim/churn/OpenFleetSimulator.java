package org.p2prollout.validation.sim.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.RandomStreams;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * Simulates an open fleet (scenario section {@code churn}, PRODUCT.md section 4.5) over
 * contact-process mobility: devices lacking the update come online at rate alpha into one of
 * {@code fleet.devices} slots (an arrival finding every slot online is lost and counted); an online
 * device lacking the update goes offline at rate theta, a holder stops sharing at rate gamma; each
 * pair of ONLINE devices meets as a Poisson process of rate lambda ({@code mobility.encounterRate})
 * and, contacts being instantaneous, a meeting of a device lacking the update with a holder
 * delivers it; a device lacking the update reaches the server at rate mu ({@code server.rate}).
 * The fleet starts empty; time averages start after {@code churn.warmupSeconds} and run to
 * {@code mobility.durationSeconds}, in {@code churn.batches} batches of equal length.
 *
 * <p>Devices are exchangeable (same rates, no pieces, no free riders), so the simulator keeps the
 * counts x (online, lacking) and y (online, holding) and draws each event from the exact race of
 * all exponential clocks (Gillespie): a meeting picks a pair uniformly among the n(n-1)/2 online
 * pairs and carries the update only if it joins a lacking device and a holder. Every meeting is
 * counted, so the encounter rate per online pair can be measured back from the run.
 *
 * <p>{@link #replicate} is a pure function of (scenario, seed, replication): it draws only from
 * {@link RandomStreams.Purpose#CHURN} of that replication.
 */
public final class OpenFleetSimulator {
    private OpenFleetSimulator() {
    }

    /** R replications in parallel on the local cores. */
    public static OpenFleetResult run(Scenario scenario, long seed, int replications, ProgressListener progress) {
        return run(scenario, seed, replications, progress, org.p2prollout.validation.sweep.SweepRunner.local());
    }

    /** R replications on {@code runner}; replication i is {@link #replicate}(scenario, seed, i) wherever it runs. */
    public static OpenFleetResult run(Scenario scenario, long seed, int replications, ProgressListener progress,
                                      org.p2prollout.validation.sweep.SweepRunner runner) {
        Checks.inRange("replications", replications, 1, 100_000);
        requireOpen(scenario);
        List<OpenFleetReplication> runs = runner.map(IntStream.range(0, replications).boxed().toList(),
                i -> replicate(scenario, seed, i),
                (done, total, what) -> progress.progress(done, total, "replications"));
        return new OpenFleetResult(scenario, seed, runs);
    }

    /** One replication; deterministic in its arguments. */
    public static OpenFleetReplication replicate(Scenario scenario, long seed, int replication) {
        Checks.inRange("replication", replication, 0, Integer.MAX_VALUE);
        requireOpen(scenario);
        return new Run(scenario, new RandomStreams(seed, replication).stream(RandomStreams.Purpose.CHURN), replication)
                .simulate();
    }

    private static void requireOpen(Scenario scenario) {
        if (!scenario.churn().open()) {
            throw new InvalidInputException("churn.arrivalRate must be > 0 for an open-fleet simulation, got "
                    + scenario.churn().arrivalRate());
        }
    }

    /** The mutable state of one replication. */
    private static final class Run {
        private final SplittableRandom random;
        private final int replication;
        private final double alpha;
        private final double theta;
        private final double gamma;
        private final double mu;
        private final double lambda;
        private final int slots;
        private final double warmup;
        private final double horizon;
        private final int batches;
        private final double batchSeconds;
        private final double[] lackingIntegral;
        private final double[] holdingIntegral;
        private final long[] serverInBatch;
        private final long[] peerInBatch;
        private int x;
        private int y;
        private long arrivals;
        private long lost;
        private long lackingLeft;
        private long holdersLeft;
        private long serverDownloads;
        private long peerDownloads;
        private long encounters;
        private double lackingSeconds;
        private double holdingSeconds;
        private double pairSeconds;
        private int maxOnline;

        Run(Scenario s, SplittableRandom random, int replication) {
            this.random = random;
            this.replication = replication;
            alpha = s.churn().arrivalRate();
            theta = s.churn().leaveLackingRate();
            gamma = s.churn().leaveHoldingRate();
            mu = s.server().rate();
            lambda = s.mobility().encounterRate();
            slots = s.fleet().devices();
            warmup = s.churn().warmupSeconds();
            horizon = s.mobility().durationSeconds();
            batches = s.churn().batches();
            batchSeconds = (horizon - warmup) / batches;
            lackingIntegral = new double[batches];
            holdingIntegral = new double[batches];
            serverInBatch = new long[batches];
            peerInBatch = new long[batches];
        }

        OpenFleetReplication simulate() {
            double t = 0;
            while (true) {
                long n = x + y;
                double pairs = n * (n - 1) / 2.0;
                double rArrive = alpha;
                double rLeaveX = theta * x;
                double rLeaveY = gamma * y;
                double rServer = mu * x;
                double rMeet = lambda * pairs;
                double total = rArrive + rLeaveX + rLeaveY + rServer + rMeet;
                double next = t - Math.log(1 - random.nextDouble()) / total;
                accumulate(t, Math.min(next, horizon), pairs);
                if (next >= horizon) {
                    break;
                }
                t = next;
                double u = random.nextDouble() * total;
                if ((u -= rArrive) < 0) {
                    arrivals++;
                    if (x + y >= slots) {
                        lost++;
                    } else {
                        x++;
                        maxOnline = Math.max(maxOnline, x + y);
                    }
                } else if ((u -= rLeaveX) < 0) {
                    x--;
                    lackingLeft++;
                } else if ((u -= rLeaveY) < 0) {
                    y--;
                    holdersLeft++;
                } else if ((u -= rServer) < 0) {
                    x--;
                    y++;
                    serverDownloads++;
                    count(serverInBatch, t);
                } else {
                    encounters++;
                    // the met pair is uniform among the online pairs: lacking-holder with probability x y / pairs
                    if (random.nextDouble() * pairs < (double) x * y) {
                        x--;
                        y++;
                        peerDownloads++;
                        count(peerInBatch, t);
                    }
                }
            }
            List<Double> mx = new ArrayList<>();
            List<Double> my = new ArrayList<>();
            List<Double> ms = new ArrayList<>();
            List<Double> mp = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                mx.add(lackingIntegral[b] / batchSeconds);
                my.add(holdingIntegral[b] / batchSeconds);
                ms.add(serverInBatch[b] / batchSeconds);
                mp.add(peerInBatch[b] / batchSeconds);
            }
            return new OpenFleetReplication(replication, batchSeconds, mx, my, ms, mp, horizon, arrivals, lost,
                    lackingLeft, holdersLeft, serverDownloads, peerDownloads, encounters, lackingSeconds,
                    holdingSeconds, pairSeconds, maxOnline);
        }

        /** Adds the state held over [from, to) to the run's integrals and to the batches it overlaps. */
        private void accumulate(double from, double to, double pairs) {
            double dt = to - from;
            lackingSeconds += x * dt;
            holdingSeconds += y * dt;
            pairSeconds += pairs * dt;
            double a = Math.max(from, warmup);
            while (a < to) {
                int b = Math.min(batches - 1, (int) ((a - warmup) / batchSeconds));
                double end = b == batches - 1 ? to : Math.min(to, warmup + (b + 1) * batchSeconds);
                if (end <= a) {
                    // rounding put a on a batch boundary: move on to the next batch
                    b = Math.min(batches - 1, b + 1);
                    end = b == batches - 1 ? to : Math.min(to, warmup + (b + 1) * batchSeconds);
                    if (end <= a) {
                        break;
                    }
                }
                lackingIntegral[b] += x * (end - a);
                holdingIntegral[b] += y * (end - a);
                a = end;
            }
        }

        private void count(long[] perBatch, double t) {
            if (t >= warmup) {
                perBatch[Math.min(batches - 1, (int) ((t - warmup) / batchSeconds))]++;
            }
        }
    }
}
