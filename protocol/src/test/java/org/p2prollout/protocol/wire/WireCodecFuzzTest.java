package org.p2prollout.protocol.wire;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.p2prollout.protocol.MalformedMessageException;

/**
 * Property-based fuzzing of the wire decoder: every sample message of {@link WireCodecTest},
 * encoded, then bytes flipped, inserted, deleted or cut. Decoding returns a message or throws
 * {@link MalformedMessageException} (the codec's bad-input error); nothing else, and a message
 * that decodes re-encodes to the same bytes (no two encodings of one message). Bounded tries.
 */
class WireCodecFuzzTest {
    private static final List<byte[]> FRAMES = WireCodecTest.samples().map(WireCodec::encode).toList();

    record Edit(double at, int kind, byte value) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 3),
                Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) 0, (byte) -1, (byte) 0x7f, (byte) 0x80)))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
    }

    static byte[] apply(byte[] frame, List<Edit> edits) {
        byte[] b = frame.clone();
        for (Edit e : edits) {
            int i = (int) (e.at() * b.length);
            switch (e.kind()) {
                case 0 -> { // overwrite
                    if (i < b.length) {
                        b[i] = e.value();
                    }
                }
                case 1 -> { // insert
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, i);
                    n[i] = e.value();
                    System.arraycopy(b, i, n, i + 1, b.length - i);
                    b = n;
                }
                case 2 -> { // delete
                    if (i < b.length) {
                        byte[] n = new byte[b.length - 1];
                        System.arraycopy(b, 0, n, 0, i);
                        System.arraycopy(b, i + 1, n, i, b.length - i - 1);
                        b = n;
                    }
                }
                default -> b = Arrays.copyOf(b, i); // cut
            }
        }
        return b;
    }

    @Property(tries = 1500, seed = "1331")
    void decodesOrRejectsAsMalformed(@ForAll("frames") int which, @ForAll("edits") List<Edit> edits) {
        byte[] bytes = apply(FRAMES.get(which), edits);
        Message m;
        try {
            m = WireCodec.decode(bytes);
        } catch (MalformedMessageException expected) {
            return;
        }
        if (!Arrays.equals(bytes, WireCodec.encode(m))) {
            throw new AssertionError("decoded " + m + " re-encodes differently from its input");
        }
    }

    @Provide
    Arbitrary<Integer> frames() {
        return Arbitraries.integers().between(0, FRAMES.size() - 1);
    }
}
