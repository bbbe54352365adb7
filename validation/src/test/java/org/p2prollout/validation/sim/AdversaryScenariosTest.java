package org.p2prollout.validation.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: under each attack of the simulator's table, no honest device installs tampered
 * content or refuses the genuine release, and every honest device installs it. With
 * {@code -Dattack.table=true} the test prints the table of docs/PROTOCOL.md.
 *
 * <p>Tagged {@code slow} (10 s on an idle machine, 40-60 s under load: five attacks on the reference
 * protocol, with signatures): {@code mvn -B verify} and CI run it, {@code -DexcludedGroups=slow} leaves it out locally.
 */
@Tag("slow")
class AdversaryScenariosTest {

    @Test
    void noAttackTampersAnInstallOrStopsTheGenuineRelease() {
        List<AdversaryScenarios.Row> rows = AdversaryScenarios.run(3, 2026);
        if (Boolean.getBoolean("attack.table")) {
            System.out.print(AdversaryScenarios.markdown(rows));
        }
        assertEquals(AdversaryScenarios.ATTACKS.size(), rows.size());
        for (AdversaryScenarios.Row r : rows) {
            assertEquals(0, r.tamperedInstalls(), r.attack());
            assertEquals(0, r.genuineRefusals(), r.attack());
            assertEquals(0, r.honestNotInstalled(), r.attack());
            assertTrue(Double.isFinite(r.meanT90()), r.attack());
        }
        // each attack was actually carried out and met its defence
        assertTrue(rows.get(0).rejected().getOrDefault("forged-report", 0L) > 0, rows.get(0).toString());
        assertTrue(rows.get(1).rejected().getOrDefault("expired-manifest", 0L) > 0, rows.get(1).toString());
        assertTrue(rows.get(2).rejected().getOrDefault("withheld-piece", 0L) > 0, rows.get(2).toString());
        assertTrue(rows.get(3).rejected().getOrDefault("withheld-piece", 0L) > 0, rows.get(3).toString());
        assertTrue(rows.get(4).rejected().getOrDefault("unauthenticated-peer", 0L) > 0, rows.get(4).toString());
        assertEquals(0L, rows.get(4).rejected().getOrDefault("tampered-piece", 0L), "Sybil ids get no piece checked");
    }
}
