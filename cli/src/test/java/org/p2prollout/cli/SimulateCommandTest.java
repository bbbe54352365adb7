package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;

    Path scenario(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    static final String EPIDEMIC = """
            fleet: {devices: 20}
            mobility: {model: contact-process, encounterRate: 0.002, contactDurationSeconds: 30, durationSeconds: 20000}
            release: {sizeBytes: 20000, pieces: 4}
            protocol: {implementation: ideal}
            server: {rate: 0.0001}
            """;

    @Test
    void sameSeedGivesIdenticalJsonAndOtherSeedsDiffer() throws Exception {
        Path f = scenario(EPIDEMIC);
        RolloutTest.Run a = RolloutTest.run("simulate", f.toString(), "--replications", "4", "--seed", "5", "--json");
        RolloutTest.Run b = RolloutTest.run("simulate", f.toString(), "--replications", "4", "--seed", "5", "--json");
        RolloutTest.Run c = RolloutTest.run("simulate", f.toString(), "--replications", "4", "--seed", "6", "--json");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertNotEquals(a.out(), c.out());
        JsonNode j = Json.mapper().readTree(a.out());
        assertEquals(4, j.get("replications").asInt());
        for (String k : List.of("T50", "T90", "T99", "T100", "offload", "overheadRatio", "tamperedInstalls")) {
            JsonNode e = j.get(k);
            assertTrue(e.has("mean") && e.has("ciLow") && e.has("ciHigh"), k + ": " + e);
        }
        assertTrue(j.get("T50").get("ciLow").asDouble() <= j.get("T50").get("mean").asDouble());
        for (String k : List.of("peerPayload", "serverPayload", "partialLost", "rejected", "announcements", "requests",
                "manifests")) {
            assertTrue(j.get("bytes").has(k), k);
        }
        assertTrue(j.get("rejected").has("tampered-piece"));
        assertEquals(0.0, j.get("tamperedInstalls").get("mean").asDouble());
    }

    @Test
    void outWritesTablesAndContactLogs() throws Exception {
        Path f = scenario(EPIDEMIC);
        Path out = dir.resolve("out");
        RolloutTest.Run r = RolloutTest.run("simulate", f.toString(), "--replications", "2", "--out", out.toString(),
                "--baseline", "bittorrent");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("baseline bittorrent"), r.out());
        assertEquals(3, Files.readAllLines(out.resolve("replications.csv")).size());
        assertEquals(202, Files.readAllLines(out.resolve("coverage.csv")).size());
        assertEquals("a,b,start,end", Files.readAllLines(out.resolve("contacts-0.csv")).get(0));
        RolloutTest.Run p = RolloutTest.run("simulate", f.toString(), "--replications", "1", "--out", out.toString());
        assertEquals(0, p.code(), p.err());
        List<String> contacts = Files.readAllLines(out.resolve("contacts-0.csv"));
        assertTrue(contacts.size() > 10, "the contact process meets often: " + contacts.size());
        assertEquals(4, contacts.get(1).split(",").length);
    }

    @Test
    void badScenarioIsExitCode2WithTheKey() throws Exception {
        Path f = scenario("fleet: {devices: 20, colour: blue}\n");
        RolloutTest.Run r = RolloutTest.run("simulate", f.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("unknown key 'fleet.colour'"), r.err());
        assertTrue(r.err().contains("s.yaml"), r.err());
        RolloutTest.Run missing = RolloutTest.run("simulate", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        RolloutTest.Run badBaseline = RolloutTest.run("simulate", scenario(EPIDEMIC).toString(), "--baseline", "carrier-pigeon");
        assertEquals(ExitCodes.USAGE, badBaseline.code());
        assertTrue(badBaseline.err().contains("--baseline must be one of p2p, client-server, bittorrent"), badBaseline.err());
    }
}
