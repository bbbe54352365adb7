package org.p2prollout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Issue 13, item 9: plan honours --confidence or refuses; client-server is charged its own bytes only. */
class PlanHonestyTest {
    @Test
    void meanFieldModelRefusesConfidenceInsteadOfIgnoringIt() {
        // 100,000 devices, two pieces: beyond the exact lumped chain, so the mean-field ODE (deterministic times).
        // Before: exit 0 and the same server rate for --confidence 0.5 and 0.99.
        for (String c : new String[] {"0.5", "0.99"}) {
            RolloutTest.Run r = RolloutTest.run("plan", "--nodes", "100000", "--rate", "1e-7", "--pieces", "2",
                    "--deadline", "86400", "--confidence", c, "--json");
            assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("--confidence " + c + " needs the distribution of the rollout time"), r.err());
            assertTrue(r.err().contains("confidence is supported by the exact models"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void exactModelStillGivesAServerRateThatGrowsWithConfidence() throws Exception {
        JsonNode lo = Json.mapper().readTree(RolloutTest.run("plan", "--nodes", "200", "--rate", "1e-5", "--deadline", "3600",
                "--confidence", "0.5", "--json").out());
        JsonNode hi = Json.mapper().readTree(RolloutTest.run("plan", "--nodes", "200", "--rate", "1e-5", "--deadline", "3600",
                "--confidence", "0.99", "--json").out());
        assertTrue(hi.at("/withP2P/serverRate").asDouble() > lo.at("/withP2P/serverRate").asDouble());
        assertTrue(hi.at("/clientServer/serverRate").asDouble() > lo.at("/clientServer/serverRate").asDouble());
    }

    @Test
    void clientServerIsChargedServerDownloadsRequestsAndManifestsOnly() throws Exception {
        // 200 devices, 1 holder at release, coverage 1: 199 devices download from the server.
        // Defaults: update 1,000,000 B in one piece, request 64 B, manifest 1,024 B, announcements
        // 256 B at 0.1 /s (peer discovery: not part of client-server).
        RolloutTest.Run r = RolloutTest.run("plan", "--nodes", "200", "--rate", "1e-5", "--deadline", "36000",
                "--confidence", "0.9", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode t = Json.mapper().readTree(r.out()).at("/clientServer/traffic");
        assertEquals(0, t.get("announcements").asDouble());
        assertEquals(0, t.get("peerPayload").asDouble());
        assertEquals(0, t.get("partialLost").asDouble());
        assertEquals(199 * 1_000_000.0, t.get("serverPayload").asDouble(), 1e-3);
        assertEquals(199 * 64.0, t.get("requests").asDouble(), 1e-9);
        assertEquals(199 * 1024.0, t.get("manifests").asDouble(), 1e-9);
        double total = 199 * (1_000_000.0 + 64 + 1024);
        assertEquals(total, t.get("total").asDouble(), 1e-3);
        assertEquals(total, t.get("clientServerBaseline").asDouble(), 1e-3);
        assertEquals(total, Json.mapper().readTree(r.out()).at("/clientServer/serverBytes").asDouble(), 1e-3);
        // The P2P plan still pays its announcements: 200 devices x 0.1 /s x 256 B x its mean time.
        JsonNode p = Json.mapper().readTree(r.out()).at("/withP2P");
        assertEquals(200 * 0.1 * 256 * p.get("meanTime").asDouble(), p.at("/traffic/announcements").asDouble(),
                1e-9 * p.at("/traffic/announcements").asDouble());
    }
}
