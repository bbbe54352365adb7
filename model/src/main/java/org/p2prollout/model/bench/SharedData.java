package org.p2prollout.model.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.p2prollout.core.InvalidInputException;

/** Finds ../shared/data: system property rollout.sharedData, env ROLLOUT_SHARED_DATA, or next to the checkout. */
final class SharedData {
    private SharedData() {
    }

    static Path locate(String name) {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("rollout.sharedData");
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        String env = System.getenv("ROLLOUT_SHARED_DATA");
        if (env != null) {
            candidates.add(Path.of(env));
        }
        try {
            Path code = Path.of(CabReplayWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                candidates.add(p.resolve("../shared/data").normalize());
            }
        } catch (Exception e) {
            // no code source: fall back to the working directory
        }
        candidates.add(Path.of("../shared/data").toAbsolutePath().normalize());
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve(name))) {
                return c.resolve(name);
            }
        }
        throw new InvalidInputException("shared data '" + name + "' not found; set ROLLOUT_SHARED_DATA to the folder holding it (looked in "
                + candidates.size() + " places, e.g. " + candidates.get(candidates.size() - 1) + ")");
    }
}
