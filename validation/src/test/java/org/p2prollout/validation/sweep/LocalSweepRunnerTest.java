package org.p2prollout.validation.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.ReplicationResult;
import org.p2prollout.validation.sim.SimulationResult;
import org.p2prollout.validation.sim.Simulator;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;

class LocalSweepRunnerTest {
    @Test
    void resultsComeInInputOrderWhateverTheThreadsAndTiming() throws Exception {
        List<Integer> points = IntStream.range(0, 500).boxed().toList();
        // uneven work: later points finish first on other threads
        SweepFunction<Integer, Long> f = p -> {
            long x = p;
            for (int i = 0; i < (500 - p) * 200; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            return x;
        };
        List<Long> one = new LocalSweepRunner(1).map(points, f);
        List<Long> four = new LocalSweepRunner(4).map(points, f);
        assertEquals(one, four);
        for (int i = 0; i < points.size(); i++) {
            assertEquals(f.apply(points.get(i)), four.get(i));
        }
    }

    @Test
    void everyPointRunsOnceAndProgressCountsPoints() {
        ConcurrentHashMap<Integer, Integer> calls = new ConcurrentHashMap<>();
        AtomicLong last = new AtomicLong();
        AtomicLong reports = new AtomicLong();
        ProgressListener progress = (done, total, what) -> {
            assertEquals(300, total);
            assertEquals("points", what);
            last.accumulateAndGet(done, Math::max);
            reports.incrementAndGet();
        };
        new LocalSweepRunner(3).map(IntStream.range(0, 300).boxed().toList(), p -> calls.merge(p, 1, Integer::sum),
                progress);
        assertEquals(300, calls.size());
        assertTrue(calls.values().stream().allMatch(c -> c == 1));
        assertEquals(300, last.get());
        assertEquals(301, reports.get()); // 0, then once per point
    }

    @Test
    void sharedInputReachesEveryPointUncopied() {
        int[] big = new int[1000];
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        List<Integer> r = new LocalSweepRunner(2).map(big, List.of(1, 2, 3), (s, p) -> {
            seen.add(s);
            return s.length + p;
        }, ProgressListener.NONE);
        assertEquals(List.of(1001, 1002, 1003), r);
        seen.forEach(s -> assertSame(big, s));
    }

    @Test
    void aFailingPointFailsTheMapWithItsException() {
        SweepFunction<Integer, Integer> f = p -> {
            if (p == 37) {
                throw new InvalidInputException("point 37 is bad");
            }
            return p;
        };
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new LocalSweepRunner(4).map(IntStream.range(0, 100).boxed().toList(), f));
        assertEquals("point 37 is bad", e.getMessage());
        SweepFunction<Integer, Integer> checked = p -> {
            throw new java.io.IOException("disk");
        };
        SweepFailedException w = assertThrows(SweepFailedException.class,
                () -> new LocalSweepRunner(2).map(List.of(1, 2), checked));
        assertTrue(w.getCause() instanceof java.io.IOException);
    }

    @Test
    void nestedMapsRunOnTheWorkerAndAgree() {
        LocalSweepRunner runner = new LocalSweepRunner(2);
        List<List<Integer>> nested = runner.map(List.of(10, 20, 30), p -> runner.map(List.of(1, 2, 3), q -> p + q));
        assertEquals(List.of(List.of(11, 12, 13), List.of(21, 22, 23), List.of(31, 32, 33)), nested);
    }

    @Test
    void pointSeedsDependOnSweepSeedAndIndexOnly() {
        assertEquals(SweepSeeds.pointSeed(1, 5), SweepSeeds.pointSeed(1, 5));
        assertNotEquals(SweepSeeds.pointSeed(1, 5), SweepSeeds.pointSeed(1, 6));
        assertNotEquals(SweepSeeds.pointSeed(1, 5), SweepSeeds.pointSeed(2, 5));
        assertNotEquals(1L, SweepSeeds.pointSeed(1, 0));
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            distinct.add(SweepSeeds.pointSeed(42, i));
        }
        assertEquals(10_000, distinct.size());
    }

    @Test
    void simulatorReplicationsAreTheSameOnAnyRunnerAndInAnyOrder() {
        Scenario sc = Scenario.builder().devices(30).initialHolders(1).mobility(MobilityModel.CONTACT_PROCESS)
                .encounterRate(2e-4).contactDurationSeconds(30).durationSeconds(4000).sizeBytes(20_000).pieces(4)
                .serverRate(5e-5).build();
        SimulationResult one = Simulator.run(sc, 11, 6, ProgressListener.NONE, new LocalSweepRunner(1));
        SimulationResult two = Simulator.run(sc, 11, 6, ProgressListener.NONE, new LocalSweepRunner(2));
        assertEquals(one.summary(), two.summary());
        // a runner that computes the replications in a shuffled order gives them back the same
        SimulationResult shuffled = Simulator.run(sc, 11, 6, ProgressListener.NONE, new ShuffledRunner(99));
        assertEquals(one.summary(), shuffled.summary());
        for (int i = 0; i < 6; i++) {
            ReplicationResult alone = Simulator.replicate(sc, 11, i);
            assertArrayEquals(alone.installTimes(), shuffled.replications().get(i).installTimes());
            assertEquals(alone.bytes(), two.replications().get(i).bytes());
        }
    }

    /** A runner that computes points in a random order on one thread, after a serialisation round trip of everything. */
    static final class ShuffledRunner implements SweepRunner {
        private final long seed;

        ShuffledRunner(long seed) {
            this.seed = seed;
        }

        @Override
        public String name() {
            return "shuffled";
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public <P, R> List<R> map(List<P> points, SweepFunction<P, R> f, ProgressListener progress) {
            return map(null, points, (s, p) -> f.apply(p), progress);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S, P, R> List<R> map(S shared, List<P> points, SharedSweepFunction<S, P, R> f,
                                     ProgressListener progress) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, points.size()).boxed().toList());
            Collections.shuffle(order, new Random(seed));
            SharedSweepFunction<S, P, R> g = (SharedSweepFunction<S, P, R>) roundTrip(f);
            S s = (S) roundTrip(shared);
            Object[] out = new Object[points.size()];
            for (int i : order) {
                try {
                    out[i] = roundTrip(g.apply(s, (P) roundTrip(points.get(i))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return (List<R>) java.util.Arrays.asList(out);
        }

        static Object roundTrip(Object o) {
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                    out.writeObject(o);
                }
                try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    return in.readObject();
                }
            } catch (Exception e) {
                throw new IllegalStateException("not serialisable: " + e, e);
            }
        }
    }
}
