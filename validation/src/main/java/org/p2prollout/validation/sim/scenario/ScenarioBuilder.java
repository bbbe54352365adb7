package org.p2prollout.validation.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.p2prollout.validation.sim.scenario.Scenario.AdversaryBehaviour;
import org.p2prollout.validation.sim.scenario.Scenario.BandwidthClass;
import org.p2prollout.validation.sim.scenario.Scenario.Baseline;
import org.p2prollout.validation.sim.scenario.Scenario.MobilityModel;
import org.p2prollout.protocol.selection.PiecePolicy;
import org.p2prollout.validation.sim.scenario.Scenario.ProtocolImplementation;

/**
 * Mutable builder of a {@link Scenario}, one setter per setting, starting from the documented
 * defaults (docs/SCENARIO.md). {@link #build()} validates and freezes; the builder may be reused.
 */
public final class ScenarioBuilder {
    // fleet
    private int devices = 100;
    private int initialHolders = 1;
    private List<BandwidthClass> bandwidthClasses = List.of(new BandwidthClass(1.0, 250_000));
    private double freeRiderShare = 0;
    private double batteryJoules = Double.POSITIVE_INFINITY;
    private double batteryReserveJoules = 0;
    private double joulesPerByteSent = 1e-6;
    private double joulesPerByteReceived = 0.5e-6;
    private double installFailureProbability = 0;
    private List<Integer> initialHolderIds = List.of();
    // mobility
    private MobilityModel mobilityModel = MobilityModel.RANDOM_WAYPOINT;
    private double durationSeconds = 3600;
    private double stepSeconds = 10;
    private double areaWidthMeters = 2000;
    private double areaHeightMeters = 2000;
    private double speedMin = 0.5;
    private double speedMax = 1.5;
    private double pauseMaxSeconds = 0;
    private double encounterRate = 1e-4;
    private double contactDurationSeconds = 60;
    private String trace;
    private String traceFormat = "auto";
    private int traceMaxDevices = 0;
    private boolean recordContacts = true;
    private double blockLengthMeters = 200;
    private double parkedShare = 0.3;
    // radio
    private double rangeMeters = 100;
    private int frameHeaderBytes = 16;
    private boolean instantaneous = false;
    // release
    private String releaseName = "firmware";
    private int releaseVersion = 2;
    private long sizeBytes = 1_000_000;
    private int pieces = 10;
    private int priority = 5;
    // protocol
    private ProtocolImplementation implementation = ProtocolImplementation.REFERENCE;
    private PiecePolicy policy = PiecePolicy.RAREST_FIRST;
    private int recentPeers = 8;
    private double failureShareThreshold = 0.5;
    private int uploadSlots = 4;
    // adversary
    private double adversaryShare = 0;
    private List<AdversaryBehaviour> behaviours = List.of(AdversaryBehaviour.TAMPERED_PIECES);
    private List<Integer> adversaryIds = List.of();
    // server
    private double serverRate = 0;
    private double serverBytesPerSecond = 1_000_000;
    private double coverageShare = 1;
    private List<Scenario.CoverageArea> coverageAreas = List.of();
    private Baseline baseline = Baseline.P2P;
    // churn (closed fleet by default)
    private double arrivalRate = 0;
    private double leaveLackingRate = 0;
    private double leaveHoldingRate = 0;
    private double warmupSeconds = 0;
    private int batches = 20;

    ScenarioBuilder() {
    }

    public ScenarioBuilder devices(int v) { devices = v; return this; }
    public ScenarioBuilder initialHolders(int v) { initialHolders = v; return this; }
    public ScenarioBuilder bandwidthClasses(List<BandwidthClass> v) { bandwidthClasses = new ArrayList<>(v); return this; }
    /** One bandwidth class for the whole fleet, bytes per second. */
    public ScenarioBuilder bandwidth(double bytesPerSecond) { return bandwidthClasses(List.of(new BandwidthClass(1, bytesPerSecond))); }
    public ScenarioBuilder freeRiderShare(double v) { freeRiderShare = v; return this; }
    public ScenarioBuilder batteryJoules(double v) { batteryJoules = v; return this; }
    public ScenarioBuilder batteryReserveJoules(double v) { batteryReserveJoules = v; return this; }
    public ScenarioBuilder joulesPerByteSent(double v) { joulesPerByteSent = v; return this; }
    public ScenarioBuilder joulesPerByteReceived(double v) { joulesPerByteReceived = v; return this; }
    public ScenarioBuilder installFailureProbability(double v) { installFailureProbability = v; return this; }
    /** Fixes which devices hold the release at the start (overrides initialHolders). */
    public ScenarioBuilder initialHolderIds(List<Integer> v) { initialHolderIds = new ArrayList<>(v); return this; }

    public ScenarioBuilder mobility(MobilityModel v) { mobilityModel = v; return this; }
    public ScenarioBuilder durationSeconds(double v) { durationSeconds = v; return this; }
    public ScenarioBuilder stepSeconds(double v) { stepSeconds = v; return this; }
    public ScenarioBuilder areaWidthMeters(double v) { areaWidthMeters = v; return this; }
    public ScenarioBuilder areaHeightMeters(double v) { areaHeightMeters = v; return this; }
    /** A square area, metres per side. */
    public ScenarioBuilder area(double side) { areaWidthMeters = side; areaHeightMeters = side; return this; }
    public ScenarioBuilder speedMinMetersPerSecond(double v) { speedMin = v; return this; }
    public ScenarioBuilder speedMaxMetersPerSecond(double v) { speedMax = v; return this; }
    public ScenarioBuilder pauseMaxSeconds(double v) { pauseMaxSeconds = v; return this; }
    public ScenarioBuilder encounterRate(double v) { encounterRate = v; return this; }
    public ScenarioBuilder contactDurationSeconds(double v) { contactDurationSeconds = v; return this; }
    public ScenarioBuilder trace(String v) { trace = v; return this; }
    public ScenarioBuilder traceFormat(String v) { traceFormat = v; return this; }
    public ScenarioBuilder traceMaxDevices(int v) { traceMaxDevices = v; return this; }
    public ScenarioBuilder recordContacts(boolean v) { recordContacts = v; return this; }
    public ScenarioBuilder blockLengthMeters(double v) { blockLengthMeters = v; return this; }
    public ScenarioBuilder parkedShare(double v) { parkedShare = v; return this; }

    public ScenarioBuilder rangeMeters(double v) { rangeMeters = v; return this; }
    public ScenarioBuilder frameHeaderBytes(int v) { frameHeaderBytes = v; return this; }
    public ScenarioBuilder instantaneous(boolean v) { instantaneous = v; return this; }

    public ScenarioBuilder releaseName(String v) { releaseName = v; return this; }
    public ScenarioBuilder releaseVersion(int v) { releaseVersion = v; return this; }
    public ScenarioBuilder sizeBytes(long v) { sizeBytes = v; return this; }
    public ScenarioBuilder pieces(int v) { pieces = v; return this; }
    public ScenarioBuilder priority(int v) { priority = v; return this; }

    public ScenarioBuilder implementation(ProtocolImplementation v) { implementation = v; return this; }
    public ScenarioBuilder policy(PiecePolicy v) { policy = v; return this; }
    public ScenarioBuilder recentPeers(int v) { recentPeers = v; return this; }
    public ScenarioBuilder failureShareThreshold(double v) { failureShareThreshold = v; return this; }
    public ScenarioBuilder uploadSlots(int v) { uploadSlots = v; return this; }

    public ScenarioBuilder adversaryShare(double v) { adversaryShare = v; return this; }
    public ScenarioBuilder adversaryBehaviours(List<AdversaryBehaviour> v) { behaviours = new ArrayList<>(v); return this; }
    /** Fixes which devices are hostile (overrides adversary.share). */
    public ScenarioBuilder adversaryIds(List<Integer> v) { adversaryIds = new ArrayList<>(v); return this; }

    public ScenarioBuilder serverRate(double v) { serverRate = v; return this; }
    public ScenarioBuilder serverBytesPerSecond(double v) { serverBytesPerSecond = v; return this; }
    public ScenarioBuilder serverCoverageShare(double v) { coverageShare = v; return this; }
    /** Discs of server coverage (synthetic mobility only); empty = everywhere. */
    public ScenarioBuilder serverCoverageAreas(List<Scenario.CoverageArea> v) { coverageAreas = new ArrayList<>(v); return this; }
    public ScenarioBuilder baseline(Baseline v) { baseline = v; return this; }

    /** alpha, devices lacking the update coming online per second (0 = closed fleet). */
    public ScenarioBuilder arrivalRate(double v) { arrivalRate = v; return this; }
    /** theta, per second per online device lacking the update. */
    public ScenarioBuilder leaveLackingRate(double v) { leaveLackingRate = v; return this; }
    /** gamma, per second per online holder. */
    public ScenarioBuilder leaveHoldingRate(double v) { leaveHoldingRate = v; return this; }
    public ScenarioBuilder warmupSeconds(double v) { warmupSeconds = v; return this; }
    public ScenarioBuilder batches(int v) { batches = v; return this; }

    /** Validates every setting (InvalidInputException naming the first bad one) and freezes. */
    public Scenario build() {
        return new Scenario(
                new Scenario.Fleet(devices, initialHolders, bandwidthClasses, freeRiderShare, batteryJoules,
                        batteryReserveJoules, joulesPerByteSent, joulesPerByteReceived, installFailureProbability,
                        initialHolderIds),
                new Scenario.Mobility(mobilityModel, durationSeconds, stepSeconds, areaWidthMeters, areaHeightMeters,
                        speedMin, speedMax, pauseMaxSeconds, encounterRate, contactDurationSeconds, trace, traceFormat,
                        traceMaxDevices, recordContacts, blockLengthMeters, parkedShare),
                new Scenario.Radio(rangeMeters, frameHeaderBytes, instantaneous),
                new Scenario.ReleaseSettings(releaseName, releaseVersion, sizeBytes, pieces, priority),
                new Scenario.Protocol(implementation, policy, recentPeers, failureShareThreshold, uploadSlots),
                new Scenario.Adversary(adversaryShare, behaviours, adversaryIds),
                new Scenario.Server(serverRate, serverBytesPerSecond, coverageShare, coverageAreas),
                baseline,
                new Scenario.Churn(arrivalRate, leaveLackingRate, leaveHoldingRate, warmupSeconds, batches));
    }
}
