package org.p2prollout.model.swarm;

import java.util.Arrays;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;

/**
 * A closed fleet of C device classes (PRODUCT.md section 4.3), e.g. straight from
 * {@code rollout rates --classes C}: its {@code classSizes} and {@code classRates}.
 *
 * @param classSizes     n_c &gt;= 1 devices per class
 * @param classRates     C x C encounter rates per second: lambda_cd is the rate at which a given
 *                       device of class c meets a given device of class d (symmetric in practice,
 *                       not required)
 * @param serverRates    mu_c per second, per device of class c lacking the update
 * @param freeRiderShare share in [0, 1] of each class that receives but never uploads
 *                       (rounded to whole devices)
 * @param initialHolders m_c in [0, n_c], holders at time 0 (counted among the uploaders first)
 * @param success        p in [0, 1], probability that a contact transfers the update
 */
public record HeterogeneousFleet(long[] classSizes, double[][] classRates, double[] serverRates,
        double[] freeRiderShare, long[] initialHolders, double success) {
    public HeterogeneousFleet {
        int c = classSizes.length;
        Checks.inRange("number of classes", c, 1, 64);
        if (classRates.length != c || serverRates.length != c || freeRiderShare.length != c
                || initialHolders.length != c) {
            throw new InvalidInputException("class sizes, rate matrix rows, server rates, free-rider shares and"
                    + " initial holders must all have " + c + " entries (one per class)");
        }
        classSizes = classSizes.clone();
        classRates = Arrays.stream(classRates).map(double[]::clone).toArray(double[][]::new);
        serverRates = serverRates.clone();
        freeRiderShare = freeRiderShare.clone();
        initialHolders = initialHolders.clone();
        for (int i = 0; i < c; i++) {
            Checks.inRange("classSizes[" + i + "]", classSizes[i], 1, Long.MAX_VALUE);
            if (classRates[i].length != c) {
                throw new InvalidInputException("classRates must be " + c + " x " + c + ", row " + i + " has "
                        + classRates[i].length + " entries");
            }
            for (int j = 0; j < c; j++) {
                Checks.nonNegative("classRates[" + i + "][" + j + "]", classRates[i][j]);
            }
            Checks.nonNegative("serverRates[" + i + "]", serverRates[i]);
            Checks.probability("freeRiderShare[" + i + "]", freeRiderShare[i]);
            Checks.inRange("initialHolders[" + i + "]", initialHolders[i], 0, classSizes[i]);
        }
        Checks.probability("success", success);
    }

    /**
     * A fleet with the same server rate for every class, no free riders and {@code initial} holders
     * placed in the largest class (the usual seeding: one device that got the update first).
     */
    public static HeterogeneousFleet of(long[] sizes, double[][] rates, double serverRate, long initial, double success) {
        int c = sizes.length;
        double[] mu = new double[c];
        Arrays.fill(mu, serverRate);
        long[] m = new long[c];
        long left = initial;
        Integer[] order = new Integer[c];
        for (int i = 0; i < c; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(sizes[b], sizes[a]));
        for (int i : order) {
            long k = Math.min(left, sizes[i]);
            m[i] = k;
            left -= k;
        }
        if (left > 0) {
            throw new InvalidInputException("initialHolders must be an integer in [0, " + Arrays.stream(sizes).sum()
                    + "] (the fleet size), got " + initial);
        }
        return new HeterogeneousFleet(sizes, rates, mu, new double[c], m, success);
    }

    public int classes() {
        return classSizes.length;
    }

    public long nodes() {
        return Arrays.stream(classSizes).sum();
    }

    public long initialTotal() {
        return Arrays.stream(initialHolders).sum();
    }

    /** Free riders of class c, whole devices. */
    public long freeRiders(int c) {
        return Math.round(freeRiderShare[c] * classSizes[c]);
    }

    @Override
    public long[] classSizes() {
        return classSizes.clone();
    }

    @Override
    public double[][] classRates() {
        return Arrays.stream(classRates).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] serverRates() {
        return serverRates.clone();
    }

    @Override
    public double[] freeRiderShare() {
        return freeRiderShare.clone();
    }

    @Override
    public long[] initialHolders() {
        return initialHolders.clone();
    }

    /** Rate lambda_cd, per second. */
    public double rate(int c, int d) {
        return classRates[c][d];
    }

    public double serverRate(int c) {
        return serverRates[c];
    }

    public long size(int c) {
        return classSizes[c];
    }

    public long initial(int c) {
        return initialHolders[c];
    }
}
