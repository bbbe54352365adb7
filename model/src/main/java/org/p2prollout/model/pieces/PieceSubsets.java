package org.p2prollout.model.pieces;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.solver.InvalidInputException;

/**
 * Which useful pieces a device receives when it may take up to k of them (PRODUCT.md section 4.4).
 * Piece sets are bit masks: bit i set = piece i held.
 */
public enum PiecePolicy {
    /** A uniformly random k-subset of the useful pieces. */
    RANDOM("random"),
    /** The k useful pieces held by the fewest devices (fleet-wide counts); ties broken uniformly at random. */
    RAREST("rarest"),
    /** The k lowest-numbered useful pieces (a device that installs while downloading). */
    SEQUENTIAL("sequential");

    private final String label;

    PiecePolicy(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The policy named {@code name} (random, rarest, sequential). */
    public static PiecePolicy byName(String name) {
        for (PiecePolicy p : values()) {
            if (p.label.equals(name)) {
                return p;
            }
        }
        throw new InvalidInputException("--policy must be one of random, rarest, sequential, got '" + name + "'");
    }

    /** Whether the choice depends on fleet-wide piece counts. */
    public boolean usesCounts() {
        return this == RAREST;
    }

    /**
     * The distribution of the chosen subset.
     *
     * @param useful      mask of pieces the receiver lacks and the sender holds (non-empty)
     * @param k           most pieces to take, &gt;= 1
     * @param pieceCounts devices (or fractions of devices) holding each piece; used by RAREST only
     * @return chosen mask -&gt; probability (sums to 1)
     */
    public Map<Integer, Double> choose(int useful, int k, double[] pieceCounts) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        if (Integer.bitCount(useful) <= k) {
            out.put(useful, 1.0);
            return out;
        }
        switch (this) {
            case SEQUENTIAL -> {
                int chosen = 0;
                int left = useful;
                for (int i = 0; i < k; i++) {
                    int low = Integer.lowestOneBit(left);
                    chosen |= low;
                    left &= ~low;
                }
                out.put(chosen, 1.0);
            }
            case RANDOM -> uniformSubsets(0, bits(useful), k, out, 1.0);
            case RAREST -> {
                List<Integer> pieces = bits(useful);
                pieces.sort((a, b) -> Double.compare(pieceCounts[a], pieceCounts[b]));
                double boundary = pieceCounts[pieces.get(k - 1)];
                int sure = 0;
                List<Integer> tied = new ArrayList<>();
                int taken = 0;
                for (int piece : pieces) {
                    if (pieceCounts[piece] < boundary && !same(pieceCounts[piece], boundary)) {
                        sure |= 1 << piece;
                        taken++;
                    } else if (same(pieceCounts[piece], boundary)) {
                        tied.add(piece);
                    }
                }
                uniformSubsets(sure, tied, k - taken, out, 1.0);
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static List<Integer> bits(int mask) {
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            if ((mask & (1 << i)) != 0) {
                b.add(i);
            }
        }
        return b;
    }

    /** Adds every r-subset of {@code from} (united with {@code base}) with equal probability. */
    private static void uniformSubsets(int base, List<Integer> from, int r, Map<Integer, Double> out, double weight) {
        List<Integer> subsets = new ArrayList<>();
        collect(from, 0, r, base, subsets);
        double each = weight / subsets.size();
        for (int s : subsets) {
            out.merge(s, each, Double::sum);
        }
    }

    private static void collect(List<Integer> from, int start, int r, int acc, List<Integer> out) {
        if (r == 0) {
            out.add(acc);
            return;
        }
        for (int i = start; i <= from.size() - r; i++) {
            collect(from, i + 1, r - 1, acc | (1 << from.get(i)), out);
        }
    }
}
