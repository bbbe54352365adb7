package org.p2prollout.model.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.solver.Accuracy;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.solver.NotConvergedException;

/** Defects 1, 3, 5, 6 of issue 12 at the model level. */
class SeamDefectsTest {
    private static RolloutScenario scenario(double freeRiders, int pieces, long maxStates) {
        return new RolloutScenario(40, 0.001, null, null, freeRiders, 1e-4, 1, 1, pieces, 1, PiecePolicy.RANDOM,
                maxStates);
    }

    @Test
    void freeRidersWithSeveralPiecesAreRefusedNotIgnored() {
        // defect 1: the share used to be dropped silently, giving the answer for 0 free riders
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> scenario(0.5, 2, 500_000));
        assertTrue(e.getMessage().contains("freeRiderShare"), e.getMessage());
        scenario(0, 2, 500_000).model(); // without free riders, K = 2 still runs
    }

    @Test
    void freeRidersChangeTheSinglePieceAnswer() {
        double none = scenario(0, 1, 500_000).model().predict(1).meanTime();
        double half = scenario(0.5, 1, 500_000).model().predict(1).meanTime();
        assertNotEquals(none, half); // free riders upload nothing: the rollout is slower
        assertTrue(half > none);
    }

    @Test
    void meanFieldNeverShowsAZeroError() {
        // defect 3: the mean-field results carried an error bound of 0
        RolloutPrediction hetero = scenario(0.3, 1, 10).model().predict(1);
        RolloutPrediction multi = scenario(0, 2, 10).model().predict(1);
        for (RolloutPrediction p : new RolloutPrediction[] {hetero, multi}) {
            assertEquals(PredictionMethod.MEAN_FIELD, p.method());
            Accuracy a = p.accuracy();
            assertTrue(a.approximation(), a.toString());
            assertFalse(a.isBounded(), a.toString());
            assertTrue(Double.isNaN(a.errorBound()), a.toString());
            assertEquals("approximation, error not bounded", a.errorStatement());
        }
        Accuracy exact = scenario(0.3, 1, 500_000).model().predict(1).accuracy();
        assertFalse(exact.approximation());
        assertTrue(exact.errorBound() > 0 && exact.errorBound() < 1e-8, exact.toString());
    }

    @Test
    void aQuantileNeverReachedIsNonConvergenceNotAnInternalError() {
        // defect 5: this was an IllegalStateException, reported by the CLI as an internal error
        NotConvergedException e = assertThrows(NotConvergedException.class,
                () -> TimeDistribution.bisect(t -> 0.4, 0.5, 1));
        assertTrue(e.getMessage().contains("stays below 0.5"), e.getMessage());
        assertFalse(e.reached().converged());
    }
}
