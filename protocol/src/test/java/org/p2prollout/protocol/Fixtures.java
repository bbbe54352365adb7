package org.p2prollout.validation.protocol;

import java.util.List;
import java.util.SplittableRandom;
import org.p2prollout.validation.protocol.manifest.Dependency;
import org.p2prollout.validation.protocol.manifest.Publisher;
import org.p2prollout.validation.protocol.manifest.Release;
import org.p2prollout.validation.protocol.node.DeviceNode;
import org.p2prollout.validation.protocol.node.ProtocolConfig;

/** Shared test data: one publisher, a firmware in two versions, a library it depends on. */
public final class Fixtures {
    public static final Publisher PUBLISHER = Publisher.fromSeed(42);
    public static final SoftwareId FW = SoftwareId.of("fw");
    public static final SoftwareId LIB = SoftwareId.of("lib");
    public static final Version V1 = Version.of(1, 0, 0);
    public static final Version V2 = Version.of(2, 0, 0);

    /** fw 1.0.0: 2500 bytes in pieces of 1000 (1000, 1000, 500). */
    public static final Release FW1 = PUBLISHER.syntheticRelease(FW, V1, List.of(), 0, 2500, 1000, 1);
    /** fw 2.0.0: 2500 bytes in pieces of 1000 (1000, 1000, 500). */
    public static final Release FW2 = PUBLISHER.syntheticRelease(FW, V2, List.of(), 0, 2500, 1000, 2);
    /** lib 1.0.0: 1200 bytes in pieces of 1000 (1000, 200). */
    public static final Release LIB1 = PUBLISHER.syntheticRelease(LIB, V1, List.of(), 0, 1200, 1000, 3);
    /** fw 2.0.0 needing lib >= 1.0.0: 2500 bytes in 3 pieces. */
    public static final Release FW2_NEEDS_LIB = PUBLISHER.syntheticRelease(FW, V2,
            List.of(new Dependency(LIB, V1)), 0, 2500, 1000, 4);

    private Fixtures() {
    }

    public static DeviceNode device(long id, ProtocolConfig config, Release... installed) {
        DeviceNode.Builder b = DeviceNode.builder(PeerId.of(id), PUBLISHER.publicKey())
                .config(config).random(new SplittableRandom(1000 + id));
        for (Release r : installed) {
            b.install(r);
        }
        return b.build();
    }
}
