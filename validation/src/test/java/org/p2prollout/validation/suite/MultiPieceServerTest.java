package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.model.pieces.MultiPieceModel;
import org.p2prollout.model.pieces.MultiPieceSwarm;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.scenario.Scenario;

/**
 * The multi-piece case's server rule. The simulator's server session hands out every missing
 * piece per reach, so the fitted model must too. Independent expectation: with no peer help
 * (rate 0) and K pieces handed out per visit, each device finishes at its first server reach, so
 * T_1 is the maximum of N exponentials of rate mu, of mean H_N / mu; with one piece per visit it
 * would be the maximum of N Gamma(K, mu). On a scenario where the model is exact (Poisson
 * contacts, instantaneous transfers, so k = K and p = 1) the case must then pass, server downloads
 * included; this is a statistical test at the suite's 95 % level with a fixed seed.
 */
class MultiPieceServerTest {
    static final int N = 8;
    static final int K = 3;

    @Test
    void everyMissingPiecePerVisitGivesTheMaximumOfExponentials() {
        double mu = 1e-3;
        MultiPieceSwarm swarm = new MultiPieceSwarm(N, K, K, PiecePolicy.RAREST_FIRST, 0, mu, 1, 0,
                MultiPieceFit.serverPiecesPerVisit(K));
        double harmonic = 0;
        for (int i = 1; i <= N; i++) {
            harmonic += 1.0 / i;
        }
        var prediction = new MultiPieceModel(swarm).predict(1.0);
        assertEquals(harmonic / mu, prediction.meanTime(), 1e-6 * harmonic / mu);
        assertEquals(N, prediction.serverDownloads(), 1e-9);
    }

    @Test
    void exactMultiPieceCaseWithAStrongServerPasses() {
        Scenario s = Scenario.builder().devices(N).initialHolders(1).mobility(Scenario.MobilityModel.CONTACT_PROCESS)
                .encounterRate(2e-4).contactDurationSeconds(0).instantaneous(true).pieces(K).sizeBytes(3000)
                .implementation(Scenario.ProtocolImplementation.IDEAL).policy(PiecePolicy.RAREST_FIRST)
                .durationSeconds(60_000).serverRate(5e-4).build();
        CaseResult r = new CaseRunner().run(CaseSpec.of("mp-server", "exact multi-piece with server",
                ModelKind.MULTI_PIECE, s, 40, 11, Tolerances.DEFAULT), ProgressListener.NONE);
        Comparison downloads = r.comparison("server downloads").orElseThrow();
        assertTrue(downloads.checked() && downloads.pass(), downloads::toString);
        assertEquals(Verdict.PASS, r.verdict(), () -> r.reasons() + " " + r.comparisons());
    }
}
