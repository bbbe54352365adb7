package org.p2prollout.protocol;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.p2prollout.protocol.manifest.Dependency;
import org.p2prollout.protocol.manifest.DeviceIdentity;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.Publisher;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.node.DeviceNode;
import org.p2prollout.protocol.node.ProtocolConfig;
import org.p2prollout.protocol.wire.InstallReport;

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

    private static final Map<Long, DeviceIdentity> IDENTITIES = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** Device {@code id}'s key pair (seeded by the id) with {@link #PUBLISHER}'s certificate. */
    public static DeviceIdentity identity(long id) {
        return IDENTITIES.computeIfAbsent(id, i -> PUBLISHER.provision(PeerId.of(i), 7000 + i));
    }

    /** Device {@code id}'s own signed outcome of installing {@code release} at {@code timeMillis}. */
    public static InstallReport.Outcome outcome(long id, Digest release, boolean success, long timeMillis) {
        return InstallReport.Outcome.signed(identity(id), release, success, timeMillis);
    }

    /** A device with a certified identity, so it signs and gossips its install outcomes. */
    public static DeviceNode device(long id, ProtocolConfig config, Release... installed) {
        DeviceNode.Builder b = DeviceNode.builder(PeerId.of(id), PUBLISHER.publicKey())
                .config(config).random(new SplittableRandom(1000 + id)).identity(identity(id));
        for (Release r : installed) {
            b.install(r);
        }
        return b.build();
    }
}
