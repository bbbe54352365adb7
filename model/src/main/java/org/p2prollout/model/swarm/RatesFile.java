package org.p2prollout.model.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + "); expected the summary.json of 'rollout rates'");
        }
        JsonNode rate = root.get("meanRate");
        if (rate == null || !rate.isNumber()) {
            throw new InvalidInputException(file + ": expected a number 'meanRate' (per second), as written by"
                    + " 'rollout rates'");
        }
        long[] sizes = new long[0];
        double[][] rates = new double[0][];
        JsonNode cs = root.get("classSizes");
        JsonNode cr = root.get("classRates");
        if (cs != null && cs.isArray() && cs.size() > 0) {
            int c = cs.size();
            sizes = new long[c];
            for (int i = 0; i < c; i++) {
                sizes[i] = cs.get(i).asLong();
            }
            if (cr == null || !cr.isArray() || cr.size() != c) {
                throw new InvalidInputException(file + ": 'classRates' must be a " + c + " x " + c + " array");
            }
            rates = new double[c][c];
            for (int i = 0; i < c; i++) {
                JsonNode row = cr.get(i);
                if (!row.isArray() || row.size() != c) {
                    throw new InvalidInputException(file + ": 'classRates' row " + i + " must have " + c + " numbers");
                }
                for (int j = 0; j < c; j++) {
                    rates[i][j] = row.get(j).isNull() ? 0 : row.get(j).asDouble();
                }
            }
        }
        JsonNode d = root.get("devices");
        long devices = d != null && d.isNumber() ? d.asLong() : java.util.Arrays.stream(sizes).sum();
        JsonNode dur = root.get("meanContactDuration");
        double duration = dur != null && dur.isNumber() ? dur.asDouble() : Double.NaN;
        return new RatesFile(devices, rate.asDouble(), sizes, rates, duration);
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
