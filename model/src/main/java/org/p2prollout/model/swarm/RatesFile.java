package org.p2prollout.model.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.p2prollout.core.InvalidInputException;

/**
 * The encounter rates a model needs, read from the {@code summary.json} that {@code rollout rates}
 * writes (or from the directory holding it).
 *
 * @param devices             N
 * @param meanRate            homogeneous lambda per pair, per second
 * @param classSizes          devices per class (empty when the run had no classes)
 * @param classRates          C x C pair rates per second (empty when no classes)
 * @param meanContactDuration seconds, or NaN when absent
 */
public record RatesFile(long devices, double meanRate, long[] classSizes, double[][] classRates,
        double meanContactDuration) {
    /** Reads {@code path}: a summary.json, or a directory containing one. */
    public static RatesFile read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("summary.json") : path;
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        org.p2prollout.model.rates.RatesSummary summary = org.p2prollout.model.rates.RatesFiles.readSummary(file);
        return of(file, summary);
    }

    /**
     * The rates of {@code summary} (read from {@code file}, named in messages); checks that the class
     * rates are a C x C array matching the class sizes.
     */
    public static RatesFile of(Path file, org.p2prollout.model.rates.RatesSummary summary) {
        if (summary.meanRate() == null) {
            throw new InvalidInputException(file + ": expected a number 'meanRate' (per second), as written by"
                    + " 'rollout rates'");
        }
        long[] sizes = new long[0];
        double[][] rates = new double[0][];
        int[] cs = summary.classSizes();
        double[][] cr = summary.classRates();
        if (cs != null && cs.length > 0) {
            int c = cs.length;
            sizes = new long[c];
            for (int i = 0; i < c; i++) {
                sizes[i] = cs[i];
            }
            if (cr == null || cr.length != c) {
                throw new InvalidInputException(file + ": 'classRates' must be a " + c + " x " + c + " array");
            }
            rates = new double[c][];
            for (int i = 0; i < c; i++) {
                if (cr[i] == null || cr[i].length != c) {
                    throw new InvalidInputException(file + ": 'classRates' row " + i + " must have " + c + " numbers");
                }
                rates[i] = cr[i].clone();
            }
        }
        // a hand-written file may omit devices: the classes then say how many
        long devices = summary.devices() > 0 ? summary.devices() : java.util.Arrays.stream(sizes).sum();
        double duration = summary.meanContactDuration() == null ? Double.NaN : summary.meanContactDuration();
        return new RatesFile(devices, summary.meanRate(), sizes, rates, duration);
    }

    public boolean hasClasses() {
        return classSizes.length > 0;
    }

    /** Class sizes scaled to a fleet of {@code nodes} (largest remainders; each class keeps at least 1). */
    public long[] classSizesFor(long nodes) {
        long total = java.util.Arrays.stream(classSizes).sum();
        if (nodes == total) {
            return classSizes.clone();
        }
        int c = classSizes.length;
        long[] s = new long[c];
        double[] rem = new double[c];
        long used = 0;
        for (int i = 0; i < c; i++) {
            double exact = (double) classSizes[i] * nodes / total;
            s[i] = Math.max(1, (long) Math.floor(exact));
            rem[i] = exact - Math.floor(exact);
            used += s[i];
        }
        while (used < nodes) {
            int best = 0;
            for (int i = 1; i < c; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            s[best]++;
            rem[best] = -1;
            used++;
        }
        return s;
    }
}
