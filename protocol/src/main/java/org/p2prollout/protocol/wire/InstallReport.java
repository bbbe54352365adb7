package org.p2prollout.validation.protocol.wire;

import java.util.List;
import java.util.Objects;
import org.p2prollout.validation.protocol.ByteWriter;
import org.p2prollout.validation.protocol.PeerId;
import org.p2prollout.validation.protocol.manifest.Digest;

/**
 * Gossip of installation outcomes: which device installed which release, and whether it
 * succeeded or was rolled back. Encoding: tag, u16 count, then per outcome i64 device, 32-byte
 * digest, u8 success: {@code 3 + 41 * outcomes} bytes.
 */
public record InstallReport(List<Outcome> outcomes) implements Message {
    /** Bytes per outcome. */
    public static final int OUTCOME_SIZE = 8 + Digest.LENGTH + 1;

    /** One device's result of installing one release. */
    public record Outcome(PeerId device, Digest manifestDigest, boolean success) {
        public Outcome {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(manifestDigest, "manifestDigest");
        }
    }

    public InstallReport {
        outcomes = List.copyOf(outcomes);
        if (outcomes.isEmpty() || outcomes.size() > 0xFFFF) {
            throw new IllegalArgumentException("an install report holds 1 to 65535 outcomes, got " + outcomes.size());
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.INSTALL_REPORT;
    }

    @Override
    public int encodedSize() {
        return 3 + OUTCOME_SIZE * outcomes.size();
    }

    @Override
    public void writeBody(ByteWriter w) {
        w.u16(outcomes.size());
        for (Outcome o : outcomes) {
            w.i64(o.device().value()).bytes(o.manifestDigest().toBytes()).u8(o.success() ? 1 : 0);
        }
    }
}
