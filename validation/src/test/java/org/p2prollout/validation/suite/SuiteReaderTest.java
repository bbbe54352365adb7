package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.validation.sim.scenario.Scenario;

class SuiteReaderTest {
    static final Path DIR = Path.of(".");

    @Test
    void readsCasesScenarioTolerancesAndOffloadSweep() {
        SuiteSpec s = SuiteReader.parse("""
                name: mine
                description: two cases
                cases:
                  - name: a
                    model: multi-piece
                    replications: 5
                    seed: 9
                    tolerances: {time: 0.2, ks: 0.5}
                    scenario:
                      fleet: {devices: 12}
                      release: {pieces: 3}
                      protocol: {policy: sequential}
                  - name: b
                offload:
                  scenario: {fleet: {devices: 7}}
                  serverRates: [1.0e-4, 2.0e-4]
                  replications: 3
                """, "mine.yaml", DIR);
        assertEquals("mine", s.name());
        CaseSpec a = s.cases().get(0);
        assertEquals(ModelKind.MULTI_PIECE, a.model());
        assertEquals(5, a.replications());
        assertEquals(9, a.seed());
        assertEquals(0.2, a.tolerances().time(), 0);
        assertEquals(0.5, a.tolerances().ks(), 0);
        assertEquals(Tolerances.DEFAULT.coverageGap(), a.tolerances().coverageGap(), 0);
        assertEquals(12, a.scenario().fleet().devices());
        assertEquals(PiecePolicy.SEQUENTIAL, a.scenario().protocol().policy());
        CaseSpec b = s.cases().get(1);
        assertEquals(ModelKind.SINGLE_PIECE, b.model());
        assertEquals(12, b.replications());
        assertNotNull(s.offload());
        assertEquals(7, s.offload().scenario().fleet().devices());
        assertEquals(2, s.offload().serverRates().length);
    }

    @Test
    void missingTraceMakesTheCaseNotRunnableInsteadOfFailingTheSuite() {
        SuiteSpec s = SuiteReader.parse("cases:\n  - name: t\n    trace: nowhere/at/all\n", "t.yaml", DIR);
        assertTrue(s.cases().get(0).unavailable().contains("not found"), s.cases().get(0).unavailable());
        assertNull(s.offload());
    }

    @Test
    void badInputNamesTheFileAndTheKey() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> SuiteReader.parse("cases:\n  - name: a\n    replicatons: 3\n", "s.yaml", DIR));
        assertTrue(unknown.getMessage().startsWith("s.yaml: unknown key 'replicatons' in cases[0]"), unknown.getMessage());
        InvalidInputException model = assertThrows(InvalidInputException.class,
                () -> SuiteReader.parse("cases:\n  - name: a\n    model: magic\n", "s.yaml", DIR));
        assertTrue(model.getMessage().contains("s.yaml") && model.getMessage().contains("magic"), model.getMessage());
        InvalidInputException scenario = assertThrows(InvalidInputException.class,
                () -> SuiteReader.parse("cases:\n  - name: a\n    scenario: {fleet: {devices: -3}}\n", "s.yaml", DIR));
        assertTrue(scenario.getMessage().contains("fleet.devices"), scenario.getMessage());
        assertThrows(InvalidInputException.class, () -> SuiteReader.parse("cases: []\n", "s.yaml", DIR));
        assertThrows(InvalidInputException.class,
                () -> SuiteReader.parse("cases:\n  - name: a\n  - name: a\n", "s.yaml", DIR));
    }

    @Test
    void builtInSuitesCoverEveryRequiredKindOfCase() {
        for (String name : BuiltInSuites.NAMES) {
                        SuiteSpec s = BuiltInSuites.byName(name, null);
            Set<ModelKind> kinds = s.cases().stream().map(CaseSpec::model).collect(Collectors.toSet());
            // the per-device-pair chain is validated by the demo's city case (Demo), not by the built-in suites
            assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(ModelKind.PAIRS)), kinds, name);
            Set<PiecePolicy> policies = s.cases().stream().filter(c -> c.model() == ModelKind.MULTI_PIECE)
                    .map(c -> c.scenario().protocol().policy()).collect(Collectors.toSet());
            assertEquals(Set.of(PiecePolicy.RANDOM, PiecePolicy.RAREST_FIRST,
                    PiecePolicy.SEQUENTIAL), policies);
            assertTrue(s.cases().stream().anyMatch(c -> c.scenario().server().rate() > 0 && c.model() == ModelKind.SINGLE_PIECE));
            assertTrue(s.cases().stream().anyMatch(c -> c.scenario().fleet().freeRiderShare() > 0));
            // without shared data: the synthetic district week runs, the cab week is reported as not run
            ForecastCaseSpec synthetic = s.forecasts().stream().filter(f -> f.unavailable() == null).findFirst()
                    .orElseThrow();
            assertTrue(synthetic.notes().stream().anyMatch(n -> n.startsWith("synthetic trace")), synthetic.notes()::toString);
            assertTrue(synthetic.models().containsKey(org.p2prollout.model.forecast.ForecastModel.REPLAY));
            assertTrue(s.forecasts().stream().anyMatch(f -> f.unavailable() != null && f.unavailable().contains("cab week")));
            assertNotNull(s.offload());
        }
        assertThrows(InvalidInputException.class, () -> BuiltInSuites.byName("huge", null));
        assertEquals(List.of("quick", "standard"), BuiltInSuites.NAMES);
    }
}
