package org.p2prollout.protocol.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.p2prollout.protocol.SoftwareId;
import org.p2prollout.protocol.Version;
import org.p2prollout.protocol.manifest.Dependency;
import org.p2prollout.protocol.manifest.Digest;
import org.p2prollout.protocol.manifest.Manifest;
import org.p2prollout.protocol.manifest.PieceData;
import org.p2prollout.protocol.manifest.Release;
import org.p2prollout.protocol.manifest.SignedManifest;
import org.p2prollout.protocol.wire.DownloadState;
import org.p2prollout.protocol.wire.InventoryItem;

/**
 * What one device holds: installed software, verified manifests, downloads in progress, and the
 * pieces it keeps serving after they stopped mattering to itself. No messages, no peers.
 */
final class Holdings {
    private record Installed(SoftwareId software, Version version) {
    }

    private final Map<SoftwareId, Release> installed = new TreeMap<>();
    /** Every release this device installed, current or superseded: it keeps serving their pieces. */
    private final Map<Digest, Release> installedByDigest = new HashMap<>();
    private final Map<Digest, SignedManifest> verified = new HashMap<>();
    private final Map<Digest, Download> downloads = new LinkedHashMap<>();
    /**
     * Downloads dropped (superseded, refused) with the pieces they held: still served, because
     * peers may have been told of them, and an honest device never answers {@code NOT_HELD} for a
     * piece it announced (that is how lying bitfields are recognised).
     */
    private final Map<Digest, Download> retired = new HashMap<>();
    private final Set<Digest> failed = new HashSet<>();
    private final Map<Installed, Double> installTimes = new HashMap<>();
    private int downloadsStarted;

    // ------------------------------------------------------------ installed software

    /** Installs {@code r} (replacing the previous version of its software) at {@code time}, or NaN for the initial inventory. */
    void putInstalled(Release r, double time) {
        Manifest m = r.manifest().manifest();
        installed.put(m.software(), r);
        installedByDigest.put(r.digest(), r);
        verified.put(r.digest(), r.manifest());
        if (!Double.isNaN(time)) {
            installTimes.put(new Installed(m.software(), m.version()), time);
        }
    }

    boolean isInstalled(SoftwareId sw) {
        return installed.containsKey(sw);
    }

    boolean hasInstalled(SoftwareId sw, Version v) {
        Release r = installed.get(sw);
        return r != null && r.manifest().manifest().version().compareTo(v) >= 0;
    }

    /** The installed version of {@code sw}, or null. */
    Version installedVersion(SoftwareId sw) {
        Release r = installed.get(sw);
        return r == null ? null : r.manifest().manifest().version();
    }

    OptionalDouble installedAt(SoftwareId sw, Version v) {
        Double t = installTimes.get(new Installed(sw, v));
        return t == null ? OptionalDouble.empty() : OptionalDouble.of(t);
    }

    boolean dependenciesInstalled(Manifest m) {
        for (Dependency dep : m.dependencies()) {
            if (!hasInstalled(dep.software(), dep.minimum())) {
                return false;
            }
        }
        return true;
    }

    Set<SoftwareId> installedSoftware() {
        return installed.keySet();
    }

    // ------------------------------------------------------------ manifests and downloads

    SignedManifest verified(Digest d) {
        return verified.get(d);
    }

    void addVerified(SignedManifest sm) {
        verified.put(sm.digest(), sm);
    }

    Download download(Digest d) {
        return downloads.get(d);
    }

    /** Downloads in progress (including complete ones whose installation failed), in start order. */
    Collection<Download> downloads() {
        return downloads.values();
    }

    /** A copy of {@link #downloads()}, for loops that may retire or complete downloads. */
    List<Download> downloadsSnapshot() {
        return new ArrayList<>(downloads.values());
    }

    /**
     * Starts downloading {@code sm} unless it is already installed (or older) or a download of the
     * same or a newer version runs; a newer release supersedes older downloads of its software.
     */
    void start(SignedManifest sm) {
        Manifest m = sm.manifest();
        if (hasInstalled(m.software(), m.version())) {
            return;
        }
        for (Download d : downloads.values()) {
            if (d.manifest.software().equals(m.software()) && !d.installFailed
                    && d.manifest.version().compareTo(m.version()) >= 0) {
                return;
            }
        }
        retireOlder(m.software(), m.version());
        downloads.put(sm.digest(), new Download(sm, downloadsStarted++));
    }

    /** Stops downloading {@code d}; keeps its pieces for serving if it has any. */
    void retire(Download d) {
        downloads.remove(d.signed.digest());
        if (!d.haveBits().isEmpty()) {
            retired.put(d.signed.digest(), d);
        }
    }

    /** Retires every download of {@code sw} at {@code version} or older. */
    private void retireOlder(SoftwareId sw, Version version) {
        for (Download o : new ArrayList<>(downloads.values())) {
            if (o.manifest.software().equals(sw) && o.manifest.version().compareTo(version) <= 0) {
                retire(o);
            }
        }
    }

    /** Installs a complete download at {@code time}; the Release constructor re-checks every piece. */
    void complete(Download d, double time) {
        Release r = new Release(d.signed, d.pieces());
        downloads.remove(d.signed.digest());
        putInstalled(r, time);
        retireOlder(d.manifest.software(), d.manifest.version());
    }

    void markFailed(Download d) {
        d.installFailed = true;
        failed.add(d.signed.digest());
    }

    boolean hasFailed(Digest d) {
        return failed.contains(d);
    }

    /** Highest version of {@code sw} installed or being downloaded (failed installs excluded), or null. */
    Version bestVersion(SoftwareId sw) {
        Version best = installedVersion(sw);
        for (Download d : downloads.values()) {
            if (d.manifest.software().equals(sw) && !d.installFailed) {
                best = max(best, d.manifest.version());
            }
        }
        return best;
    }

    static Version max(Version a, Version b) {
        return a == null || b.isNewerThan(a) ? b : a;
    }

    /** The minimum version of {@code sw} that a download in progress needs and is not installed, or null. */
    Version missingDependency(SoftwareId sw) {
        Version need = null;
        for (Download d : downloads.values()) {
            if (d.installFailed) {
                continue;
            }
            for (Dependency dep : d.manifest.dependencies()) {
                if (dep.software().equals(sw) && !hasInstalled(sw, dep.minimum())) {
                    need = max(need, dep.minimum());
                }
            }
        }
        return need;
    }

    /** Whether a dependency of {@code m} is neither installed nor being downloaded. */
    boolean dependencyUnresolved(Manifest m) {
        for (Dependency dep : m.dependencies()) {
            if (hasInstalled(dep.software(), dep.minimum())) {
                continue;
            }
            boolean downloading = false;
            for (Download d : downloads.values()) {
                downloading |= !d.installFailed && d.manifest.software().equals(dep.software())
                        && dep.satisfiedBy(d.manifest.version());
            }
            if (!downloading) {
                return true;
            }
        }
        return false;
    }

    /** Software that some active download lists as a dependency. */
    Set<SoftwareId> neededByDownloads() {
        Set<SoftwareId> needed = new HashSet<>();
        for (Download d : downloads.values()) {
            if (!d.installFailed) {
                for (Dependency dep : d.manifest.dependencies()) {
                    needed.add(dep.software());
                }
            }
        }
        return needed;
    }

    // ------------------------------------------------------------ serving and announcing

    /** Piece {@code index} of release {@code d} if this device holds it (installed, downloading or retired), else null. */
    PieceData servable(Digest d, int index) {
        Release r = installedByDigest.get(d);
        if (r != null) {
            return index < r.pieces().size() ? r.pieces().get(index) : null;
        }
        Download dl = downloads.get(d);
        if (dl == null) {
            dl = retired.get(d);
        }
        return dl != null && index < dl.manifest.pieceCount() && dl.has(index) ? dl.piece(index) : null;
    }

    /** Pieces held of release {@code d}: all if installed, the bitfield if downloading, else 0. */
    int piecesHeld(Digest d) {
        Release r = installedByDigest.get(d);
        if (r != null) {
            return r.pieces().size();
        }
        Download dl = downloads.get(d);
        return dl == null ? 0 : dl.haveBits().cardinality();
    }

    List<InventoryItem> installedItems() {
        List<InventoryItem> items = new ArrayList<>(installed.size());
        for (Release r : installed.values()) {
            items.add(item(r.manifest()));
        }
        return items;
    }

    /** Downloads holding at least one piece, with their bitfields. */
    List<DownloadState> downloadStates() {
        List<DownloadState> states = new ArrayList<>();
        for (Download d : downloads.values()) {
            if (!d.haveBits().isEmpty()) {
                states.add(new DownloadState(item(d.signed), d.bitfield()));
            }
        }
        return states;
    }

    static InventoryItem item(SignedManifest sm) {
        return new InventoryItem(sm.manifest().software(), sm.manifest().version(), sm.digest());
    }
}
