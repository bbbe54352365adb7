package org.p2prollout.validation.sim.scenario;

import java.io.Serializable;
import java.util.List;
import org.p2prollout.core.Checks;
import org.p2prollout.core.InvalidInputException;
import org.p2prollout.protocol.selection.PiecePolicy;

/**
 * Everything one simulation run depends on besides the seed: fleet, mobility, radio, release,
 * protocol, adversary and server settings, and which system runs over them (the P2P protocol
 * or a baseline). Immutable and serialisable, so a replication is a pure function of
 * (scenario, seed, replication index). Build one with {@link #builder()} or read one from YAML
 * with {@link ScenarioReader}; every setting and its default is documented in docs/SCENARIO.md.
 */
public record Scenario(Fleet fleet, Mobility mobility, Radio radio, ReleaseSettings release, Protocol protocol,
                       Adversary adversary, Server server, Baseline baseline, Churn churn) implements Serializable {

    /** A closed fleet (no churn). */
    public Scenario(Fleet fleet, Mobility mobility, Radio radio, ReleaseSettings release, Protocol protocol,
                    Adversary adversary, Server server, Baseline baseline) {
        this(fleet, mobility, radio, release, protocol, adversary, server, baseline, Churn.CLOSED);
    }

    public Scenario {
        if (churn == null) {
            churn = Churn.CLOSED;
        }
        if (churn.open()) {
            requireForChurn(mobility.model() == MobilityModel.CONTACT_PROCESS, "mobility.model must be contact-process");
            requireForChurn(radio.instantaneous(), "radio.instantaneous must be true (every encounter carries the update)");
            requireForChurn(fleet.freeRiderShare() == 0, "fleet.freeRiderShare must be 0");
            requireForChurn(fleet.installFailureProbability() == 0, "fleet.installFailureProbability must be 0");
            requireForChurn(adversary.share() == 0 && adversary.deviceIds().isEmpty(), "adversary.share must be 0");
            requireForChurn(server.coverageShare() == 1, "server.coverageShare must be 1");
            requireForChurn(baseline == Baseline.P2P, "baseline must be p2p");
            if (!(churn.warmupSeconds() < mobility.durationSeconds())) {
                throw new InvalidInputException("churn.warmupSeconds must be in [0, mobility.durationSeconds = "
                        + mobility.durationSeconds() + "), got " + churn.warmupSeconds());
            }
        }
        if (fleet.initialHolders() > fleet.devices()) {
            throw new InvalidInputException("fleet.initialHolders must be an integer in [0, " + fleet.devices()
                    + "] (fleet.devices), got " + fleet.initialHolders());
        }
        if (release.pieces() > release.sizeBytes()) {
            throw new InvalidInputException("release.pieces must be an integer in [1, " + release.sizeBytes()
                    + "] (release.sizeBytes), got " + release.pieces());
        }
        for (int id : adversary.deviceIds()) {
            if (id >= fleet.devices() || fleet.initialHolderIds().contains(id)) {
                throw new InvalidInputException("adversary.deviceIds must be device indices in [0, " + (fleet.devices() - 1)
                        + "] that are not initial holders, got " + id);
            }
        }
        if (!server.coverageAreas().isEmpty() && (mobility.model() == MobilityModel.TRACE
                || mobility.model() == MobilityModel.CONTACT_PROCESS)) {
            throw new InvalidInputException("server.coverageAreas needs positions: mobility.model must be random-walk, "
                    + "random-waypoint or city, got " + ScenarioReader.kebab(mobility.model()));
        }
        if ((mobility.model() == MobilityModel.RANDOM_WAYPOINT || mobility.model() == MobilityModel.CITY
                || mobility.model() == MobilityModel.RANDOM_WALK && mobility.speedMaxMetersPerSecond() == 0)
                && !(mobility.speedMinMetersPerSecond() > 0)) {
            throw new InvalidInputException("mobility.speedMinMetersPerSecond must be > 0 for "
                    + ScenarioReader.kebab(mobility.model()) + " mobility, got " + mobility.speedMinMetersPerSecond());
        }
        if (mobility.model() == MobilityModel.CITY && (mobility.areaWidthMeters() < mobility.blockLengthMeters()
                || mobility.areaHeightMeters() < mobility.blockLengthMeters())) {
            throw new InvalidInputException("mobility.areaWidthMeters and areaHeightMeters must be >= "
                    + "mobility.blockLengthMeters (" + mobility.blockLengthMeters() + ") for city mobility");
        }
                if (mobility.model() == MobilityModel.TRACE && mobility.trace() == null) {
            throw new InvalidInputException("mobility.trace must name a trace file or folder when mobility.model is trace");
        }
    }

    private static void requireForChurn(boolean ok, String what) {
        if (!ok) {
            throw new InvalidInputException("churn.arrivalRate > 0 (an open fleet) needs " + what);
        }
    }

    /**
     * Devices arriving and leaving (PRODUCT.md section 4.5), run by
     * {@link org.p2prollout.validation.sim.churn.OpenFleetSimulator}. With {@code arrivalRate = 0}
     * the fleet is closed and the section is ignored.
     *
     * @param arrivalRate      alpha: devices lacking the update coming online, per second, in [0, 1e6]
     * @param leaveLackingRate theta: rate at which an online device lacking the update goes offline, per second, in [0, 1e6]
     * @param leaveHoldingRate gamma: rate at which an online holder stops sharing (goes offline), per second, in [0, 1e6]
     * @param warmupSeconds    simulated seconds discarded before time averages start, in [0, duration)
     * @param batches          batches of the batch-means confidence intervals per replication, in [2, 1000]
     */
    public record Churn(double arrivalRate, double leaveLackingRate, double leaveHoldingRate, double warmupSeconds,
                        int batches) implements Serializable {
        /** The closed fleet: nobody arrives or leaves. */
        public static final Churn CLOSED = new Churn(0, 0, 0, 0, 20);

        public Churn {
            rate("churn.arrivalRate", arrivalRate);
            rate("churn.leaveLackingRate", leaveLackingRate);
            rate("churn.leaveHoldingRate", leaveHoldingRate);
            Checks.nonNegative("churn.warmupSeconds", warmupSeconds);
            Checks.inRange("churn.batches", batches, 2, 1000);
        }

        private static void rate(String name, double v) {
            if (!(v >= 0 && v <= 1e6)) {
                throw new InvalidInputException(name + " must be in [0, 1e6] per second, got " + v);
            }
        }

        /** True when devices arrive: the fleet is open. */
        public boolean open() {
            return arrivalRate > 0;
        }
    }

    /** Which system is simulated over the fleet and mobility. */
    public enum Baseline {
        /** The peer-to-peer update protocol (plus the server at rate mu). */
        P2P,
        /** Every device downloads from the server only (contacts are ignored). */
        CLIENT_SERVER,
        /** A BitTorrent-like swarm: tracker, every device reachable, rarest-first, upload slots. */
        BITTORRENT;

        public static Baseline parse(String name, String value) {
            return ScenarioReader.parseEnum(name, value, Baseline.class);
        }
    }

    /** How devices move (or meet). */
    public enum MobilityModel {
        /** The seed paper's random walk on a square: a new uniform heading every step. */
        RANDOM_WALK,
        /** Random waypoint: uniform destination, uniform speed, uniform pause. */
        RANDOM_WAYPOINT,
        /** The synthetic city: a Manhattan street grid, some devices parked, the others driving between intersections. */
        CITY,
        /** No positions: each pair meets as a Poisson process of rate encounterRate. */
        CONTACT_PROCESS,
        /** Replay of a recorded trace (cabspotting, SUMO FCD, ONE, or a contact list). */
        TRACE
    }

    /** Which implementation of the protocol the devices run. */
    public enum ProtocolImplementation {
        /** The reference protocol (signed manifests, hashed pieces, adversaries). */
        REFERENCE,
        /** An idealised piece exchange with the same message kinds and sizes, no cryptography: large fleets. */
        IDEAL
    }

    /** Hostile behaviours an adversarial device can show. */
    public enum AdversaryBehaviour {
        TAMPERED_PIECES, FORGED_MANIFEST, OLDER_VERSION, LYING_BITFIELD,
        /** Invented install failures of the genuine release (issue 13 item 1; reference protocol only). */
        FORGED_REPORTS,
        /** Holding and announcing the release, never answering piece requests (item 3; reference only). */
        WITHHOLDING,
        /** Announcing itself serving, answering NOT_SERVING (item 3; reference only). */
        CLAIMING_NOT_SERVING,
        /** Tampered pieces under device ids whose keys the publisher never certified; every device
         * then authenticates its peers (item 5; reference only). */
        SYBIL,
        /** Holding a validly signed but expired (withdrawn) release newer than the devices' own:
         * the freeze attack (item 2; reference only). */
        STALE_RELEASE
    }

    /** A share of the fleet with one radio bandwidth. */
    public record BandwidthClass(double share, double bytesPerSecond) implements Serializable {
        public BandwidthClass {
            Checks.fractionAboveZero("fleet.bandwidthClasses.share", share);
            Checks.positive("fleet.bandwidthClasses.bytesPerSecond", bytesPerSecond);
        }
    }

    /**
     * @param devices                    N, in [1, 10^7]
     * @param initialHolders             devices holding the update at release, in [0, N]
     * @param bandwidthClasses           shares (summing to 1 within 1e-9) with their radio bandwidth, bytes per second
     * @param freeRiderShare             share of devices that receive but never upload, [0, 1]
     * @param batteryJoules              energy budget for radio traffic per device, joules, > 0 (infinite = no limit)
     * @param batteryReserveJoules       below this remaining energy a device stops serving, joules, >= 0
     * @param joulesPerByteSent          radio energy per byte sent, joules, >= 0
     * @param joulesPerByteReceived      radio energy per byte received, joules, >= 0
     * @param installFailureProbability  probability that an installation fails and rolls back, [0, 1]
     * @param initialHolderIds           devices that hold the release at the start; empty = initialHolders drawn at random
     */
    public record Fleet(int devices, int initialHolders, List<BandwidthClass> bandwidthClasses, double freeRiderShare,
                        double batteryJoules, double batteryReserveJoules, double joulesPerByteSent,
                        double joulesPerByteReceived, double installFailureProbability, List<Integer> initialHolderIds)
            implements Serializable {
        public Fleet {
            Checks.inRange("fleet.devices", devices, 1, 10_000_000);
            initialHolderIds = List.copyOf(initialHolderIds);
            for (int id : initialHolderIds) {
                Checks.inRange("fleet.initialHolderIds", id, 0, devices - 1);
            }
            if (!initialHolderIds.isEmpty()) {
                initialHolders = (int) initialHolderIds.stream().distinct().count();
            }
            Checks.inRange("fleet.initialHolders", initialHolders, 0, devices);
            bandwidthClasses = List.copyOf(bandwidthClasses);
            if (bandwidthClasses.isEmpty()) {
                throw new InvalidInputException("fleet.bandwidthClasses must list at least one class");
            }
            double sum = bandwidthClasses.stream().mapToDouble(BandwidthClass::share).sum();
            if (Math.abs(sum - 1) > 1e-9) {
                throw new InvalidInputException("fleet.bandwidthClasses shares must sum to 1 (within 1e-9), got " + sum);
            }
            Checks.probability("fleet.freeRiderShare", freeRiderShare);
            if (!(batteryJoules > 0)) {
                throw new InvalidInputException("fleet.batteryJoules must be > 0 (unlimited for no limit), got " + batteryJoules);
            }
            Checks.nonNegative("fleet.batteryReserveJoules", batteryReserveJoules);
            Checks.nonNegative("fleet.joulesPerByteSent", joulesPerByteSent);
            Checks.nonNegative("fleet.joulesPerByteReceived", joulesPerByteReceived);
            Checks.probability("fleet.installFailureProbability", installFailureProbability);
        }
    }

    /**
     * @param model                  how devices move or meet
     * @param durationSeconds        simulated time after release, seconds, > 0
     * @param stepSeconds            position grid step Delta, seconds, > 0
     * @param areaWidthMeters        width of the square area, metres, > 0
     * @param areaHeightMeters       height of the area, metres, > 0
     * @param speedMinMetersPerSecond lowest speed, metres per second, >= 0
     * @param speedMaxMetersPerSecond highest speed, metres per second, >= speedMin
     * @param pauseMaxSeconds        longest pause at a waypoint (uniform in [0, max]), seconds, >= 0
     * @param encounterRate          lambda for contact-process mobility, per pair per second, >= 0
     * @param contactDurationSeconds mean contact duration for contact-process mobility (exponential; 0 = instantaneous), seconds
     * @param trace                  trace file or folder for trace replay (relative to the scenario file), or null
     * @param traceFormat            auto (detect from content) or a rates-pipeline format name (cabspotting, sumo-fcd,
     *                               one-movement, one-connections, contacts-csv, contacts-table)
     * @param traceMaxDevices        replay only the first this many devices of the trace (0 = all)
     * @param recordContacts         keep the contact log in the result
     * @param blockLengthMeters      city: distance between parallel streets, metres, > 0
     * @param parkedShare            city: share of devices parked for the whole run, [0, 1]
     */
    public record Mobility(MobilityModel model, double durationSeconds, double stepSeconds, double areaWidthMeters,
                           double areaHeightMeters, double speedMinMetersPerSecond, double speedMaxMetersPerSecond,
                           double pauseMaxSeconds, double encounterRate, double contactDurationSeconds, String trace,
                           String traceFormat, int traceMaxDevices, boolean recordContacts, double blockLengthMeters,
                           double parkedShare) implements Serializable {
        public Mobility {
            Checks.positive("mobility.blockLengthMeters", blockLengthMeters);
            Checks.probability("mobility.parkedShare", parkedShare);
            Checks.positive("mobility.durationSeconds", durationSeconds);
            Checks.positive("mobility.stepSeconds", stepSeconds);
            Checks.positive("mobility.areaWidthMeters", areaWidthMeters);
            Checks.positive("mobility.areaHeightMeters", areaHeightMeters);
            Checks.nonNegative("mobility.speedMinMetersPerSecond", speedMinMetersPerSecond);
            Checks.nonNegative("mobility.speedMaxMetersPerSecond", speedMaxMetersPerSecond);
            if (speedMaxMetersPerSecond < speedMinMetersPerSecond) {
                throw new InvalidInputException("mobility.speedMaxMetersPerSecond must be >= speedMinMetersPerSecond ("
                        + speedMinMetersPerSecond + "), got " + speedMaxMetersPerSecond);
            }
            Checks.nonNegative("mobility.pauseMaxSeconds", pauseMaxSeconds);
            Checks.nonNegative("mobility.encounterRate", encounterRate);
            Checks.nonNegative("mobility.contactDurationSeconds", contactDurationSeconds);
            if (!traceFormat.equals("auto")) {
                try {
                    org.p2prollout.model.trace.TraceFormat.fromCliName(traceFormat);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("mobility.traceFormat must be auto or one of "
                            + org.p2prollout.model.trace.TraceFormat.names() + ", got " + traceFormat);
                }
            }
            Checks.inRange("mobility.traceMaxDevices", traceMaxDevices, 0, Integer.MAX_VALUE);
            if (model == MobilityModel.RANDOM_WALK || model == MobilityModel.RANDOM_WAYPOINT || model == MobilityModel.CITY) {
                double steps = Math.floor(durationSeconds / stepSeconds) + 1;
                if (!(steps <= MAX_STEPS)) {
                    throw new InvalidInputException("mobility.durationSeconds / mobility.stepSeconds must be at most "
                            + (long) MAX_STEPS + " position steps, got " + durationSeconds + " / " + stepSeconds + " = "
                            + String.format(java.util.Locale.ROOT, "%.3g", steps) + "; raise mobility.stepSeconds");
                }
            }
        }

        /**
         * Most position steps (durationSeconds / stepSeconds + 1) a moving-device model may take:
         * 10^8, e.g. a day at 1 ms. Each step costs a pass over the devices; beyond this a run
         * would not finish in reasonable time (stepSeconds: 1e-9 asked for 10^14).
         */
        public static final double MAX_STEPS = 1e8;
    }

    /**
     * @param rangeMeters      radio range r, metres, > 0
     * @param frameHeaderBytes bytes added to every message on the air, in [0, 65536]
     * @param instantaneous    transfers take no time (every contact carries everything): the epidemic limit
     */
    public record Radio(double rangeMeters, int frameHeaderBytes, boolean instantaneous) implements Serializable {
        public Radio {
            Checks.positive("radio.rangeMeters", rangeMeters);
            Checks.inRange("radio.frameHeaderBytes", frameHeaderBytes, 0, 65536);
        }
    }

    /**
     * The {@code release:} section: what the simulated release is like. Not a release itself:
     * the reference implementation publishes a signed {@code org.p2prollout.protocol.manifest.Release}
     * (software {@code name}, version {@code version.0.0}) from these settings.
     *
     * @param name        software name
     * @param version     the released version, in [1, 65535] (a protocol version's major part is 16 bits)
     * @param sizeBytes   update size B, bytes, in [1, 2^40]
     * @param pieces      K, in [1, min(B, 65536)]
     * @param priority    priority of the release (for the priority-aware policy), in [0, 10]
     */
    public record ReleaseSettings(String name, int version, long sizeBytes, int pieces, int priority)
            implements Serializable {
        public ReleaseSettings {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("release.name must be a non-empty string");
            }
            // the protocol's versions are major.minor.patch with 16-bit parts; the release is major version
            // `version` (devices start at version - 1)
            Checks.inRange("release.version", version, 1, 0xFFFF);
            Checks.inRange("release.sizeBytes", sizeBytes, 1, 1L << 40);
            Checks.inRange("release.pieces", pieces, 1, 65536);
            Checks.inRange("release.priority", priority, 0, 10);
        }

        /** Bytes of piece {@code index}: B/K rounded up, the last piece takes the rest. */
        public long pieceBytes(int index) {
            long size = (sizeBytes + pieces - 1) / pieces;
            return index < pieces - 1 ? size : sizeBytes - size * (pieces - 1);
        }
    }

    /**
     * @param implementation           reference protocol or the idealised piece exchange
     * @param policy                   piece-selection policy
     * @param recentPeers              devices met last that announcements carry, in [0, 64]
     * @param failureShareThreshold    refuse a version whose reported install-failure share exceeds this, (0, 1]
     * @param uploadSlots              simultaneous uploads per device in the BitTorrent baseline, in [1, 64]
     */
    public record Protocol(ProtocolImplementation implementation, PiecePolicy policy, int recentPeers,
                           double failureShareThreshold, int uploadSlots) implements Serializable {
        public Protocol {
            Checks.inRange("protocol.recentPeers", recentPeers, 0, 64);
            Checks.fractionAboveZero("protocol.failureShareThreshold", failureShareThreshold);
            Checks.inRange("protocol.uploadSlots", uploadSlots, 1, 64);
        }
    }

    /**
     * @param share      share of devices that are hostile, [0, 1]; hostile devices never count as holders
     * @param behaviours what hostile devices do
     * @param deviceIds  hostile devices by index; empty = a share of the fleet drawn at random
     */
    public record Adversary(double share, List<AdversaryBehaviour> behaviours, List<Integer> deviceIds)
            implements Serializable {
        public Adversary {
            Checks.probability("adversary.share", share);
            behaviours = List.copyOf(behaviours);
            deviceIds = List.copyOf(deviceIds);
            for (int id : deviceIds) {
                Checks.inRange("adversary.deviceIds", id, 0, Integer.MAX_VALUE);
            }
        }
    }

    /** A disc of infrastructure coverage: centre (x, y) and radius, metres, in the mobility area's coordinates. */
    public record CoverageArea(double x, double y, double radiusMeters) implements Serializable {
        public CoverageArea {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new InvalidInputException("server.coverageAreas x and y must be finite, got (" + x + ", " + y + ")");
            }
            Checks.positive("server.coverageAreas.radiusMeters", radiusMeters);
        }

        public boolean contains(double px, double py) {
            double dx = px - x;
            double dy = py - y;
            return dx * dx + dy * dy <= radiusMeters * radiusMeters;
        }
    }

    /**
     * @param rate           mu: rate at which a device lacking the update tries to reach the server, per second, >= 0
     * @param bytesPerSecond download bandwidth from the server, bytes per second, > 0
     * @param coverageShare  share of devices inside server coverage (the others never reach it), [0, 1]
     * @param coverageAreas  discs of coverage: a try succeeds only inside one (synthetic mobility only); empty = everywhere
     */
    public record Server(double rate, double bytesPerSecond, double coverageShare, List<CoverageArea> coverageAreas)
            implements Serializable {
        public Server {
            Checks.nonNegative("server.rate", rate);
            Checks.positive("server.bytesPerSecond", bytesPerSecond);
            Checks.probability("server.coverageShare", coverageShare);
            coverageAreas = List.copyOf(coverageAreas);
        }
    }

    public static ScenarioBuilder builder() {
        return new ScenarioBuilder();
    }

    /** This scenario with the fleet resized to {@code devices} (e.g. the number of devices of a replayed trace). */
    public Scenario withDevices(int devices) {
        Fleet f = fleet;
        Fleet g = new Fleet(devices, Math.min(f.initialHolders(), devices), f.bandwidthClasses(), f.freeRiderShare(),
                f.batteryJoules(), f.batteryReserveJoules(), f.joulesPerByteSent(), f.joulesPerByteReceived(),
                f.installFailureProbability(), f.initialHolderIds());
        return new Scenario(g, mobility, radio, release, protocol, adversary, server, baseline, churn);
    }

    /** This scenario with another baseline (same fleet and mobility). */
    public Scenario withBaseline(Baseline other) {
        return new Scenario(fleet, mobility, radio, release, protocol, adversary, server, other, churn);
    }
}
