package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollout predict --trace} on a contact list: the pairs model by default, with its error on a held-out day. */
class TracePredictPairsTest {
    /**
     * 16 devices in two groups, present 08:00-19:00 (±30 min) on 2008-01-10..14 (UTC), meeting within
     * their group every 2 h and across every 20 h while both are present; contacts of 120 s.
     */
    private static Path trace(Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        StringBuilder sb = new StringBuilder("a,b,start,end\n");
        double day0 = 1_199_923_200; // 2008-01-10T00:00Z
        for (int d = 0; d < 5; d++) {
            double[][] on = new double[16][];
            for (int i = 0; i < 16; i++) {
                on[i] = new double[] {day0 + d * 86_400 + (8 + rng.nextDouble() - 0.5) * 3600,
                    day0 + d * 86_400 + (19 + rng.nextDouble() - 0.5) * 3600};
            }
            for (int i = 0; i < 16; i++) {
                for (int j = i + 1; j < 16; j++) {
                    double rate = (i < 8) == (j < 8) ? 1 / 7200.0 : 1 / 72_000.0;
                    double a = Math.max(on[i][0], on[j][0]);
                    double b = Math.min(on[i][1], on[j][1]);
                    for (double t = a - Math.log(1 - rng.nextDouble()) / rate; t + 120 < b;
                         t += 120 - Math.log(1 - rng.nextDouble()) / rate) {
                        sb.append(String.format(Locale.ROOT, "d%d,d%d,%.0f,%.0f%n", i, j, t, t + 120));
                    }
                }
            }
        }
        Path f = dir.resolve("contacts.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void aContactListIsForecastWithThePairsModelAndCheckedOnAHeldOutDay(@TempDir Path dir) throws Exception {
        Path f = trace(dir);
        SwarmCommandsTest.Run r = SwarmCommandsTest.run("predict", "--trace", f.toString(), "--train",
                "2008-01-11,2008-01-13", "--test", "2008-01-12", "--releases", "400", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("pairs", j.get("model").asText());
        assertTrue(j.get("chosenBy").asText().contains("adequacy"), j.get("chosenBy").asText());
        assertEquals(2, j.get("details").get("communities").asInt());
        JsonNode replay = SwarmCommandsTest.run("predict", "--trace", f.toString(), "--train", "2008-01-11,2008-01-13",
                "--test", "2008-01-12", "--model", "replay", "--releases", "400", "--json").json();
        for (String k : new String[] {"0.5", "0.9"}) {
            double mean = j.get("rolloutTimes").get(k).get("mean").asDouble();
            double truth = j.get("test").get("truth").get(k).get("mean").asDouble();
            double days = replay.get("rolloutTimes").get(k).get("mean").asDouble();
            assertTrue(truth > 0 && j.get("test").get("error").get(k).has("meanError"), k);
            // 16 devices: the held-out day differs from the training days by itself (here the replay of the
            // training days is 45-60 % off it), so the model is held to its training days' own truth
            assertTrue(Math.abs(mean / days - 1) < 0.3, k + ": pairs " + mean + " s, training days' truth " + days + " s");
        }
        SwarmCommandsTest.Run scaled = SwarmCommandsTest.run("predict", "--trace", f.toString(), "--train",
                "2008-01-11,2008-01-13", "--model", "pairs", "--fleet-scale", "2", "--releases", "200");
        assertEquals(0, scaled.code(), scaled.err());
        assertTrue(scaled.out().contains("fleet scaled x2"), scaled.out());
    }
}
