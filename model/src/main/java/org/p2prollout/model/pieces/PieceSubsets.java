package org.p2prollout.model.pieces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.protocol.selection.PiecePolicy;

/**
 * Which useful pieces a device receives when it may take up to k of them (PRODUCT.md section
 * 4.4), for the piece policies the multi-piece models have: {@link #MODELLED}. The policy itself
 * is the protocol's {@link PiecePolicy}; this class is the models' reading of it, with fleet-wide
 * piece counts standing in for what a device has heard. Piece sets are bit masks: bit i set =
 * piece i held.
 */
public final class PieceSubsets {
    /** The policies the multi-piece models compute: random, rarest-first, sequential. */
    public static final List<PiecePolicy> MODELLED =
            List.of(PiecePolicy.RANDOM, PiecePolicy.RAREST_FIRST, PiecePolicy.SEQUENTIAL);

    private PieceSubsets() {
    }

    /**
     * {@code policy} if the multi-piece models compute it.
     *
     * @throws InvalidInputException naming the modelled policies otherwise
     */
    public static PiecePolicy modelled(PiecePolicy policy) {
        if (policy == null || !MODELLED.contains(policy)) {
            throw new InvalidInputException("the multi-piece model's piece policy must be one of "
                    + PiecePolicy.spellings(MODELLED) + ", got " + (policy == null ? "none" : policy.label()));
        }
        return policy;
    }

    /** Whether the choice under {@code policy} depends on fleet-wide piece counts. */
    public static boolean usesCounts(PiecePolicy policy) {
        return policy == PiecePolicy.RAREST_FIRST;
    }

    /**
     * The distribution of the chosen subset.
     *
     * @param policy      one of {@link #MODELLED}
     * @param useful      mask of pieces the receiver lacks and the sender holds (non-empty)
     * @param k           most pieces to take, &gt;= 1
     * @param pieceCounts devices (or fractions of devices) holding each piece; used by RAREST_FIRST only
     * @return chosen mask -&gt; probability (sums to 1)
     */
    public static Map<Integer, Double> choose(PiecePolicy policy, int useful, int k, double[] pieceCounts) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        if (Integer.bitCount(useful) <= k) {
            out.put(useful, 1.0);
            return out;
        }
        switch (modelled(policy)) {
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
            case RAREST_FIRST -> {
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
            default -> throw new IllegalStateException("modelled() let through " + policy);
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
