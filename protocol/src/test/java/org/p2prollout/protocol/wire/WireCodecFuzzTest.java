package org.p2prollout.protocol.wire;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.p2prollout.testkit.FuzzCases;
import org.p2prollout.testkit.Mutator;
import org.p2prollout.protocol.MalformedMessageException;

/**
 * Fuzzing of the wire decoder: every sample message of {@link WireCodecTest}, encoded, then 1-4
 * bytes overwritten, inserted, deleted or cut by seeded edits ({@link Mutator.ByteEdits}).
 * Decoding returns a message or throws {@link MalformedMessageException} (the codec's bad-input
 * error); nothing else, and a message that decodes re-encodes to the same bytes (no two encodings
 * of one message). 1500 cases, fixed seed.
 */
class WireCodecFuzzTest {
    private static final List<byte[]> FRAMES = WireCodecTest.samples().map(WireCodec::encode).toList();
    private static final Mutator.ByteEdits EDITS = new Mutator.ByteEdits(1, 4);

    @TestFactory
    Stream<DynamicTest> decodesOrRejectsAsMalformed() {
        return FuzzCases.cases(1331, 1500, c -> {
            int which = c.note("frame", c.random().nextInt(FRAMES.size()));
            byte[] bytes = c.input("bytes", EDITS.apply(FRAMES.get(which), c.random()));
            Message m;
            try {
                m = WireCodec.decode(bytes);
            } catch (MalformedMessageException expected) {
                return;
            }
            if (!Arrays.equals(bytes, WireCodec.encode(m))) {
                throw new AssertionError("decoded " + m + " re-encodes differently from its input");
            }
        });
    }
}
