package org.p2prollout.protocol.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2prollout.protocol.PeerId;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.wire.InstallReport;

/**
 * The install outcomes a device knows (its own and gossiped ones, every one verified: signed by
 * the installing device under a publisher certificate, see {@link DeviceNode}), at most one per
 * (device, release), the newest by the device's own install time; bounded with the oldest
 * forgotten first; and the refusal rule: a release is refused when at least {@code minReports}
 * devices' outcomes are known and the failed share exceeds the threshold. A device counts once
 * per release however often or by whomever its outcome is relayed.
 */
final class InstallGossip {
    private record Key(PeerId device, Digest release) {
    }

    private final int capacity;
    private final double threshold;
    private final int minReports;
    private final LinkedHashMap<Key, InstallReport.Outcome> outcomes = new LinkedHashMap<>();
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

    /**
     * Records a verified outcome; returns true if it was new or newer than the one known for
     * its device and release (an older or equal-time statement changes nothing).
     */
    boolean learn(InstallReport.Outcome o) {
        Key k = new Key(o.device(), o.manifestDigest());
        InstallReport.Outcome known = outcomes.get(k);
        if (known != null && known.timeMillis() >= o.timeMillis()) {
            return false; // the common case in gossip: already known, nothing changes
        }
        if (known != null) {
            outcomes.remove(k);
            untally(k, known.success());
            recent.remove(known);
        }
        recent.addFirst(o);
        while (recent.size() > recentCapacity) {
            recent.removeLast();
        }
        outcomes.put(k, o);
        int[] t = tally.computeIfAbsent(k.release(), x -> new int[2]);
        t[0] += o.success() ? 0 : 1;
        t[1]++;
        if (outcomes.size() > capacity) {
            Iterator<Map.Entry<Key, InstallReport.Outcome>> it = outcomes.entrySet().iterator();
            Map.Entry<Key, InstallReport.Outcome> eldest = it.next();
            it.remove();
            untally(eldest.getKey(), eldest.getValue().success());
        }
        return true;
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
