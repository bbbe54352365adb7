package org.p2prollout.solver.uniformisation;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.solver.Generator;
import org.p2prollout.core.InvalidInputException;

/**
 * A piecewise-constant generator schedule: generator {@code Q_k} is in force on
 * {@code [start_k, start_{k+1})}, all on the same state space, e.g. a zone-movement chain whose
 * rates change every hour of the day. Times are seconds on the schedule's own clock (seconds
 * since midnight of day 0, or since an epoch: whatever the caller's times use).
 *
 * <p>Two kinds:
 * <ul>
 * <li>finite ({@code period = +∞}): the last piece stays in force for ever; times before the
 *     first start are outside the schedule and refused;</li>
 * <li>periodic with period P seconds: the first start is 0, every start is below P, and the
 *     schedule repeats: piece k is in force on {@code [c·P + start_k, c·P + start_{k+1})} for
 *     every integer cycle c (negative too), the last piece until {@code (c+1)·P}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe (generators are immutable, the list is copied). Validated on
 * construction: at least one piece, starts finite and strictly increasing, every generator with
 * the same number of states, the period finite and {@code > 0} or {@code +∞}.
 *
 * <pre>{@code
 * PiecewiseGenerator day = PiecewiseGenerator.periodic(hourly, 3600);     // 24 generators, P = 86,400 s
 * PiecewiseGenerator two = PiecewiseGenerator.of(List.of(
 *         new PiecewiseGenerator.Piece(0, night), new PiecewiseGenerator.Piece(7 * 3600, day)), 86_400);
 * Generator q = day.generatorAt(9.5 * 3600);                               // the 10th hourly generator
 * }</pre>
 *
 * @param pieces the pieces in order of start (an unmodifiable copy)
 * @param period the period P in seconds, or {@code Double.POSITIVE_INFINITY} for a finite schedule
 */
public record PiecewiseGenerator(List<Piece> pieces, double period) {
    /**
     * One constant piece.
     *
     * @param start     seconds on the schedule's clock at which {@code generator} comes into force
     * @param generator the generator in force from {@code start} until the next piece's start
     */
    public record Piece(double start, Generator generator) {
        public Piece {
            if (generator == null) {
                throw new InvalidInputException("piece starting at " + start + " s has no generator");
            }
            if (!Double.isFinite(start)) {
                throw new InvalidInputException("piece start must be a finite number of seconds, got " + start);
            }
        }
    }

    public PiecewiseGenerator {
        if (pieces == null || pieces.isEmpty()) {
            throw new InvalidInputException("a piecewise generator needs at least one piece");
        }
        for (int k = 0; k < pieces.size(); k++) {
            if (pieces.get(k) == null) {
                throw new InvalidInputException("piece " + k + " of the schedule is null");
            }
        }
        pieces = List.copyOf(pieces);
        boolean periodic = period != Double.POSITIVE_INFINITY;
        if (periodic && !(period > 0 && Double.isFinite(period))) {
            throw new InvalidInputException("period must be a finite number of seconds > 0 (or +Infinity for a finite schedule), got "
                    + period);
        }
        int n = pieces.get(0).generator().states();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (p.generator().states() != n) {
                throw new InvalidInputException("piece " + k + " (start " + p.start() + " s) has " + p.generator().states()
                        + " states, piece 0 has " + n + "; all pieces must be on the same state space");
            }
            if (k > 0 && !(p.start() > pieces.get(k - 1).start())) {
                throw new InvalidInputException("piece starts must be strictly increasing: piece " + k + " starts at "
                        + p.start() + " s, piece " + (k - 1) + " at " + pieces.get(k - 1).start() + " s");
            }
        }
        if (periodic) {
            if (pieces.get(0).start() != 0) {
                throw new InvalidInputException("the first piece of a periodic schedule must start at 0 s, got "
                        + pieces.get(0).start() + " s");
            }
            double last = pieces.get(pieces.size() - 1).start();
            if (!(last < period)) {
                throw new InvalidInputException("every piece of a periodic schedule must start before the period " + period
                        + " s; the last starts at " + last + " s");
            }
        }
    }

    /** A finite schedule (the last piece stays in force for ever). */
    public static PiecewiseGenerator of(List<Piece> pieces) {
        return new PiecewiseGenerator(pieces, Double.POSITIVE_INFINITY);
    }

    /** A periodic schedule of period {@code period} seconds; the first piece must start at 0. */
    public static PiecewiseGenerator of(List<Piece> pieces, double period) {
        return new PiecewiseGenerator(pieces, period);
    }

    /**
     * Equal pieces repeated: generator k in force on {@code [k·d, (k+1)·d)} of every period
     * {@code P = pieces.size()·d}, e.g. 24 hourly generators with d = 3600 (P = one day) or 168
     * with d = 3600 (P = one week).
     *
     * @param pieceSeconds d, the length of each piece, seconds, finite and {@code > 0}
     */
    public static PiecewiseGenerator periodic(List<Generator> pieces, double pieceSeconds) {
        if (!(pieceSeconds > 0) || Double.isInfinite(pieceSeconds)) {
            throw new InvalidInputException("piece length must be a finite number of seconds > 0, got " + pieceSeconds);
        }
        if (pieces == null || pieces.isEmpty()) {
            throw new InvalidInputException("a piecewise generator needs at least one piece");
        }
        List<Piece> list = new ArrayList<>(pieces.size());
        for (int k = 0; k < pieces.size(); k++) {
            if (pieces.get(k) == null) {
                throw new InvalidInputException("generator " + k + " of the schedule is null");
            }
            list.add(new Piece(k * pieceSeconds, pieces.get(k)));
        }
        return new PiecewiseGenerator(list, pieces.size() * pieceSeconds);
    }

    /** One generator from time 0 on (a finite schedule of one piece). */
    public static PiecewiseGenerator constant(Generator q) {
        return of(List.of(new Piece(0, q)));
    }

    /** Number of states of every piece. */
    public int states() {
        return pieces.get(0).generator().states();
    }

    /** Number of pieces (per period, when periodic). */
    public int size() {
        return pieces.size();
    }

    /** Whether the schedule repeats with {@link #period()}. */
    public boolean isPeriodic() {
        return period != Double.POSITIVE_INFINITY;
    }

    /** The largest exit rate over all pieces, per second. */
    public double maxExitRate() {
        double m = 0;
        for (Piece p : pieces) {
            m = Math.max(m, p.generator().maxExitRate());
        }
        return m;
    }

    /** Index of the piece in force at time t (seconds; a piece is in force from its start inclusive). */
    public int pieceIndexAt(double t) {
        return locate(t).piece;
    }

    /** The generator in force at time t (seconds). */
    public Generator generatorAt(double t) {
        return pieces.get(pieceIndexAt(t)).generator();
    }

    /**
     * The first time after t at which the piece in force changes (the start of the next piece,
     * of the next cycle when periodic); {@code +∞} when the last piece of a finite schedule is in
     * force. Handy for integrating a time-inhomogeneous ODE piece by piece.
     */
    public double nextChange(double t) {
        Cursor c = locate(t);
        double end = c.end();
        while (!(end > t)) {   // rounding of c·P + start may land on or before t: move on
            c = c.next();
            end = c.end();
        }
        return end;
    }

    /** A position in the schedule: the piece {@code piece} of cycle {@code cycle} (0 for finite schedules). */
    Cursor locate(double t) {
        if (!Double.isFinite(t)) {
            throw new InvalidInputException("time must be a finite number of seconds, got " + t);
        }
        long cycle = 0;
        double r = t;
        if (isPeriodic()) {
            double c = Math.floor(t / period);
            if (Math.abs(c) > 1e15) {
                throw new InvalidInputException("time " + t + " s is too many periods (" + period + " s) away from 0");
            }
            cycle = (long) c;
            r = t - cycle * period;
            if (r >= period) {   // rounding
                cycle++;
                r = Math.max(0, t - cycle * period);
            } else if (r < 0) {
                r = 0;
            }
        } else if (t < pieces.get(0).start()) {
            throw new InvalidInputException("time " + t + " s is before the schedule's first piece, which starts at "
                    + pieces.get(0).start() + " s");
        }
        int lo = 0;
        int hi = pieces.size() - 1;   // largest k with start_k <= r
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pieces.get(mid).start() <= r) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Cursor(cycle, lo);
    }

    /** A piece of a given cycle; {@link #next()} walks the schedule without accumulating rounding. */
    final class Cursor {
        final long cycle;
        final int piece;

        private Cursor(long cycle, int piece) {
            this.cycle = cycle;
            this.piece = piece;
        }

        Generator generator() {
            return pieces.get(piece).generator();
        }

        /** When this piece ends (the next one starts), seconds; +∞ for the last piece of a finite schedule. */
        double end() {
            if (piece + 1 < pieces.size()) {
                return offset() + pieces.get(piece + 1).start();
            }
            return isPeriodic() ? (cycle + 1) * period : Double.POSITIVE_INFINITY;
        }

        private double offset() {
            return isPeriodic() ? cycle * period : 0;
        }

        Cursor next() {
            if (piece + 1 < pieces.size()) {
                return new Cursor(cycle, piece + 1);
            }
            if (!isPeriodic()) {
                throw new IllegalStateException("the last piece of a finite schedule has no successor");
            }
            return new Cursor(cycle + 1, 0);
        }
    }
}
