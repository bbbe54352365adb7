package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/** The built-in suites run the reference protocol beside the ideal one (issue 13 item 13). */
class BuiltInSuitesTest {

    private static Optional<CaseSpec> find(SuiteSpec s, ModelKind model, ProtocolImplementation implementation,
                                           PiecePolicy policy, boolean server) {
        return s.cases().stream().filter(c -> c.model() == model
                && c.scenario().protocol().implementation() == implementation
                && (policy == null || c.scenario().protocol().policy() == policy)
                && (c.scenario().server().rate() > 0) == server).findFirst();
    }

    @Test
    void quickRunsRarestFirstAndARolloutTimeCaseWithBothImplementations() {
        SuiteSpec quick = BuiltInSuites.byName("quick", null);
        for (ProtocolImplementation implementation : ProtocolImplementation.values()) {
            CaseSpec mp = find(quick, ModelKind.MULTI_PIECE, implementation, PiecePolicy.RAREST_FIRST, true)
                    .orElseThrow(() -> new AssertionError("no multi-piece rarest-first case on " + implementation));
            CaseSpec time = find(quick, ModelKind.SINGLE_PIECE, implementation, null, true)
                    .orElseThrow(() -> new AssertionError("no single-piece case with a server on " + implementation));
            String suffix = " (" + implementation.name().toLowerCase(java.util.Locale.ROOT) + ")";
            assertTrue(mp.name().endsWith(suffix), mp.name());
            assertTrue(time.name().endsWith(suffix), time.name());
        }
    }

    @Test
    void standardRunsEveryMultiPieceCaseWithBothImplementations() {
        SuiteSpec standard = BuiltInSuites.byName("standard", null);
        for (PiecePolicy policy : List.of(PiecePolicy.RANDOM, PiecePolicy.RAREST_FIRST, PiecePolicy.SEQUENTIAL)) {
            for (ProtocolImplementation implementation : ProtocolImplementation.values()) {
                assertTrue(find(standard, ModelKind.MULTI_PIECE, implementation, policy, true).isPresent(),
                        policy + " " + implementation);
            }
        }
    }

    @Test
    void aPairDiffersOnlyInItsImplementationAndEverySimulatedCaseNamesIt() {
        for (String name : BuiltInSuites.NAMES) {
            SuiteSpec s = BuiltInSuites.byName(name, null);
            assertEquals(s.cases().size(), s.cases().stream().map(CaseSpec::name).distinct().count(), name);
            for (CaseSpec c : s.cases()) {
                if (c.model() == ModelKind.OPEN_FLEET) {
                    continue;   // its own simulator: no device implementation
                }
                ProtocolImplementation impl = c.scenario().protocol().implementation();
                assertTrue(c.name().endsWith(" (" + impl.name().toLowerCase(java.util.Locale.ROOT) + ")"), c.name());
                if (impl == ProtocolImplementation.REFERENCE) {
                    String base = c.name().substring(0, c.name().length() - " (reference)".length());
                    CaseSpec ideal = s.cases().stream().filter(o -> o.name().equals(base + " (ideal)")).findFirst()
                            .orElseThrow(() -> new AssertionError("no ideal twin of " + c.name()));
                    assertEquals(ideal.seed(), c.seed(), c.name());
                    assertEquals(ideal.replications(), c.replications(), c.name());
                    Scenario twin = Records.with(ideal.scenario(), "protocol", Records.with(ideal.scenario().protocol(),
                            "implementation", ProtocolImplementation.REFERENCE));
                    assertEquals(twin, c.scenario(), c.name());
                }
            }
        }
    }
}
