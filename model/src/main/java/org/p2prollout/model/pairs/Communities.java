package org.p2prollout.model.pairs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.p2prollout.core.InvalidInputException;

/**
 * Communities of a weighted contact graph, found by the Louvain method (Blondel et al. 2008):
 * devices are moved one at a time to the neighbouring community that most increases the modularity
 * Q = Σ_c [in_c / 2m − (tot_c / 2m)²], then each community is collapsed into one node and the
 * moves repeat on the smaller graph, until no move increases Q. The visiting order is a permutation
 * drawn from the seed, so the result is a pure function of (weights, seed).
 *
 * @param membership community of each device, in {@code [0, count)}, numbered by size (largest first,
 *                   ties by smallest member); devices without any weight are communities of their own
 * @param count      number of communities
 * @param modularity Q of the partition, in [−0.5, 1] (0 when the graph has no weight)
 */
public record Communities(int[] membership, int count, double modularity) {
    public Communities {
        membership = membership.clone();
    }

    @Override
    public int[] membership() {
        return membership.clone();
    }

    /** Devices per community, index = community. */
    public int[] sizes() {
        int[] s = new int[count];
        for (int c : membership) {
            s[c]++;
        }
        return s;
    }

    /**
     * @param weights symmetric non-negative weights, N × N (the diagonal is ignored)
     * @param seed    seed of the visiting order
     */
    public static Communities louvain(double[][] weights, long seed) {
        int n = weights.length;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (weights[i].length != n) {
                throw new InvalidInputException("community weights must be square, row " + i + " has " + weights[i].length);
            }
            for (int j = 0; j < n; j++) {
                double v = i == j ? 0 : weights[i][j];
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new InvalidInputException("community weights must be finite and >= 0, got " + v);
                }
                w[i][j] = v;
            }
        }
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] g = w;
        while (true) {
            int[] level = localMoves(g, rng);
            int k = Arrays.stream(level).max().orElse(-1) + 1;
            if (k == g.length) {
                break; // no node moved: the partition is final
            }
            for (int i = 0; i < n; i++) {
                membership[i] = level[membership[i]];
            }
            double[][] h = new double[k][k];
            for (int a = 0; a < g.length; a++) {
                for (int b = 0; b < g.length; b++) {
                    h[level[a]][level[b]] += g[a][b];
                }
            }
            g = h;
        }
        int[] renumbered = renumber(membership);
        int count = Arrays.stream(renumbered).max().orElse(-1) + 1;
        return new Communities(renumbered, count, modularity(w, renumbered, count));
    }

    /** One level of local moves on graph g (self loops allowed); communities numbered 0..k-1 densely. */
    private static int[] localMoves(double[][] g, SplittableRandom rng) {
        int n = g.length;
        double[] degree = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                degree[i] += g[i][j];
            }
            total += degree[i];
        }
        int[] comm = new int[n];
        double[] tot = new double[n];
        for (int i = 0; i < n; i++) {
            comm[i] = i;
            tot[i] = degree[i];
        }
        if (total <= 0) {
            return comm;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] links = new double[n];
        boolean moved = true;
        for (int pass = 0; pass < 1000 && moved; pass++) {
            moved = false;
            for (int i : order) {
                if (degree[i] == 0) {
                    continue;
                }
                int c = comm[i];
                Arrays.fill(links, 0);
                for (int j = 0; j < n; j++) {
                    if (j != i && g[i][j] > 0) {
                        links[comm[j]] += g[i][j];
                    }
                }
                tot[c] -= degree[i];
                int best = c;
                double bestGain = links[c] - tot[c] * degree[i] / total;
                for (int d = 0; d < n; d++) {
                    if (d != c && links[d] > 0) {
                        double gain = links[d] - tot[d] * degree[i] / total;
                        if (gain > bestGain + 1e-12 * Math.abs(bestGain) + 1e-300) {
                            best = d;
                            bestGain = gain;
                        }
                    }
                }
                tot[best] += degree[i];
                if (best != c) {
                    comm[i] = best;
                    moved = true;
                }
            }
        }
        return renumberInOrder(comm);
    }

    private static int[] renumberInOrder(int[] comm) {
        int[] map = new int[comm.length];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[comm.length];
        for (int i = 0; i < comm.length; i++) {
            if (map[comm[i]] < 0) {
                map[comm[i]] = next++;
            }
            out[i] = map[comm[i]];
        }
        return out;
    }

    /** Numbers communities by size, largest first, ties by smallest member. */
    private static int[] renumber(int[] membership) {
        int[] dense = renumberInOrder(membership);
        int k = Arrays.stream(dense).max().orElse(-1) + 1;
        int[] size = new int[k];
        int[] first = new int[k];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < dense.length; i++) {
            size[dense[i]]++;
            first[dense[i]] = Math.min(first[dense[i]], i);
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) {
            rank[order[r]] = r;
        }
        int[] out = new int[dense.length];
        for (int i = 0; i < dense.length; i++) {
            out[i] = rank[dense[i]];
        }
        return out;
    }

    /** Q of a partition of weights w (diagonal ignored). */
    public static double modularity(double[][] w, int[] membership, int count) {
        double total = 0;
        double[] in = new double[count];
        double[] tot = new double[count];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (i == j) {
                    continue;
                }
                total += w[i][j];
                tot[membership[i]] += w[i][j];
                if (membership[i] == membership[j]) {
                    in[membership[i]] += w[i][j];
                }
            }
        }
        if (total <= 0) {
            return 0;
        }
        double q = 0;
        for (int c = 0; c < count; c++) {
            q += in[c] / total - (tot[c] / total) * (tot[c] / total);
        }
        return q;
    }
}
