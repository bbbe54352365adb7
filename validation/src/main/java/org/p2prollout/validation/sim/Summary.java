package org.p2prollout.validation.sim;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Every metric of a simulation as a mean over replications with its 95 % confidence interval
 * (Student-t; for counts, {@link Estimate#ofCount}, which stays at or above 0).
 * Rollout times in seconds since release (replications that did not reach q within the horizon
 * are left out of T_q; {@link Estimate#n()} says how many reached), bytes per kind, rejected items
 * per kind, energy per device in joules, contacts, pieces delivered by the server.
 */
public record Summary(int replications, Estimate t50, Estimate t90, Estimate t99, Estimate t100, Estimate offload,
                      Estimate overheadRatio, Map<String, Estimate> bytes, Map<String, Estimate> rejected,
                      Estimate tamperedInstalls, Estimate energyPerDeviceJoules, Estimate contacts,
                      Estimate serverPieces)
        implements Serializable {

    /**
     * Kinds of rejected items every summary lists (the reference protocol's rejection kinds):
     * forged or substituted manifests, tampered pieces, older versions announced as new, lying
     * bitfields, unsolicited items, versions refused for reported install failures.
     */
    public static final List<String> REJECTION_KINDS = List.of("forged-manifest", "tampered-piece", "stale-version",
            "lying-bitfield", "unsolicited", "refused-version");

    public static Summary of(List<ReplicationResult> runs) {
        Map<String, Estimate> bytes = new LinkedHashMap<>();
        for (ByteKind k : ByteKind.values()) {
            bytes.put(k.key(), count(runs, r -> r.bytes().getOrDefault(k.key(), 0L)));
        }
        TreeSet<String> kinds = new TreeSet<>(REJECTION_KINDS);
        runs.forEach(r -> kinds.addAll(r.rejected().keySet()));
        Map<String, Estimate> rejected = new LinkedHashMap<>();
        for (String kind : kinds) {
            rejected.put(kind, count(runs, r -> r.rejected().getOrDefault(kind, 0L)));
        }
        return new Summary(runs.size(), est(runs, ReplicationResult::t50), est(runs, ReplicationResult::t90),
                est(runs, ReplicationResult::t99), est(runs, ReplicationResult::t100),
                est(runs, ReplicationResult::offload), est(runs, ReplicationResult::overheadRatio), bytes, rejected,
                count(runs, ReplicationResult::tamperedInstalls), est(runs, ReplicationResult::meanEnergyJoules),
                count(runs, ReplicationResult::contactCount), count(runs, ReplicationResult::serverPieces));
    }

    /** Counts (bytes, items, contacts): an interval that never goes below 0 ({@link Estimate#ofCount}). */
    private static Estimate count(List<ReplicationResult> runs, ToDoubleFunction<ReplicationResult> f) {
        return Estimate.ofCount(runs.stream().mapToDouble(f).toArray());
    }

    private static Estimate est(List<ReplicationResult> runs, ToDoubleFunction<ReplicationResult> f) {
        return Estimate.of(runs.stream().mapToDouble(f).toArray());
    }
}
