package org.p2prollout.validation.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2prollout.model.rates.PipelineOptions;
import org.p2prollout.model.trace.ReadOptions;
import org.p2prollout.model.trace.TraceFormat;
import org.p2prollout.core.ProgressListener;
import org.p2prollout.validation.sim.TraceReplay;
import org.p2prollout.validation.sim.scenario.Scenario;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;

/**
 * Defect 2: one trace, one timeline in {@code simulate} ({@link TraceReplay}) and {@code validate}
 * ({@link TraceContacts}); defect 4: the replay is truly Serializable.
 */
class OneTraceTimelineTest {
    /** Four devices observed from t = 0; devices 0 and 1, 1 km apart, meet from t = 500 s to t = 600 s. */
    static Path trace(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("0 1000 0 2000 0 2000\n");
        for (int t = 0; t <= 1000; t += 10) {
            boolean near = t >= 500 && t <= 600;
            b.append(t).append(" 0 100 100\n");
            b.append(t).append(" 1 ").append(near ? 110 : 1100).append(" 100\n");
            b.append(t).append(" 2 100 1900\n"); // two devices that never meet anyone
            b.append(t).append(" 3 1900 1900\n");
        }
        Path f = dir.resolve("two.one");
        Files.writeString(f, b.toString());
        return f;
    }

    /** simulate's scenario replaying {@code f}: 10 s grid, 50 m range. */
    static Scenario replayOf(Path f) {
        return Scenario.builder().initialHolders(1).mobility(MobilityModel.TRACE).trace(f.toString())
                .traceFormat("one-movement").stepSeconds(10).rangeMeters(50).durationSeconds(1e6).build();
    }

    @Test
    void simulateAndValidateReplayTheSameTimeline(@TempDir Path dir) throws Exception {
        Path f = trace(dir);
        TraceReplay simulate = TraceReplay.load(replayOf(f), ProgressListener.NONE);
        TraceContacts validate = TraceContacts.read(f, PipelineOptions.DEFAULT.withRange(50).withStep(10)
                .withRead(ReadOptions.DEFAULT.withFormat(TraceFormat.ONE_MOVEMENT)));
        assertFalse(simulate.contacts().isEmpty());
        assertEquals(validate.contacts(), simulate.contacts());
        assertEquals(validate.devices(), simulate.devices());
        // release is the start of the observation window (t = 0), not the first contact: the
        // contact starts about 500 s after release (within one grid step)
        assertEquals(500, simulate.contacts().get(0).start(), 10);
        assertEquals(1000, validate.seconds(), 10); // the window ends within one grid step of the last fix
    }

    @Test
    void theReplaySurvivesJavaSerialisation(@TempDir Path dir) throws Exception {
        Path f = trace(dir);
        TraceReplay replay = TraceReplay.load(replayOf(f), ProgressListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(replay);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(replay, in.readObject());
        }
    }
}
