package org.p2prollout.validation.protocol.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.validation.protocol.PeerId;
import org.p2prollout.validation.protocol.manifest.Digest;
import org.p2prollout.validation.protocol.wire.InstallReport;

/**
 * The install outcomes a device knows (its own and gossiped ones), at most one per (device,
 * release), bounded with the oldest forgotten first; and the refusal rule: a release is refused
 * when at least {@code minReports} outcomes are known and the failed share exceeds the threshold.
 */
final class InstallGossip {
    private record Key(PeerId device, Digest release) {
    }

    private final int capacity;
    private final double threshold;
    private final int minReports;
    private final LinkedHashMap<Key, Boolean> outcomes = new LinkedHashMap<>();
    /** The most recently learned outcomes, newest first, at most {@code recentCapacity}. */
    private final java.util.ArrayDeque<InstallReport.Outcome> recent = new java.util.ArrayDeque<>();
    private final int recentCapacity;
    /** Per release: {failures, total}. */
    private final Map<Digest, int[]> tally = new HashMap<>();

    InstallGossip(int capacity, int recentCapacity, double threshold, int minReports) {
        this.capacity = capacity;
        this.recentCapacity = recentCapacity;
        this.threshold = threshold;
        this.minReports = minReports;
    }

    /** Records an outcome; returns true if it was new or changed. */
    boolean learn(InstallReport.Outcome o) {
        Key k = new Key(o.device(), o.manifestDigest());
        Boolean known = outcomes.get(k);
        if (known != null && known == o.success()) {
            return false; // the common case in gossip: already known, nothing changes
        }
        Boolean old = outcomes.remove(k);
        if (old != null) {
            untally(k, old);
        }
        if (old == null || old != o.success()) {
            recent.remove(new InstallReport.Outcome(o.device(), o.manifestDigest(), !o.success()));
            recent.addFirst(o);
            while (recent.size() > recentCapacity) {
                recent.removeLast();
            }
        }
        outcomes.put(k, o.success());
        int[] t = tally.computeIfAbsent(k.release(), x -> new int[2]);
        t[0] += o.success() ? 0 : 1;
        t[1]++;
        if (outcomes.size() > capacity) {
            Iterator<Map.Entry<Key, Boolean>> it = outcomes.entrySet().iterator();
            Map.Entry<Key, Boolean> eldest = it.next();
            it.remove();
            untally(eldest.getKey(), eldest.getValue());
        }
        return old == null || old != o.success();
    }

    private void untally(Key k, boolean success) {
        int[] t = tally.get(k.release());
        t[0] -= success ? 0 : 1;
        t[1]--;
        if (t[1] == 0) {
            tally.remove(k.release());
        }
    }

    /** Whether the known outcomes for {@code release} pass the refusal threshold. */
    boolean refuses(Digest release) {
        int[] t = tally.get(release);
        return t != null && t[1] >= minReports && (double) t[0] / t[1] > threshold;
    }

    /** Known reports for {@code release}: {failures, total}. */
    int[] tally(Digest release) {
        int[] t = tally.get(release);
        return t == null ? new int[2] : t.clone();
    }

    /** Up to {@code max} (at most the recent capacity) outcomes, most recently learned first. */
    List<InstallReport.Outcome> recent(int max) {
        List<InstallReport.Outcome> out = new ArrayList<>(Math.min(max, recent.size()));
        for (InstallReport.Outcome o : recent) {
            if (out.size() == max) {
                break;
            }
            out.add(o);
        }
        return out;
    }

    boolean isEmpty() {
        return outcomes.isEmpty();
    }
}
