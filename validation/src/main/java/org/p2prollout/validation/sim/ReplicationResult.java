package org.p2prollout.validation.sim;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;

/**
 * What one replication measured. Times in seconds since release; bytes over the air.
 *
 * @param replication      replication index, from 0
 * @param seed             the run's seed
 * @param baseline         which system ran
 * @param devices          N, the whole fleet
 * @param coverageFleet    devices counted for coverage: the honest ones (hostile devices excluded)
 * @param stopSeconds      simulated time at which the run stopped (horizon, or when all installed)
 * @param installTimes     install time of each covered device that installed, ascending (initial holders at 0)
 * @param t50              T_0.5: time until ceil(0.5 * coverageFleet) devices installed, NaN if not reached
 * @param t90              T_0.9, NaN if not reached
 * @param t99              T_0.99, NaN if not reached
 * @param t100             T_1, NaN if not reached
 * @param bytes            bytes per kind, keys {@link ByteKind#key()}
 * @param offload          peer payload / (peer + server payload), in [0, 1]; NaN when no payload moved
 * @param overheadRatio    all bytes over the air / {@link #clientServerBytes}
 * @param clientServerBytes bytes a plain client-server download of the same fleet sends: per device lacking
 *                         the release at the start, one manifest request, the manifest, and per piece one
 *                         request and the piece, all with frame headers
 * @param energyJoules     radio energy each device spent, joules, indexed by device
 * @param rejected         rejected items per kind
 * @param tamperedInstalls installs of tampered content (must be 0)
 * @param serverPieces     pieces delivered intact by the server (server downloads in pieces)
 * @param contactCount     contacts that started during the run
 * @param events           events the engine processed
 * @param contacts         the contact log, or null when the scenario does not record it
 */
public record ReplicationResult(int replication, long seed, Baseline baseline, int devices, int coverageFleet,
                                double stopSeconds, double[] installTimes, double t50, double t90, double t99,
                                double t100, Map<String, Long> bytes, double offload, double overheadRatio,
                                long clientServerBytes, double[] energyJoules, Map<String, Long> rejected,
                                long tamperedInstalls, long serverPieces, long contactCount, long events,
                                org.p2prollout.model.contact.ContactStore contacts)
        implements Serializable {
    public ReplicationResult {
        installTimes = installTimes == null ? null : installTimes.clone();
        energyJoules = energyJoules == null ? null : energyJoules.clone();
    }

    /** Install times, ascending (a copy). */
    @Override
    public double[] installTimes() {
        return installTimes == null ? null : installTimes.clone();
    }

    /** Radio energy per device, joules (a copy). */
    @Override
    public double[] energyJoules() {
        return energyJoules == null ? null : energyJoules.clone();
    }

    /** Installs of the coverage fleet (the length of {@link #installTimes()}, without copying). */
    public int installs() {
        return installTimes == null ? 0 : installTimes.length;
    }

    /** Equal when every component is equal, arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationResult r && replication == r.replication && seed == r.seed
                && baseline == r.baseline && devices == r.devices && coverageFleet == r.coverageFleet
                && Double.compare(stopSeconds, r.stopSeconds) == 0 && Arrays.equals(installTimes, r.installTimes)
                && Double.compare(t50, r.t50) == 0 && Double.compare(t90, r.t90) == 0
                && Double.compare(t99, r.t99) == 0 && Double.compare(t100, r.t100) == 0
                && java.util.Objects.equals(bytes, r.bytes) && Double.compare(offload, r.offload) == 0
                && Double.compare(overheadRatio, r.overheadRatio) == 0 && clientServerBytes == r.clientServerBytes
                && Arrays.equals(energyJoules, r.energyJoules) && java.util.Objects.equals(rejected, r.rejected)
                && tamperedInstalls == r.tamperedInstalls && serverPieces == r.serverPieces
                && contactCount == r.contactCount && events == r.events
                && java.util.Objects.equals(contacts, r.contacts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(replication, seed, baseline, devices, coverageFleet, stopSeconds,
                Arrays.hashCode(installTimes), t50, t90, t99, t100, bytes, offload, overheadRatio, clientServerBytes,
                Arrays.hashCode(energyJoules), rejected, tamperedInstalls, serverPieces, contactCount, events,
                contacts);
    }

    @Override
    public String toString() {
        return "ReplicationResult[replication=" + replication + ", seed=" + seed + ", baseline=" + baseline
                + ", devices=" + devices + ", coverageFleet=" + coverageFleet + ", stopSeconds=" + stopSeconds
                + ", installTimes=" + Arrays.toString(installTimes) + ", t50=" + t50 + ", t90=" + t90 + ", t99=" + t99
                + ", t100=" + t100 + ", bytes=" + bytes + ", offload=" + offload + ", overheadRatio=" + overheadRatio
                + ", clientServerBytes=" + clientServerBytes + ", energyJoules=" + Arrays.toString(energyJoules)
                + ", rejected=" + rejected + ", tamperedInstalls=" + tamperedInstalls + ", serverPieces="
                + serverPieces + ", contactCount=" + contactCount + ", events=" + events + ", contacts=" + contacts
                + "]";
    }

    /**
     * Server downloads in releases: pieces delivered by the server divided by K (the single-piece
     * model's "server downloads" when K = 1).
     */
    public double serverDownloads(int pieces) {
        return (double) serverPieces / pieces;
    }

    /** All bytes over the air, every kind. */
    public long totalBytes() {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Fraction of the coverage fleet holding the release at {@code time} seconds since release. */
    public double coverageAt(double time) {
        int k = Arrays.binarySearch(installTimes, time);
        int count;
        if (k >= 0) {
            while (k + 1 < installTimes.length && installTimes[k + 1] == time) {
                k++;
            }
            count = k + 1;
        } else {
            count = -k - 1;
        }
        return coverageFleet == 0 ? 1 : (double) count / coverageFleet;
    }

    /** T_q for the fraction {@code q} in (0, 1]: NaN when not reached. */
    public double rolloutTime(double q) {
        return rolloutTime(installTimes, coverageFleet, q);
    }

    /** T_q from ascending install times of a fleet of {@code fleet} devices; NaN when not reached. */
    public static double rolloutTime(double[] sortedInstallTimes, int fleet, double q) {
        int need = (int) Math.ceil(q * fleet - 1e-9);
        if (need <= 0) {
            return 0;
        }
        return need <= sortedInstallTimes.length ? sortedInstallTimes[need - 1] : Double.NaN;
    }

    /** Mean radio energy per device, joules. */
    public double meanEnergyJoules() {
        return Arrays.stream(energyJoules).average().orElse(0);
    }
}
